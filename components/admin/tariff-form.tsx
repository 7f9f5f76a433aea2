'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createTariffAction, updateTariffAction } from '@/actions/tariffs';
import { bindFields } from '@/components/form/bind-fields';
import { CheckboxField, FormMessage, TextField } from '@/components/form/fields';
import { idleState, type ActionState } from '@/actions/action-state';

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
  const { field, checkbox } = bindFields(values, setValues, errors);
  // Both forms may share a page one day: prefix the ids.
  const id = (field: string) => `tariff-${props.mode}-${field}`;
  const title = props.mode === 'create' ? t('newTitle') : t('editTitle', { code: props.initial.code });

  return (
    <form action={formAction} className="form tariff-form" aria-label={title}>
      {props.mode === 'update' ? <input type="hidden" name="id" value={props.id} /> : null}
      <fieldset disabled={isPending} className="form-sections">
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
