import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { CheckboxField, TextField } from '@/components/form/fields';
import type { StatementForm as StatementFormValues } from '@/lib/statements/statement-input';

/** Which statements: the period, one client or the grouped-process checkbox. */
export async function StatementForm({ form }: { form: StatementFormValues }) {
  const t = await getTranslations('statements');
  return (
    <form method="get" action="/receivables/statements" className="search-bar">
      <DateRangeFields from={form.from} to={form.to} labels={{ from: t('from'), to: t('to') }} />
      <CheckboxField name="isGrouped" label={t('grouped')} hint={t('groupedHint')} defaultChecked={form.isGrouped} />
      <TextField
        name="clientNumber"
        label={t('clientNumber')}
        hint={t('clientHint')}
        inputMode="numeric"
        defaultValue={form.clientNumber}
        isNarrow
      />
      <button type="submit" className="primary">
        {t('show')}
      </button>
    </form>
  );
}
