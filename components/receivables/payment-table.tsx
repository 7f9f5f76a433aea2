import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { PaymentRow } from '@/lib/receivables/find-payments';

/** A list of payments: number, client, date received, method, reference, amount, applied, credit on account, status. */
export async function PaymentTable({ rows, locale, label }: { rows: PaymentRow[]; locale: Locale; label: string }) {
  const t = await getTranslations();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <DataTable<PaymentRow>
      label={label}
      rows={rows}
      rowKey={(payment) => payment.id}
      rowProps={(payment) => ({ className: payment.status === 'reversed' ? 'void' : undefined })}
      columns={[
        {
          header: t('payments.columns.number'),
          isRowHeader: true,
          cell: (payment) => <Link href={`/receivables/payments/${payment.number}`}>{payment.number}</Link>,
        },
        { header: t('payments.columns.client'), cell: (payment) => `${payment.billedClientNumber} — ${payment.clientName}` },
        { header: t('payments.columns.received'), isNowrap: true, cell: (payment) => formatDate(payment.receivedOn, locale) },
        { header: t('payments.columns.method'), cell: (payment) => t(`receivables.methods.${payment.method}`) },
        { header: t('payments.columns.reference'), cell: (payment) => payment.reference ?? '' },
        { header: t('payments.columns.amount'), isNumeric: true, cell: (payment) => money(payment.amountCents) },
        { header: t('payments.columns.appliedTotal'), isNumeric: true, cell: (payment) => money(payment.appliedCents) },
        {
          header: t('payments.columns.credit'),
          isNumeric: true,
          cell: (payment) => money(payment.status === 'posted' ? payment.amountCents - payment.appliedCents : 0),
        },
        { header: t('payments.columns.status'), cell: (payment) => t(`receivables.paymentStatuses.${payment.status}`) },
      ]}
    />
  );
}
