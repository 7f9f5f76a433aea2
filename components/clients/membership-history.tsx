import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable, type Column } from '@/components/tables/data-table';
import { addDays } from '@/lib/dates/montreal';
import type { MembershipPeriod } from '@/lib/clients/membership';
import { formatDate, formatDateTimeShort } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/**
 * A client's group memberships, the latest first: from which day to which day (inclusive) its
 * calls are billed on which head, who made each change and when.
 */
export async function MembershipHistory({
  clientNumber,
  periods,
  locale,
}: {
  clientNumber: number;
  periods: MembershipPeriod[];
  locale: Locale;
}) {
  const t = await getTranslations('clientForm.history');
  const columns: Column<MembershipPeriod>[] = [
    {
      header: t('from'),
      isNowrap: true,
      cell: (period) => (period.validFrom === null ? t('sinceCreation') : formatDate(period.validFrom, locale)),
    },
    {
      header: t('to'),
      isNowrap: true,
      cell: (period) => (period.validTo === null ? t('openEnded') : formatDate(addDays(period.validTo, -1), locale)),
    },
    {
      header: t('head'),
      cell: (period) =>
        period.headNumber === clientNumber ? (
          <>
            {period.headNumber} <span className="badge">{t('isHead')}</span>
          </>
        ) : (
          <>
            <Link href={`/clients/${period.headNumber}`}>{period.headNumber}</Link> — {period.headName}
          </>
        ),
    },
    {
      header: t('by'),
      cell: (period) => (
        <>
          {period.createdBy ?? '—'}
          {period.endedBy ? <span className="hint"> · {t('endedBy', { name: period.endedBy })}</span> : null}
        </>
      ),
    },
    {
      header: t('at'),
      isNowrap: true,
      cell: (period) => formatDateTimeShort(period.endedAt ?? period.createdAt, locale),
    },
  ];
  return (
    <section aria-labelledby="membership-history-title">
      <h2 id="membership-history-title">{t('title')}</h2>
      {periods.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable<MembershipPeriod>
          labelledBy="membership-history-title"
          rows={periods}
          rowKey={(period) => period.id}
          rowProps={(period) => ({ 'data-testid': `membership-${period.id}` })}
          columns={columns}
        />
      )}
    </section>
  );
}
