import { getTranslations } from 'next-intl/server';

/** What a list shows while its page is being prepared on the server (each segment's loading.tsx). */
export async function LoadingStatus() {
  const t = await getTranslations('loading');
  return (
    <div className="loading-state" aria-busy="true">
      <p role="status">{t('list')}</p>
    </div>
  );
}
