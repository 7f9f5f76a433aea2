import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import { sortingOf } from '@/components/tables/sortable-header';
import { clientSearchUrl, type ClientListRow, type ClientSearch } from '@/lib/clients/find-clients';

/** The clients found, sortable by column; a head is marked beside its grouped number. */
export async function ClientTable({ rows, search }: { rows: ClientListRow[]; search: ClientSearch }) {
  const t = await getTranslations('clients');
  return (
    <DataTable<ClientListRow>
      label={t('title')}
      rows={rows}
      rowKey={(client) => client.number}
      sorting={sortingOf(clientSearchUrl, search, { firstDir: 'asc', titleOf: (column) => t('sortBy', { column }) })}
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
