import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { EXPORT_LAYOUTS } from '@/lib/accounting/export-layouts';
import type { listAccountingExports } from '@/lib/accounting/find-exports';
import type { Locale } from '@/lib/i18n/locale';
import { formatDate, formatDateTimeShort, formatMoney } from '@/lib/i18n/format';

type ExportRow = Awaited<ReturnType<typeof listAccountingExports>>[number];

/** The exports written so far, newest first, each downloadable again in every layout. */
export async function AccountingExportsTable({ exports, locale }: { exports: ExportRow[]; locale: Locale }) {
  const t = await getTranslations('accounting');
  return (
    <DataTable<ExportRow>
      label={t('exportsLabel')}
      rows={exports}
      rowKey={(row) => row.id}
      columns={[
        { header: t('columns.id'), isRowHeader: true, cell: (row) => row.id },
        {
          header: t('columns.period'),
          cell: (row) => (
            <>
              {t('periodRange', { from: formatDate(row.periodFrom, locale), to: formatDate(row.periodTo, locale) })}
              {row.isReexport ? <span className="hint"> ({t('reexport')})</span> : null}
            </>
          ),
        },
        { header: t('columns.documents'), cell: (row) => row.documentCount, isNumeric: true },
        { header: t('columns.total'), cell: (row) => formatMoney(row.debitCents, locale), isNumeric: true },
        { header: t('columns.createdAt'), cell: (row) => formatDateTimeShort(row.createdAt, locale) },
        { header: t('columns.createdBy'), cell: (row) => row.createdBy },
        {
          header: t('columns.files'),
          cell: (row) => (
            <span className="file-links">
              {EXPORT_LAYOUTS.map((layout) => (
                <a key={layout} href={`/admin/accounting/exports/${row.id}?layout=${layout}`} download>
                  {t(`layouts.${layout}`)}
                </a>
              ))}
            </span>
          ),
        },
      ]}
    />
  );
}
