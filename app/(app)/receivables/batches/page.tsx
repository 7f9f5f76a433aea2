import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { BatchForm } from '@/components/receivables/batch-form';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { listDepositBatches, type BatchRow } from '@/lib/receivables/deposit-batches';

/** Deposit batches (bordereaux de dépôt): open ones take payments until they balance and are posted. */
export default async function BatchesPage() {
  await requireRoute('/receivables/batches');
  const t = await getTranslations('batches');
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const batches = await listDepositBatches(getDb());
  return (
    <ClientMessages namespaces={['batches']}>
      <h1>{t('title')}</h1>
      <BatchForm today={todayInMontreal()} />
      {batches.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable<BatchRow>
          label={t('title')}
          rows={batches}
          rowKey={(batch) => batch.id}
          columns={[
            {
              header: t('columns.id'),
              isRowHeader: true,
              cell: (batch) => <Link href={`/receivables/batches/${batch.id}`}>{batch.id}</Link>,
            },
            { header: t('columns.date'), isNowrap: true, cell: (batch) => formatDate(batch.depositDate, locale) },
            { header: t('reference'), cell: (batch) => batch.reference ?? '' },
            { header: t('columns.announced'), isNumeric: true, cell: (batch) => money(batch.announcedCents) },
            { header: t('columns.entered'), isNumeric: true, cell: (batch) => money(batch.enteredCents) },
            { header: t('columns.count'), isNumeric: true, cell: (batch) => batch.paymentCount },
            { header: t('columns.status'), cell: (batch) => t(`statuses.${batch.status}`) },
          ]}
        />
      )}
    </ClientMessages>
  );
}
