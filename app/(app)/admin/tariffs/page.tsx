import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { TariffForm } from '@/components/admin/tariff-form';
import { requireRoute } from '@/lib/auth/current-user';
import { formatMoney } from '@/lib/i18n/format';
import { formatRate } from '@/lib/tariffs/format-rate';
import { listTariffsWithUsage } from '@/lib/tariffs/list-tariffs';
import { normalizeTariffCode } from '@/lib/tariffs/tariff-input';
import { ClientMessages } from '@/components/client-messages';
import { DataTable } from '@/components/tables/data-table';

type TariffRow = Awaited<ReturnType<typeof listTariffsWithUsage>>[number];

export default async function TariffsPage({ searchParams }: { searchParams: Promise<{ saved?: string | string[] }> }) {
  await requireRoute('/admin/tariffs');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const tariffs = await listTariffsWithUsage(getDb());
  const { saved } = await searchParams;
  // Only a well-formed code is echoed back on the page.
  const savedCode = typeof saved === 'string' ? normalizeTariffCode(saved) : null;

  return (
    <ClientMessages namespaces={['tariffsAdmin']}>
      <>
        <div className="page-header">
          <h1>{t('screens.tariffs.title')}</h1>
        </div>
        {savedCode ? (
          <p className="form-success" role="status">
            {t('tariffsAdmin.form.saved', { code: savedCode })}
          </p>
        ) : null}
        <p className="hint">{t('tariffsAdmin.repricingHint')}</p>
        <p className="hint">{t('tariffsAdmin.inactiveHint')}</p>

        {tariffs.length === 0 ? (
          <p>{t('tariffsAdmin.none')}</p>
        ) : (
          <DataTable<TariffRow>
            label={t('tariffsAdmin.tableLabel')}
            rows={tariffs}
            rowKey={(tariff) => tariff.id}
            rowProps={(tariff) => ({ 'data-testid': `tariff-${tariff.code}` })}
            columns={[
              { header: t('tariffsAdmin.columns.code'), isRowHeader: true, cell: (tariff) => tariff.code },
              { header: t('tariffsAdmin.columns.name'), cell: (tariff) => tariff.name },
              { header: t('tariffsAdmin.columns.base'), isNumeric: true, cell: (tariff) => formatMoney(tariff.baseCents, locale) },
              { header: t('tariffsAdmin.columns.perKm'), isNumeric: true, cell: (tariff) => formatRate(tariff.perKm, locale, 'km') },
              {
                header: t('tariffsAdmin.columns.perMinute'),
                isNumeric: true,
                cell: (tariff) => formatRate(tariff.perMinute, locale, 'min'),
              },
              {
                header: t('tariffsAdmin.columns.minimum'),
                isNumeric: true,
                cell: (tariff) => formatMoney(tariff.minimumChargeCents, locale),
              },
              {
                header: t('tariffsAdmin.columns.passenger'),
                cell: (tariff) =>
                  t(`tariffsAdmin.passengerKinds.${tariff.isPassenger ? (tariff.isDuesExempt ? 'exempt' : 'passenger') : 'courier'}`),
              },
              { header: t('tariffsAdmin.columns.clients'), isNumeric: true, cell: (tariff) => tariff.clientCount },
              {
                header: t('tariffsAdmin.columns.active'),
                cell: (tariff) => (tariff.isActive ? t('tariffsAdmin.yes') : t('tariffsAdmin.no')),
              },
              {
                header: t('tariffsAdmin.columns.actions'),
                isHeaderHidden: true,
                cell: (tariff) => (
                  <Link href={`/admin/tariffs/${tariff.id}`} aria-label={t('tariffsAdmin.editLabel', { code: tariff.code })}>
                    {t('tariffsAdmin.edit')}
                  </Link>
                ),
              },
            ]}
          />
        )}

        <section style={{ marginTop: '2rem' }} aria-labelledby="new-tariff-title">
          <h2 id="new-tariff-title">{t('tariffsAdmin.newTitle')}</h2>
          <TariffForm mode="create" />
        </section>
      </>
    </ClientMessages>
  );
}
