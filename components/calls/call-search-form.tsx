import { getTranslations } from 'next-intl/server';
import { CheckboxField, SelectField, TextField } from '@/components/form/fields';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { CALL_STATUSES } from '@/lib/calls/call-input';
import type { CallSearch } from '@/lib/calls/find-calls';

/** The call search's filter bar: a plain GET form, so that a search is a link that can be kept. */
export async function CallSearchForm({ search }: { search: CallSearch }) {
  const t = await getTranslations();
  return (
    <form method="get" action="/calls" className="search-bar" role="search">
      <TextField name="number" label={t('callSearch.number')} inputMode="numeric" defaultValue={search.number ?? ''} isNarrow />
      <TextField name="client" label={t('callSearch.client')} inputMode="numeric" defaultValue={search.client ?? ''} autoFocus isNarrow />
      <CheckboxField name="members" label={t('callSearch.includeMembers')} value="1" defaultChecked={search.members} />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t('callSearch.from'), to: t('callSearch.to') }} />
      <SelectField
        name="status"
        label={t('callSearch.status')}
        defaultValue={search.status ?? ''}
        options={[
          { value: '', label: t('callSearch.anyStatus') },
          ...CALL_STATUSES.map((status) => ({ value: status, label: t(`callStatus.${status}`) })),
        ]}
        isNarrow
      />
      <TextField name="q" label={t('callSearch.text')} type="search" defaultValue={search.q} />
      <button type="submit" className="primary">
        {t('callSearch.search')}
      </button>
    </form>
  );
}
