'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createTariffAction, updateTariffAction } from '@/app/(app)/admin/tariffs/actions';
import { CheckboxField, FormMessage, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/lib/actions/action-state';

export type TariffFormValues = {
  code: string;
  name: string;
  baseCents: string;
  perKm: string;
  perMinute: string;
  minimumChargeCents: string;
  isActive: boolean;
};

export const emptyTariffFormValues: TariffFormValues = {
  code: '',
  name: '',
  baseCents: '',
  perKm: '',
  perMinute: '',
  minimumChargeCents: '',
  isActive: true,
};

type Props = { mode: 'create' } | { mode: 'update'; id: number; initial: TariffFormValues };

/** Create or edit a tariff. Controlled inputs: what was typed stays when the server refuses it. */
export function TariffForm(props: Props) {
  const t = useTranslations('tariffsAdmin');
  const [values, setValues] = useState(props.mode === 'update' ? props.initial : emptyTariffFormValues);
  const [state, formAction, isPending] = useActionState<ActionState<unknown>, FormData>(async (previous, formData) => {
    const result = props.mode === 'create' ? await createTariffAction(previous, formData) : await updateTariffAction(previous, formData);
    if (result.status === 'success' && props.mode === 'create') setValues(emptyTariffFormValues);
    return result;
  }, idleState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const set = (field: keyof TariffFormValues) => (event: { target: { value: string; checked: boolean; type: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.type === 'checkbox' ? event.target.checked : event.target.value }));
  // Both forms may share a page one day: prefix the ids.
  const id = (field: string) => `tariff-${props.mode}-${field}`;
  const title = props.mode === 'create' ? t('newTitle') : t('editTitle', { code: props.initial.code });

  return (
    <form action={formAction} className="form tariff-form" aria-label={title}>
      {props.mode === 'update' ? <input type="hidden" name="id" value={props.id} /> : null}
      <fieldset disabled={isPending} className="form-sections">
        <section>
          <TextField
            id={id('code')}
            name="code"
            label={t('form.code')}
            hint={t('form.codeHint')}
            value={values.code}
            onChange={set('code')}
            errors={errors.code}
            required
            maxLength={16}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField
            id={id('name')}
            name="name"
            label={t('form.name')}
            value={values.name}
            onChange={set('name')}
            errors={errors.name}
            required
            maxLength={100}
          />
          <CheckboxField
            id={id('isActive')}
            name="isActive"
            label={t('form.isActive')}
            checked={values.isActive}
            onChange={set('isActive')}
            errors={errors.isActive}
          />
        </section>
        <section>
          <TextField
            id={id('baseCents')}
            name="baseCents"
            label={t('form.base')}
            hint={t('form.baseHint')}
            value={values.baseCents}
            onChange={set('baseCents')}
            errors={errors.baseCents}
            inputMode="decimal"
            required
          />
          <TextField
            id={id('perKm')}
            name="perKm"
            label={t('form.perKm')}
            hint={t('form.rateHint')}
            value={values.perKm}
            onChange={set('perKm')}
            errors={errors.perKm}
            inputMode="decimal"
            required
          />
          <TextField
            id={id('perMinute')}
            name="perMinute"
            label={t('form.perMinute')}
            hint={t('form.rateHint')}
            value={values.perMinute}
            onChange={set('perMinute')}
            errors={errors.perMinute}
            inputMode="decimal"
            required
          />
          <TextField
            id={id('minimumChargeCents')}
            name="minimumChargeCents"
            label={t('form.minimum')}
            hint={t('form.minimumHint')}
            value={values.minimumChargeCents}
            onChange={set('minimumChargeCents')}
            errors={errors.minimumChargeCents}
            inputMode="decimal"
          />
        </section>
      </fieldset>
      {props.mode === 'update' ? <p className="hint">{t('repricingHint')}</p> : null}
      <FormMessage state={state} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isPending}>
          {isPending ? t('form.saving') : props.mode === 'create' ? t('form.create') : t('form.save')}
        </button>
      </div>
    </form>
  );
}
