import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { ExportForm } from '@/components/import/export-form';
import { ImportColumns } from '@/components/import/import-columns';
import { ImportForm } from '@/components/import/import-form';
import { requireRoute } from '@/lib/auth/current-user';
import { importMaxBytes } from '@/lib/import/upload-limit';

export default async function ImportPage() {
  await requireRoute('/admin/import');
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={['importAdmin']}>
      <>
        <div className="page-header">
          <h1>{t('screens.dataImport.title')}</h1>
        </div>
        <p className="hint">{t('importAdmin.intro')}</p>
        <p>{t('importAdmin.order')}</p>

        <section aria-labelledby="import-title">
          <h2 id="import-title">{t('importAdmin.importTitle')}</h2>
          <ImportForm maxMegabytes={importMaxBytes() / 1024 / 1024} />
        </section>

        <section style={{ marginTop: '2rem' }} aria-labelledby="export-title">
          <h2 id="export-title">{t('importAdmin.exportTitle')}</h2>
          <p className="hint">{t('importAdmin.exportIntro')}</p>
          <ExportForm />
        </section>

        <ImportColumns />
      </>
    </ClientMessages>
  );
}
