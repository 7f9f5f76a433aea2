import { getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/components/form/fields';
import type { ClientSearch } from '@/lib/clients/find-clients';

/** The client list's filter bar: number or name, kind of account, a head's members. */
export async function ClientSearchForm({ search }: { search: ClientSearch }) {
  const t = await getTranslations('clients');
  return (
    <form method="get" action="/clients" className="search-bar" role="search">
      <TextField name="q" label={t('searchLabel')} type="search" defaultValue={search.q} placeholder={t('searchPlaceholder')} autoFocus />
      <SelectField
        name="filter"
        label={t('filterLabel')}
        defaultValue={search.filter}
        options={[
          { value: 'all', label: t('filterAll') },
          { value: 'heads', label: t('filterHeads') },
          { value: 'members', label: t('filterMembers') },
          { value: 'ungrouped', label: t('filterUngrouped') },
        ]}
      />
      <TextField name="head" label={t('headNumberLabel')} inputMode="numeric" defaultValue={search.head ?? ''} isNarrow />
      <button type="submit" className="primary">
        {t('search')}
      </button>
    </form>
  );
}
