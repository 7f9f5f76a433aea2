import { getTranslations } from 'next-intl/server';
import { COLUMNS_BY_KIND, IMPORT_KINDS } from '@/lib/import/columns';

/** The columns of each kind of file, the required ones marked, with a link to its template. */
export async function ImportColumns() {
  const t = await getTranslations('importAdmin');
  return (
    <section aria-labelledby="columns-title">
      <h2 id="columns-title">{t('columnsTitle')}</h2>
      <p className="hint">{t('columnsIntro')}</p>
      {IMPORT_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`columns-${kind}`}>
          <h3 id={`columns-${kind}`}>{t(`kinds.${kind}`)}</h3>
          <p>
            {COLUMNS_BY_KIND[kind].map((column, index) => (
              <span key={column.key}>
                {index > 0 ? ' ; ' : null}
                <code>{column.header}</code>
                {column.isRequired ? ' *' : null}
              </span>
            ))}
          </p>
          <p>
            <a href={`/admin/import/export?kind=${kind}&template=1`} download>
              {t('template', { kind: t(`kinds.${kind}`) })}
            </a>
          </p>
        </section>
      ))}
    </section>
  );
}
