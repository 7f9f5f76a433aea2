import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientForm } from '@/components/clients/client-form';
import { emptyClientFormValues } from '@/components/clients/form-values';
import { requireRoute } from '@/lib/auth/current-user';
import { tariffChoices } from '@/lib/tariffs/list-tariffs';
import { ClientMessages } from '@/components/client-messages';

export default async function NewClientPage() {
  await requireRoute('/clients/new');
  const t = await getTranslations('screens.clientNew');
  const tariffs = await tariffChoices(getDb());
  return (
    <ClientMessages namespaces={['clientForm']}>
      <>
        <h1>{t('title')}</h1>
        <ClientForm mode="create" initial={emptyClientFormValues(tariffs[0]?.id)} tariffs={tariffs} canEdit />
      </>
    </ClientMessages>
  );
}
