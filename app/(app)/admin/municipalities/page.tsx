import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { AddMunicipalityForm, MergeMunicipalityForm, RenameMunicipalityForm } from '@/components/admin/municipality-forms';
import { ClientMessages } from '@/components/client-messages';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { listMunicipalities, type MunicipalityRow } from '@/lib/municipalities/find-municipalities';

export default async function MunicipalitiesPage() {
  await requireRoute('/admin/municipalities');
  const t = await getTranslations();
  const municipalities = await listMunicipalities(getDb());
  const choices = municipalities.map(({ id, name }) => ({ id, name }));

  return (
    <ClientMessages namespaces={['municipalitiesAdmin']}>
      <>
        <div className="page-header">
          <h1>{t('screens.municipalities.title')}</h1>
        </div>
        <p className="hint">{t('municipalitiesAdmin.intro')}</p>

        {municipalities.length === 0 ? (
          <p>{t('municipalitiesAdmin.none')}</p>
        ) : (
          <DataTable<MunicipalityRow>
            label={t('municipalitiesAdmin.tableLabel')}
            rows={municipalities}
            rowKey={(municipality) => municipality.id}
            columns={[
              { header: t('municipalitiesAdmin.columns.name'), isRowHeader: true, cell: (municipality) => municipality.name },
              { header: t('municipalitiesAdmin.columns.variants'), cell: (municipality) => municipality.variants.join(', ') || '—' },
            ]}
          />
        )}

        <section style={{ marginTop: '2rem' }} aria-labelledby="add-municipality-title">
          <h2 id="add-municipality-title">{t('municipalitiesAdmin.addTitle')}</h2>
          <AddMunicipalityForm />
        </section>
        <section style={{ marginTop: '2rem' }} aria-labelledby="rename-municipality-title">
          <h2 id="rename-municipality-title">{t('municipalitiesAdmin.renameTitle')}</h2>
          <RenameMunicipalityForm municipalities={choices} />
        </section>
        <section style={{ marginTop: '2rem' }} aria-labelledby="merge-municipality-title">
          <h2 id="merge-municipality-title">{t('municipalitiesAdmin.mergeTitle')}</h2>
          <MergeMunicipalityForm municipalities={choices} />
        </section>
      </>
    </ClientMessages>
  );
}
