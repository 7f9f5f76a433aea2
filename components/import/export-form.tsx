import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { SelectField } from '@/components/form/fields';
import { IMPORT_KINDS } from '@/lib/import/columns';

/** The exports in the import's shape: a plain GET form that downloads the file. */
export async function ExportForm() {
  const t = await getTranslations('importAdmin');
  return (
    <form method="get" action="/admin/import/export" className="form-grid" aria-labelledby="export-title">
      <SelectField
        name="kind"
        id="export-kind"
        label={t('exportKind')}
        options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <DateRangeFields from={undefined} to={undefined} labels={{ from: t('from'), to: t('to') }} idPrefix="export" />
      <SelectField
        name="separator"
        id="export-separator"
        label={t('separator')}
        options={(['semicolon', 'comma'] as const).map((separator) => ({ value: separator, label: t(`separators.${separator}`) }))}
      />
      <div className="form-actions">
        <button type="submit">{t('download')}</button>
      </div>
    </form>
  );
}
