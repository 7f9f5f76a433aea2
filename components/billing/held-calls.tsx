import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { ReleaseCallButton } from '@/components/calls/call-hold';
import { DataTable } from '@/components/tables/data-table';
import type { HeldCallOfList } from '@/lib/billing/preview-billing';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/** The held calls a billing list leaves out, said above it, each with its reason and its release. */
export async function HeldCalls({ calls, locale }: { calls: HeldCallOfList[]; locale: Locale }) {
  const t = await getTranslations('callHold');
  return (
    <section className="notice" aria-labelledby="held-calls-title" data-testid="held-calls">
      <h2 id="held-calls-title">{t('listCount', { count: calls.length })}</h2>
      <DataTable<HeldCallOfList>
        label={t('listTitle')}
        rows={calls}
        rowKey={(call) => call.number}
        columns={[
          { header: t('columns.call'), cell: (call) => <Link href={`/calls/${call.number}`}>{call.number}</Link> },
          { header: t('columns.client'), cell: (call) => call.clientNumber },
          { header: t('columns.date'), isNowrap: true, cell: (call) => formatDate(call.serviceDate, locale) },
          { header: t('columns.reason'), cell: (call) => call.reason },
          { header: t('columns.heldBy'), cell: (call) => call.heldBy },
          { header: t('release'), cell: (call) => <ReleaseCallButton number={call.number} /> },
        ]}
      />
    </section>
  );
}
