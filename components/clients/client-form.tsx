'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createClientAction, updateClientAction } from '@/actions/clients';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { GroupedClientSection } from './grouped-client-section';
import { DUES_EXEMPTIONS, PROVINCES } from '@/lib/clients/client-input';
import type { HeadBilling } from './form-values';

export type ClientFormValues = {
  number: string;
  name: string;
  contactName: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  province: string;
  postalCode: string;
  invoiceEmails: string;
  language: string;
  deliveryMethod: string;
  paymentTermsDays: string;
  billingCycle: string;
  gstExempt: boolean;
  gstExemptionNumber: string;
  qstExempt: boolean;
  qstExemptionNumber: string;
  /** Why the client pays no dues, or empty: it pays them. */
  duesExemption: string;
  duesExemptionDetail: string;
  duesExemptFrom: string;
  duesExemptTo: string;
  tariffId: string;
  discountPercent: string;
  groupedClientNumber: string;
  /** "En vigueur le": from when a change of the grouped number takes effect (update only). */
  groupedEffectiveDate: string;
  isActive: boolean;
  notes: string;
};

type Props = {
  mode: 'create' | 'update';
  initial: ClientFormValues;
  tariffs: { id: number; label: string }[];
  canEdit: boolean;
  /** For a member: the head's billing fields, which its grouped invoices take. */
  head?: HeadBilling;
  /** Today, the latest date a change of group may take effect on. */
  today?: string;
};

export function ClientForm({ mode, initial, tariffs, canEdit, head, today }: Props) {
  const t = useTranslations('clientForm');
  const [values, setValues] = useState(initial);
  const form = useActionForm<unknown>(mode === 'create' ? createClientAction : updateClientAction);
  const { field, checkbox } = bindFields(values, setValues, form.fieldErrors);

  const option = (group: 'languages' | 'deliveryMethods' | 'billingCycles', keys: readonly string[]) =>
    keys.map((key) => ({ value: key, label: t(`${group}.${key}` as never) }));
  const yesNo = (value: boolean) => t(value ? 'yes' : 'no');
  /** The hint of a field the grouped invoice takes from the head: the head's value. */
  const fromHead = (value: string) => (head ? t('fromHead', { number: head.number, value }) : undefined);
  const isGroupChanged = mode === 'update' && values.groupedClientNumber.trim() !== initial.groupedClientNumber;
  const headDues = (exemption: NonNullable<HeadBilling['duesExemption']>) => {
    const label = t(`duesExemptions.${exemption.reason}` as never);
    const reason = exemption.detail ? `${label} (${exemption.detail})` : label;
    return exemption.to
      ? t('duesExemptPeriod', { reason, from: exemption.from, to: exemption.to })
      : t('duesExemptSince', { reason, from: exemption.from });
  };

  return (
    <ActionForm form={form} className="form client-form" aria-label={mode === 'create' ? t('save') : undefined}>
      <fieldset disabled={!canEdit || form.isPending} className="form-sections">
        <section>
          <h2>{t('sections.identity')}</h2>
          <TextField
            {...field('number')}
            label={t('number')}
            inputMode="numeric"
            required
            readOnly={mode === 'update'}
            autoFocus={mode === 'create'}
          />
          <TextField {...field('name')} label={t('name')} required maxLength={200} />
          <TextField {...field('contactName')} label={t('contactName')} />
          <TextField {...field('phone')} label={t('phone')} type="tel" />
          <CheckboxField {...checkbox('isActive')} label={t('isActive')} />
        </section>

        <GroupedClientSection
          clientNumber={values.number}
          field={field('groupedClientNumber')}
          onMakeHead={() => setValues((v) => ({ ...v, groupedClientNumber: v.number }))}
          isLive={canEdit}
          effectiveDate={isGroupChanged ? { ...field('groupedEffectiveDate'), max: today } : undefined}
        />

        <section>
          <h2>{t('sections.address')}</h2>
          <TextField {...field('addressLine1')} label={t('addressLine1')} required />
          <TextField {...field('addressLine2')} label={t('addressLine2')} />
          <TextField {...field('city')} label={t('city')} required />
          <SelectField {...field('province')} label={t('province')} options={PROVINCES.map((p) => ({ value: p, label: p }))} />
          <TextField {...field('postalCode')} label={t('postalCode')} required maxLength={7} />
        </section>

        <section>
          <h2>{t('sections.billing')}</h2>
          {head ? (
            <p className="hint" data-testid="from-head">
              {t('fromHeadIntro', { number: head.number })}
            </p>
          ) : null}
          <TextField
            {...field('invoiceEmails')}
            label={t('invoiceEmails')}
            hint={head ? fromHead(head.invoiceEmails || '—') : t('invoiceEmailsHint')}
          />
          <SelectField
            {...field('language')}
            label={t('language')}
            options={option('languages', ['fr', 'en'])}
            hint={head && fromHead(t(`languages.${head.language}` as never))}
          />
          <SelectField
            {...field('deliveryMethod')}
            label={t('deliveryMethod')}
            options={option('deliveryMethods', ['print', 'email', 'both'])}
            hint={head && fromHead(t(`deliveryMethods.${head.deliveryMethod}` as never))}
          />
          <TextField
            {...field('paymentTermsDays')}
            label={t('paymentTermsDays')}
            inputMode="numeric"
            hint={head && fromHead(String(head.paymentTermsDays))}
          />
          <SelectField
            {...field('billingCycle')}
            label={t('billingCycle')}
            options={option('billingCycles', ['monthly', 'weekly'])}
            hint={head && fromHead(t(`billingCycles.${head.billingCycle}` as never))}
          />
          <CheckboxField {...checkbox('gstExempt')} label={t('gstExempt')} hint={head && fromHead(yesNo(head.gstExempt))} />
          {values.gstExempt ? <TextField {...field('gstExemptionNumber')} label={t('gstExemptionNumber')} /> : null}
          <CheckboxField {...checkbox('qstExempt')} label={t('qstExempt')} hint={head && fromHead(yesNo(head.qstExempt))} />
          {values.qstExempt ? <TextField {...field('qstExemptionNumber')} label={t('qstExemptionNumber')} /> : null}
          <SelectField
            {...field('duesExemption')}
            label={t('duesExemption')}
            options={[
              { value: '', label: t('duesExemptions.none') },
              ...DUES_EXEMPTIONS.map((reason) => ({ value: reason, label: t(`duesExemptions.${reason}`) })),
            ]}
            hint={head ? fromHead(head.duesExemption ? headDues(head.duesExemption) : t('duesExemptions.none')) : t('duesExemptionHint')}
          />
          {values.duesExemption === 'act' ? (
            <TextField
              {...field('duesExemptionDetail')}
              label={t('duesExemptionDetail')}
              hint={t('duesExemptionDetailHint')}
              required
              maxLength={200}
            />
          ) : null}
          {values.duesExemption ? (
            <>
              <TextField {...field('duesExemptFrom')} label={t('duesExemptFrom')} type="date" required />
              <TextField {...field('duesExemptTo')} label={t('duesExemptTo')} hint={t('duesExemptToHint')} type="date" />
            </>
          ) : null}
        </section>

        <section>
          <h2>{t('sections.pricing')}</h2>
          <SelectField
            {...field('tariffId')}
            label={t('tariff')}
            options={tariffs.map((tariff) => ({ value: String(tariff.id), label: tariff.label }))}
          />
          <TextField {...field('discountPercent')} label={t('discountPercent')} inputMode="decimal" />
          <TextAreaField {...field('notes')} label={t('notes')} rows={3} />
        </section>
      </fieldset>
      <ActionMessage />
      {canEdit ? <SubmitRow label={t('save')} pendingLabel={t('saving')} /> : <p className="hint">{t('readOnly')}</p>}
    </ActionForm>
  );
}
