import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { AUDIT_ENTITIES, describeAuditValue, type AuditRow } from '@/lib/audit/find-audit';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import { formatRate } from '@/lib/tariffs/format-rate';

type Translate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;

/** A stored value in the reader's language: "12,50 $", "1,8750 $/km", "Oui", "Administrateur"… */
function showValue(
  row: AuditRow,
  value: string | null,
  t: Translate,
  tRoles: (role: string) => string,
  locale: Locale,
  tariffCodes: Map<number, string>,
): string {
  const described = describeAuditValue(row.field, value);
  switch (described.kind) {
    case 'empty':
      return t('empty');
    case 'money':
      return formatMoney(described.cents, locale);
    case 'rate':
      return formatRate(described.value, locale, described.unit);
    case 'percent':
      return `${locale === 'fr' ? described.value.replace('.', ',') : described.value} %`;
    case 'boolean':
      return described.value ? t('yes') : t('no');
    case 'role':
      return tRoles(described.role);
    case 'language':
      return t(`locales.${described.locale}`);
    case 'choice':
      return t(`${described.group}.${described.key}` as 'deliveryMethods.print');
    case 'tariff':
      return tariffCodes.get(described.id) ?? String(described.id);
    case 'image':
      return t('image');
    case 'allocation':
      return t('allocationValue', { invoice: described.invoice, amount: formatMoney(described.cents, locale) });
    case 'duesRate':
      return t('duesRateValue', { amount: formatMoney(described.cents, locale), date: formatDate(described.date, locale) });
    case 'text':
      return described.text;
  }
}

const LONG_VALUE = 160;

/** Long values (notes, addresses lists) are cut in the table; the whole text stays in the tooltip. */
function ValueText({ text }: { text: string }) {
  if (text.length <= LONG_VALUE) return text;
  return <span title={text}>{`${text.slice(0, LONG_VALUE)}…`}</span>;
}

/** The audit log's rows: when, who, what, which field, the value before and after. */
export async function AuditTable({ rows, locale, tariffCodes }: { rows: AuditRow[]; locale: Locale; tariffCodes: Map<number, string> }) {
  const t = await getTranslations('audit');
  const tAll = await getTranslations();
  const tRoles = (role: string) => tAll(`roles.${role}` as 'roles.admin');
  const fieldLabel = (field: string) => (t.has(`fields.${field}` as 'fields.name') ? t(`fields.${field}` as 'fields.name') : field);
  const what = (row: AuditRow) =>
    AUDIT_ENTITIES.includes(row.entity) ? t(`what.${row.entity}`, { key: row.entityKey }) : `${row.entity} ${row.entityKey}`;
  const value = (row: AuditRow, stored: string | null) => <ValueText text={showValue(row, stored, t, tRoles, locale, tariffCodes)} />;
  return (
    <DataTable<AuditRow>
      label={t('tableLabel')}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: t('columns.at'), cell: (row) => <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time> },
        { header: t('columns.who'), cell: (row) => row.userName ?? t('system') },
        {
          header: t('columns.what'),
          cell: (row) => (row.clientNumber !== null ? <Link href={`/clients/${row.clientNumber}`}>{what(row)}</Link> : what(row)),
        },
        { header: t('columns.field'), cell: (row) => fieldLabel(row.field) },
        { header: t('columns.oldValue'), cell: (row) => value(row, row.oldValue) },
        { header: t('columns.newValue'), cell: (row) => value(row, row.newValue) },
      ]}
    />
  );
}
