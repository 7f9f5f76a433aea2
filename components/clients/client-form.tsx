'use client';

import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { checkGroupedNumberAction, createClientAction, updateClientAction } from '@/app/(app)/clients/actions';
import { CheckboxField, FormMessage, SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/lib/actions/action-state';
import { PROVINCES } from '@/lib/clients/client-input';

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
  tariffId: string;
  discountPercent: string;
  groupedClientNumber: string;
  isActive: boolean;
  notes: string;
};

type Props = {
  mode: 'create' | 'update';
  initial: ClientFormValues;
  tariffs: { id: number; label: string }[];
  canEdit: boolean;
};

type GroupedCheck = { ok: boolean; message: string } | null;

export function ClientForm({ mode, initial, tariffs, canEdit }: Props) {
  const t = useTranslations('clientForm');
  const [values, setValues] = useState(initial);
  const [state, formAction, isPending] = useActionState<ActionState<unknown>, FormData>(
    mode === 'create' ? createClientAction : updateClientAction,
    idleState,
  );
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const set = (field: keyof ClientFormValues) => (event: { target: { value: string; checked?: boolean; type?: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.type === 'checkbox' ? Boolean(event.target.checked) : event.target.value }));

  // The meaning of "No. client regroupé", checked on the server while the person types.
  const [groupedCheck, setGroupedCheck] = useState<GroupedCheck>(null);
  const [isChecking, startChecking] = useTransition();
  const requestId = useRef(0);
  useEffect(() => {
    if (!canEdit) return;
    const id = ++requestId.current;
    const timer = setTimeout(() => {
      startChecking(async () => {
        const form = new FormData();
        form.set('clientNumber', values.number);
        form.set('groupedClientNumber', values.groupedClientNumber);
        const result = await checkGroupedNumberAction(idleState, form);
        if (id !== requestId.current) return;
        if (result.status === 'success') setGroupedCheck(result.data);
        else if (result.status === 'error')
          setGroupedCheck({ ok: false, message: result.fieldErrors.groupedClientNumber?.join(' ') || result.message });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [values.number, values.groupedClientNumber, canEdit]);

  const option = (group: 'languages' | 'deliveryMethods' | 'billingCycles', keys: readonly string[]) =>
    keys.map((key) => ({ value: key, label: t(`${group}.${key}` as never) }));

  return (
    <form action={formAction} className="form client-form" aria-label={mode === 'create' ? t('save') : undefined}>
      <fieldset disabled={!canEdit || isPending} className="form-sections">
        <section>
          <h2>{t('sections.identity')}</h2>
          <TextField
            name="number"
            label={t('number')}
            value={values.number}
            onChange={set('number')}
            errors={errors.number}
            inputMode="numeric"
            required
            readOnly={mode === 'update'}
            autoFocus={mode === 'create'}
          />
          <TextField
            name="name"
            label={t('name')}
            value={values.name}
            onChange={set('name')}
            errors={errors.name}
            required
            maxLength={200}
          />
          <TextField
            name="contactName"
            label={t('contactName')}
            value={values.contactName}
            onChange={set('contactName')}
            errors={errors.contactName}
          />
          <TextField name="phone" label={t('phone')} value={values.phone} onChange={set('phone')} errors={errors.phone} type="tel" />
          <CheckboxField
            name="isActive"
            label={t('isActive')}
            checked={values.isActive}
            onChange={set('isActive')}
            errors={errors.isActive}
          />
        </section>

        <section>
          <h2>{t('sections.grouping')}</h2>
          <div className="grouped-field">
            <TextField
              name="groupedClientNumber"
              label={t('groupedClientNumber')}
              value={values.groupedClientNumber}
              onChange={set('groupedClientNumber')}
              errors={errors.groupedClientNumber}
              hint={t('groupedHint')}
              inputMode="numeric"
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setValues((v) => ({ ...v, groupedClientNumber: v.number }))}
              disabled={!values.number}
            >
              {t('makeHead')}
            </button>
          </div>
          <p
            className={`grouped-status ${groupedCheck && !groupedCheck.ok ? 'error' : ''}`}
            aria-live="polite"
            data-testid="grouped-status"
          >
            {isChecking && !groupedCheck ? t('groupedStatus.checking') : groupedCheck?.message}
          </p>
        </section>

        <section>
          <h2>{t('sections.address')}</h2>
          <TextField
            name="addressLine1"
            label={t('addressLine1')}
            value={values.addressLine1}
            onChange={set('addressLine1')}
            errors={errors.addressLine1}
            required
          />
          <TextField
            name="addressLine2"
            label={t('addressLine2')}
            value={values.addressLine2}
            onChange={set('addressLine2')}
            errors={errors.addressLine2}
          />
          <TextField name="city" label={t('city')} value={values.city} onChange={set('city')} errors={errors.city} required />
          <SelectField
            name="province"
            label={t('province')}
            value={values.province}
            onChange={set('province')}
            errors={errors.province}
            options={PROVINCES.map((p) => ({ value: p, label: p }))}
          />
          <TextField
            name="postalCode"
            label={t('postalCode')}
            value={values.postalCode}
            onChange={set('postalCode')}
            errors={errors.postalCode}
            required
            maxLength={7}
          />
        </section>

        <section>
          <h2>{t('sections.billing')}</h2>
          <TextField
            name="invoiceEmails"
            label={t('invoiceEmails')}
            value={values.invoiceEmails}
            onChange={set('invoiceEmails')}
            errors={errors.invoiceEmails}
            hint={t('invoiceEmailsHint')}
          />
          <SelectField
            name="language"
            label={t('language')}
            value={values.language}
            onChange={set('language')}
            errors={errors.language}
            options={option('languages', ['fr', 'en'])}
          />
          <SelectField
            name="deliveryMethod"
            label={t('deliveryMethod')}
            value={values.deliveryMethod}
            onChange={set('deliveryMethod')}
            errors={errors.deliveryMethod}
            options={option('deliveryMethods', ['print', 'email', 'both'])}
          />
          <TextField
            name="paymentTermsDays"
            label={t('paymentTermsDays')}
            value={values.paymentTermsDays}
            onChange={set('paymentTermsDays')}
            errors={errors.paymentTermsDays}
            inputMode="numeric"
          />
          <SelectField
            name="billingCycle"
            label={t('billingCycle')}
            value={values.billingCycle}
            onChange={set('billingCycle')}
            errors={errors.billingCycle}
            options={option('billingCycles', ['monthly', 'weekly'])}
          />
          <CheckboxField
            name="gstExempt"
            label={t('gstExempt')}
            checked={values.gstExempt}
            onChange={set('gstExempt')}
            errors={errors.gstExempt}
          />
          {values.gstExempt ? (
            <TextField
              name="gstExemptionNumber"
              label={t('gstExemptionNumber')}
              value={values.gstExemptionNumber}
              onChange={set('gstExemptionNumber')}
              errors={errors.gstExemptionNumber}
            />
          ) : null}
          <CheckboxField
            name="qstExempt"
            label={t('qstExempt')}
            checked={values.qstExempt}
            onChange={set('qstExempt')}
            errors={errors.qstExempt}
          />
          {values.qstExempt ? (
            <TextField
              name="qstExemptionNumber"
              label={t('qstExemptionNumber')}
              value={values.qstExemptionNumber}
              onChange={set('qstExemptionNumber')}
              errors={errors.qstExemptionNumber}
            />
          ) : null}
        </section>

        <section>
          <h2>{t('sections.pricing')}</h2>
          <SelectField
            name="tariffId"
            label={t('tariff')}
            value={values.tariffId}
            onChange={set('tariffId')}
            errors={errors.tariffId}
            options={tariffs.map((tariff) => ({ value: String(tariff.id), label: tariff.label }))}
          />
          <TextField
            name="discountPercent"
            label={t('discountPercent')}
            value={values.discountPercent}
            onChange={set('discountPercent')}
            errors={errors.discountPercent}
            inputMode="decimal"
          />
          <TextAreaField name="notes" label={t('notes')} value={values.notes} onChange={set('notes')} errors={errors.notes} rows={3} />
        </section>
      </fieldset>
      <FormMessage state={state} />
      {canEdit ? (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isPending}>
            {isPending ? t('saving') : t('save')}
          </button>
        </div>
      ) : (
        <p className="hint">{t('readOnly')}</p>
      )}
    </form>
  );
}
