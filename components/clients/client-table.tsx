import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { clientSearchUrl, type ClientListRow, type ClientSearch } from '@/lib/clients/find-clients';

/** The clients found, sortable by column; a head is marked beside its grouped number. */
export async function ClientTable({ rows, search }: { rows: ClientListRow[]; search: ClientSearch }) {
  const t = await getTranslations('clients');
  return (
    <DataTable<ClientListRow>
      label={t('title')}
      rows={rows}
      rowKey={(client) => client.number}
      sorting={{
        sort: search.sort,
        dir: search.dir,
        firstDir: 'asc',
        href: (sort, dir) => clientSearchUrl.href(search, { sort: sort as ClientSearch['sort'], dir, page: 1 }),
        titleOf: (column) => t('sortBy', { column }),
      }}
      columns={[
        {
          header: t('columns.number'),
          sortKey: 'number',
          cell: (client) => <Link href={`/clients/${client.number}`}>{client.number}</Link>,
        },
        { header: t('columns.name'), sortKey: 'name', cell: (client) => client.name },
        { header: t('columns.city'), sortKey: 'city', cell: (client) => client.city },
        {
          header: t('columns.grouped'),
          sortKey: 'grouped',
          cell: (client) => (
            <>
              {client.groupedClientNumber ?? '—'}
              {client.groupedClientNumber === client.number ? <span className="badge">{t('headBadge')}</span> : null}
            </>
          ),
        },
        { header: t('columns.active'), sortKey: 'active', cell: (client) => (client.isActive ? t('yes') : t('no')) },
      ]}
    />
  );
}
