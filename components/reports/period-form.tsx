import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import type { DuesPeriod, DuesPeriodProblem } from '@/lib/reports/dues-return';

/**
 * The period of a return, "Du" and "Au" sent by GET to `action`, with links to the usual filing
 * periods (the previous month, quarter and year), and the period's problems when it has some.
 */
export async function PeriodForm({
  action,
  form,
  shortcuts,
  problems,
}: {
  action: string;
  form: { from: string; to: string };
  shortcuts: { previousMonth: DuesPeriod; previousQuarter: DuesPeriod; previousYear: DuesPeriod };
  problems: DuesPeriodProblem[];
}) {
  const t = await getTranslations('reports.period');
  const href = (period: DuesPeriod) => `${action}?${new URLSearchParams(period)}`;
  return (
    <>
      <form method="get" action={action} className="search-bar" role="search">
        <DateRangeFields from={form.from} to={form.to} labels={{ from: t('from'), to: t('to') }} />
        <button type="submit" className="primary">
          {t('show')}
        </button>
      </form>
      <nav aria-label={t('shortcuts')} className="exports">
        {(['previousMonth', 'previousQuarter', 'previousYear'] as const).map((key, index) => (
          <span key={key}>
            {index > 0 ? ' · ' : null}
            <Link href={href(shortcuts[key])}>{t(key)}</Link>
          </span>
        ))}
      </nav>
      {problems.length > 0 ? (
        <p className="form-error" role="alert">
          {problems.map((problem) => t(`problems.${problem}`)).join(' ')}
        </p>
      ) : null}
    </>
  );
}
