import { getTranslations } from 'next-intl/server';
import { getAppDatabase } from '@/db/index';
import { requireRoute } from '@/lib/auth/current-user';
import packageJson from '@/package.json';

/**
 * `À propos`: the version and the kind of database this instance runs on, for whoever calls
 * support. Nothing but the layout and the session: the benchmark's floor for a page
 * (scripts/bench/load.ts).
 */
export default async function AboutPage() {
  await requireRoute('/about');
  const t = await getTranslations('screens.about');
  return (
    <>
      <h1>{t('title')}</h1>
      <dl className="figures">
        <dt>{t('version')}</dt>
        <dd>{packageJson.version}</dd>
        <dt>{t('database')}</dt>
        <dd>{getAppDatabase().kind === 'postgres' ? t('postgres') : t('embedded')}</dd>
      </dl>
    </>
  );
}
