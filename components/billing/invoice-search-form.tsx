import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { SelectField, TextField } from '@/components/form/fields';
import type { InvoiceSearch } from '@/lib/billing/find-invoices';

/** The invoice list's filter bar: invoice, billed client, run, kind, status, issue dates. */
export async function InvoiceSearchForm({ search }: { search: InvoiceSearch }) {
  const t = await getTranslations();
  const any = { value: '', label: t('invoicesScreen.any') };
  return (
    <form method="get" action="/invoices" className="search-bar" role="search">
      {(['number', 'client', 'run'] as const).map((field) => (
        <TextField
          key={field}
          name={field}
          label={t(`invoicesScreen.${field}`)}
          inputMode="numeric"
          defaultValue={search[field] ?? ''}
          isNarrow
        />
      ))}
      <SelectField
        name="kind"
        label={t('invoicesScreen.kind')}
        defaultValue={search.kind ?? ''}
        options={[any, { value: 'normal', label: t('runs.kinds.normal') }, { value: 'grouped', label: t('runs.kinds.grouped') }]}
        isNarrow
      />
      <SelectField
        name="status"
        label={t('invoicesScreen.status')}
        defaultValue={search.status ?? ''}
        options={[
          any,
          { value: 'issued', label: t('invoicesScreen.statuses.issued') },
          { value: 'void', label: t('invoicesScreen.statuses.void') },
          { value: 'open', label: t('invoicesScreen.statuses.due') },
          { value: 'partial', label: t('receivables.invoiceStatus.partial') },
          { value: 'paid', label: t('receivables.invoiceStatus.paid') },
        ]}
        isNarrow
      />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t('invoicesScreen.from'), to: t('invoicesScreen.to') }} />
      <button type="submit" className="primary">
        {t('invoicesScreen.search')}
      </button>
    </form>
  );
}
