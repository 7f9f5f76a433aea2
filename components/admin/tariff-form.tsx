'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createTariffAction, updateTariffAction } from '@/actions/tariffs';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { BILLING_TYPES } from '@/lib/tariffs/tariff-input';

export type TariffFormValues = {
  code: string;
  name: string;
  baseCents: string;
  perKm: string;
  perMinute: string;
  minimumChargeCents: string;
  isActive: boolean;
  isPassenger: boolean;
  isDuesExempt: boolean;
  /** A billing type, or empty: none. */
  defaultBillingType: string;
};

export const emptyTariffFormValues: TariffFormValues = {
  code: '',
  name: '',
  baseCents: '',
  perKm: '',
  perMinute: '',
  minimumChargeCents: '',
  isActive: true,
  isPassenger: false,
  isDuesExempt: false,
  defaultBillingType: '',
};

type Props = { mode: 'create' } | { mode: 'update'; id: number; initial: TariffFormValues };

/** Create or edit a tariff. Controlled inputs: what was typed stays when the server refuses it. */
export function TariffForm(props: Props) {
  const t = useTranslations('tariffsAdmin');
  const [values, setValues] = useState(props.mode === 'update' ? props.initial : emptyTariffFormValues);
  const form = useActionForm<unknown>(
    props.mode === 'create' ? createTariffAction : updateTariffAction,
    // A new tariff's form empties itself for the next one; an edited tariff's keeps what was saved.
    { onSuccess: props.mode === 'create' ? () => setValues(emptyTariffFormValues) : undefined },
  );
  const { field, checkbox } = bindFields(values, setValues, form.fieldErrors);
  // Both forms may share a page one day: prefix the ids.
  const id = (field: string) => `tariff-${props.mode}-${field}`;
  const title = props.mode === 'create' ? t('newTitle') : t('editTitle', { code: props.initial.code });

  return (
    <ActionForm
      form={form}
      fields={{ id: props.mode === 'update' ? props.id : null }}
      className="form tariff-form"
      aria-label={title}
      submit={{ label: props.mode === 'create' ? t('form.create') : t('form.save'), pendingLabel: t('form.saving') }}
    >
      <fieldset disabled={form.isPending} className="form-sections">
        <section>
          <TextField
            {...field('code')}
            id={id('code')}
            label={t('form.code')}
            hint={t('form.codeHint')}
            required
            maxLength={16}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField {...field('name')} id={id('name')} label={t('form.name')} required maxLength={100} />
          <CheckboxField {...checkbox('isActive')} id={id('isActive')} label={t('form.isActive')} />
        </section>
        <section>
          <TextField
            {...field('baseCents')}
            id={id('baseCents')}
            label={t('form.base')}
            hint={t('form.baseHint')}
            inputMode="decimal"
            required
          />
          <TextField {...field('perKm')} id={id('perKm')} label={t('form.perKm')} hint={t('form.rateHint')} inputMode="decimal" required />
          <TextField
            {...field('perMinute')}
            id={id('perMinute')}
            label={t('form.perMinute')}
            hint={t('form.rateHint')}
            inputMode="decimal"
            required
          />
          <TextField
            {...field('minimumChargeCents')}
            id={id('minimumChargeCents')}
            label={t('form.minimum')}
            hint={t('form.minimumHint')}
            inputMode="decimal"
          />
        </section>
        <section>
          <CheckboxField
            {...checkbox('isPassenger')}
            id={id('isPassenger')}
            label={t('form.isPassenger')}
            hint={t('form.isPassengerHint')}
          />
          <CheckboxField
            {...checkbox('isDuesExempt')}
            id={id('isDuesExempt')}
            label={t('form.isDuesExempt')}
            hint={t('form.isDuesExemptHint')}
          />
          <SelectField
            {...field('defaultBillingType')}
            id={id('defaultBillingType')}
            label={t('form.defaultBillingType')}
            hint={t('form.defaultBillingTypeHint')}
            options={[
              { value: '', label: t('form.noBillingType') },
              ...BILLING_TYPES.map((type) => ({ value: type, label: t(`billingTypes.${type}`) })),
            ]}
          />
        </section>
      </fieldset>
      {props.mode === 'update' ? <p className="hint">{t('repricingHint')}</p> : null}
    </ActionForm>
  );
}
