import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { sortingOf } from '@/components/tables/sortable-header';
import { callSearchUrl, type CallListRow, type CallSearch } from '@/lib/calls/find-calls';
import { formatDateTimeShort, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/** The calls found, sortable by column; a call's number selects it (details beside the list). */
export async function CallResultsTable({ rows, search, locale }: { rows: CallListRow[]; search: CallSearch; locale: Locale }) {
  const t = await getTranslations();
  const isSelected = (call: CallListRow) => call.number === search.selected;
  return (
    <DataTable<CallListRow>
      label={t('callSearch.results')}
      rows={rows}
      rowKey={(call) => call.number}
      rowProps={(call) => ({ 'aria-selected': isSelected(call), className: isSelected(call) ? 'selected' : undefined })}
      sorting={sortingOf(callSearchUrl, search, { firstDir: 'desc', titleOf: (column) => t('callSearch.sortBy', { column }) })}
      columns={[
        {
          header: t('callSearch.columns.number'),
          sortKey: 'number',
          cell: (call) => (
            <Link href={callSearchUrl.href(search, { selected: call.number })} aria-current={isSelected(call) ? 'true' : undefined}>
              {call.number}
            </Link>
          ),
        },
        {
          header: t('callSearch.columns.date'),
          sortKey: 'date',
          isNowrap: true,
          cell: (call) => formatDateTimeShort(call.serviceAt, locale),
        },
        { header: t('callSearch.columns.client'), sortKey: 'client', cell: (call) => call.clientNumber },
        { header: t('callSearch.columns.name'), cell: (call) => call.clientName },
        { header: t('callSearch.columns.route'), cell: (call) => `${call.pickupAddress} → ${call.destinationAddress}` },
        { header: t('callSearch.columns.status'), sortKey: 'status', cell: (call) => t(`callStatus.${call.status}`) },
        { header: t('callSearch.columns.price'), sortKey: 'price', isNumeric: true, cell: (call) => formatMoney(call.priceCents, locale) },
        {
          header: t('callSearch.columns.invoice'),
          cell: (call) =>
            call.invoiceNumber ? (
              <>
                <Link href={`/invoices/${call.invoiceNumber}`}>{call.invoiceNumber}</Link>{' '}
                <span className="hint" data-testid="billed-client">
                  {t('callSearch.billedTo', { client: call.billedClientNumber ?? '' })}
                </span>
              </>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
