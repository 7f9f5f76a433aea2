import { getTranslations } from 'next-intl/server';
import { CheckboxField, TextField } from '@/components/form/fields';
import { CycleField } from './cycle-field';
import type { BillingListForm as BillingListFormValues } from '@/lib/billing/billing-input';

/** The billing list's inputs: cut-off date, cycle, client range and the grouped-process checkbox. */
export async function BillingListForm({
  form,
  fieldErrors,
}: {
  form: BillingListFormValues;
  fieldErrors: Record<string, string[] | undefined>;
}) {
  const t = await getTranslations();
  return (
    <form method="get" action="/billing" className="search-bar billing-form">
      <TextField
        name="cutoff"
        label={t('billing.cutoff')}
        type="date"
        defaultValue={form.cutoff}
        required
        errors={fieldErrors.cutoff ? [t('errors.call.date')] : undefined}
        isNarrow
      />
      <CycleField defaultValue={form.cycle} />
      <TextField name="clientFrom" label={t('billing.clientFrom')} inputMode="numeric" defaultValue={form.clientFrom} isNarrow />
      <TextField
        name="clientTo"
        label={t('billing.clientTo')}
        inputMode="numeric"
        defaultValue={form.clientTo}
        errors={fieldErrors.clientFrom || fieldErrors.clientTo ? [t('errors.billing.range')] : undefined}
        isNarrow
      />
      <CheckboxField name="isGrouped" label={t('billing.grouped')} hint={t('billing.groupedHint')} defaultChecked={form.isGrouped} />
      <button type="submit" className="primary">
        {t('billing.show')}
      </button>
    </form>
  );
}
