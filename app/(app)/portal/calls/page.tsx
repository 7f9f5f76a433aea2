import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { CALL_STATUSES } from '@/lib/calls/call-input';
import { getDb } from '@/db/index';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { SelectField, TextField } from '@/components/form/fields';
import { Pager } from '@/components/pager';
import { DataTable } from '@/components/tables/data-table';
import { referenceMentions } from '@/lib/i18n/document-words';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { portalCalls, portalCallSearchUrl, portalMembers } from '@/lib/portal/find-portal';
import { requirePortalRoute } from '@/lib/portal/portal-account';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** Every call the account is billed for (a head: its members' too), with filters, pages and the CSV export. */
export default async function PortalCallsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { account } = await requirePortalRoute('/portal/calls');
  const t = await getTranslations('portal.calls');
  const statusLabel = await getTranslations('callStatus');
  const contestLabel = await getTranslations('portalContests');
  const locale = await getAppLocale();
  const search = portalCallSearchUrl.parse(await firstValues(searchParams));
  const db = getDb();
  const [{ rows, hasNextPage }, members] = await Promise.all([
    portalCalls(db, account.number, search),
    account.isHead ? portalMembers(db, account.number) : Promise.resolve([]),
  ]);
  const memberOptions = [...new Map(members.map((member) => [member.clientNumber, member.name])).entries()];
  const exportQuery = new URLSearchParams(portalCallSearchUrl.href(search, { page: 1 }).split('?')[1] ?? '');
  return (
    <>
      <h1>{t('title')}</h1>
      <form method="get" action="/portal/calls" className="search-bar" role="search">
        {account.isHead ? (
          <SelectField
            name="member"
            label={t('member')}
            defaultValue={search.member === undefined ? '' : String(search.member)}
            options={[
              { value: '', label: t('allMembers') },
              { value: String(account.number), label: `${account.number} — ${account.name}` },
              ...memberOptions.map(([number, name]) => ({ value: String(number), label: `${number} — ${name}` })),
            ]}
          />
        ) : null}
        <DateRangeFields from={search.from} to={search.to} labels={{ from: t('from'), to: t('to') }} />
        <TextField name="reference" label={t('reference')} defaultValue={search.reference ?? ''} isNarrow />
        <SelectField
          name="status"
          label={t('status')}
          defaultValue={search.status ?? ''}
          options={[
            { value: '', label: t('allStatuses') },
            ...CALL_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
          ]}
          isNarrow
        />
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      <p>
        <a href={`/portal/calls/export?${exportQuery.toString()}`} download>
          {t('export')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p role="status">{t('none')}</p>
      ) : (
        <DataTable
          label={t('tableLabel', { number: account.number })}
          rows={rows}
          rowKey={(call) => call.number}
          rowProps={(call) => ({ 'data-testid': `portal-call-${call.number}` })}
          columns={[
            {
              header: t('columns.number'),
              isRowHeader: true,
              cell: (call) => <Link href={`/portal/calls/${call.number}`}>{call.number}</Link>,
            },
            { header: t('columns.date'), isNowrap: true, cell: (call) => formatDate(call.serviceDate, locale) },
            { header: t('columns.client'), cell: (call) => `${call.clientNumber} — ${call.clientName}` },
            {
              header: t('columns.route'),
              cell: (call) => (
                <>
                  {call.pickupAddress} → {call.destinationAddress}
                  {referenceMentions(call.referenceValues) ? (
                    <span className="hint"> · {referenceMentions(call.referenceValues)}</span>
                  ) : null}
                </>
              ),
            },
            { header: t('columns.reference'), cell: (call) => call.clientReference ?? '' },
            { header: t('columns.price'), isNumeric: true, cell: (call) => formatMoney(call.priceCents, locale) },
            { header: t('columns.status'), cell: (call) => statusLabel(call.status) },
            {
              header: t('columns.contest'),
              cell: (call) => (call.contestStatus === null ? '' : contestLabel(`statuses.${call.contestStatus}`)),
            },
            {
              header: t('columns.invoice'),
              cell: (call) =>
                call.invoiceNumber === null ? (
                  t('notInvoiced')
                ) : (
                  <a href={`/portal/invoices/${call.invoiceNumber}/pdf`}>{call.invoiceNumber}</a>
                ),
            },
          ]}
        />
      )}
      {search.page > 1 || hasNextPage ? (
        <Pager
          label={t('tableLabel', { number: account.number })}
          position={t('page', { page: search.page })}
          previousHref={search.page > 1 ? portalCallSearchUrl.href(search, { page: search.page - 1 }) : null}
          nextHref={hasNextPage ? portalCallSearchUrl.href(search, { page: search.page + 1 }) : null}
        />
      ) : null}
    </>
  );
}
