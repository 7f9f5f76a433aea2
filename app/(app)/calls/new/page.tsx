import { getTranslations } from 'next-intl/server';
import { CallForm } from '@/components/calls/call-form';
import { requireRoute } from '@/lib/auth/current-user';
import { freshCallValues } from '@/lib/calls/fresh-call';
import { ClientMessages } from '@/components/client-messages';

export default async function CallTakingPage() {
  await requireRoute('/calls/new');
  const t = await getTranslations('screens.callNew');
  return (
    <ClientMessages namespaces={['callForm']}>
      <>
        <h1>{t('title')}</h1>
        <CallForm initial={freshCallValues()} />
      </>
    </ClientMessages>
  );
}
