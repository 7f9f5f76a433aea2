import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { SelectField, TextField } from '@/components/form/fields';
import { AUDIT_ENTITIES, type AuditSearch } from '@/lib/audit/find-audit';

/** The audit log's filters: a client, Montréal dates, a kind of record. */
export async function AuditFilters({ search }: { search: AuditSearch }) {
  const t = await getTranslations('audit');
  return (
    <form method="get" action="/admin/audit" className="search-bar" role="search" aria-label={t('filters')}>
      <TextField name="client" id="audit-client" label={t('client')} inputMode="numeric" defaultValue={search.client ?? ''} isNarrow />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t('from'), to: t('to') }} idPrefix="audit" />
      <SelectField
        name="entity"
        id="audit-entity"
        label={t('entity')}
        defaultValue={search.entity ?? ''}
        options={[
          { value: '', label: t('allEntities') },
          ...AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`entityKinds.${entity}`) })),
        ]}
      />
      <button type="submit" className="primary">
        {t('filter')}
      </button>
      <Link href="/admin/audit">{t('clear')}</Link>
    </form>
  );
}
