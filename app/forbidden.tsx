import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <main className="page narrow" id="content">
      <h1>{t('title')}</h1>
      <p role="status">{t('body')}</p>
      <p>
        <Link href="/">{t('back')}</Link>
      </p>
    </main>
  );
}
