import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CallForm } from '@/components/calls/call-form';
import { requireRoute } from '@/lib/auth/current-user';
import { freshCallValues } from '@/lib/calls/fresh-call';
import { municipalityNames } from '@/lib/municipalities/find-municipalities';
import { ClientMessages } from '@/components/client-messages';

export default async function CallTakingPage() {
  await requireRoute('/calls/new');
  const t = await getTranslations('screens.callNew');
  const municipalities = await municipalityNames(getDb());
  return (
    <ClientMessages namespaces={['callForm', 'references']}>
      <>
        <h1>{t('title')}</h1>
        <CallForm initial={freshCallValues()} municipalities={municipalities} />
      </>
    </ClientMessages>
  );
}
