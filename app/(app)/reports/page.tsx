import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { requireRoute } from '@/lib/auth/current-user';

/** The government returns the product prepares (docs/business-rules.md, Returns). */
export default async function ReportsPage() {
  await requireRoute('/reports');
  const t = await getTranslations('reports.index');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <dl className="summary">
        <dt>
          <Link href="/reports/dues">{t('dues')}</Link>
        </dt>
        <dd>{t('duesHint')}</dd>
        <dt>
          <Link href="/reports/ctq">{t('ctq')}</Link>
        </dt>
        <dd>{t('ctqHint')}</dd>
      </dl>
    </>
  );
}
