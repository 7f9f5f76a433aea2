import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DuesReturnView } from '@/components/reports/dues-return-view';
import { PeriodForm } from '@/components/reports/period-form';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { duesReturn, parseDuesPeriod, previousMonth, previousQuarter, previousYear } from '@/lib/reports/dues-return';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

/** The dues return of a period, the previous month first (docs/business-rules.md, Returns). */
export default async function DuesReturnPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/reports/dues');
  const t = await getTranslations('reports.dues');
  const locale = await getAppLocale();
  const today = todayInMontreal();
  const raw = await firstValues(searchParams);
  const fallback = previousMonth(today);
  const form = { from: raw.from ?? fallback.from, to: raw.to ?? fallback.to };
  const parsed = parseDuesPeriod(form);
  const report = 'period' in parsed ? await duesReturn(getDb(), parsed.period) : null;
  const exportQuery = new URLSearchParams(form);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{t('form')}</p>
      <PeriodForm
        action="/reports/dues"
        form={form}
        shortcuts={{ previousMonth: fallback, previousQuarter: previousQuarter(today), previousYear: previousYear(today) }}
        problems={'problems' in parsed ? parsed.problems : []}
      />
      {report ? (
        <>
          <p className="exports">
            <a href={`/reports/dues/export?${exportQuery}`} className="button secondary" download>
              {t('exportCsv')}
            </a>{' '}
            <a href={`/reports/dues/export?${exportQuery}&format=pdf`} className="button secondary" download>
              {t('exportPdf')}
            </a>
          </p>
          <DuesReturnView report={report} locale={locale} />
        </>
      ) : null}
    </>
  );
}
