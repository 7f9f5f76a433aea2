import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { TextField } from '@/components/form/fields';
import { CtqReportView } from '@/components/reports/ctq-report-view';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { ctqReport, ctqYear, previousYearOf } from '@/lib/reports/ctq-report';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** The registered dispatcher's annual report of a year, the previous one first (docs/business-rules.md, Returns). */
export default async function CtqReportPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/reports/ctq');
  const t = await getTranslations('reports.ctq');
  const locale = await getAppLocale();
  const raw = await firstValues(searchParams);
  const typed = raw.year ?? String(previousYearOf(todayInMontreal()));
  const year = ctqYear.safeParse(typed);
  const report = year.success ? await ctqReport(getDb(), year.data) : null;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <form method="get" action="/reports/ctq" className="search-bar" role="search">
        <TextField
          name="year"
          label={t('year')}
          type="number"
          min={2000}
          max={2100}
          defaultValue={typed}
          errors={year.success ? undefined : [t('yearInvalid')]}
          isNarrow
        />
        <button type="submit" className="primary">
          {t('show')}
        </button>
      </form>
      <div className="notice" role="note">
        <p>{t('counted')}</p>
        <p>{t('merged')}</p>
      </div>
      {report ? (
        <>
          <p className="exports">
            <a href={`/reports/ctq/export?year=${report.year}`} className="button secondary" download>
              {t('exportCsv')}
            </a>
          </p>
          {report.total === 0 ? <p>{t('none', { year: report.year })}</p> : <CtqReportView report={report} locale={locale} />}
        </>
      ) : null}
    </>
  );
}
