import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="page narrow" id="content">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('forbidden.back')}</Link>
      </p>
    </main>
  );
}
