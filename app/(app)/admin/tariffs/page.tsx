import Link from 'next/link';
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
          <table className="data-table" aria-label={t('tariffsAdmin.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('tariffsAdmin.columns.code')}</th>
                <th scope="col">{t('tariffsAdmin.columns.name')}</th>
                <th scope="col" className="numeric">
                  {t('tariffsAdmin.columns.base')}
                </th>
                <th scope="col" className="numeric">
                  {t('tariffsAdmin.columns.perKm')}
                </th>
                <th scope="col" className="numeric">
                  {t('tariffsAdmin.columns.perMinute')}
                </th>
                <th scope="col" className="numeric">
                  {t('tariffsAdmin.columns.minimum')}
                </th>
                <th scope="col" className="numeric">
                  {t('tariffsAdmin.columns.clients')}
                </th>
                <th scope="col">{t('tariffsAdmin.columns.active')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tariffsAdmin.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tariffs.map((tariff) => (
                <tr key={tariff.id} data-testid={`tariff-${tariff.code}`}>
                  <th scope="row">{tariff.code}</th>
                  <td>{tariff.name}</td>
                  <td className="numeric">{formatMoney(tariff.baseCents, locale)}</td>
                  <td className="numeric">{formatRate(tariff.perKm, locale, 'km')}</td>
                  <td className="numeric">{formatRate(tariff.perMinute, locale, 'min')}</td>
                  <td className="numeric">{formatMoney(tariff.minimumChargeCents, locale)}</td>
                  <td className="numeric">{tariff.clientCount}</td>
                  <td>{tariff.isActive ? t('tariffsAdmin.yes') : t('tariffsAdmin.no')}</td>
                  <td>
                    <Link href={`/admin/tariffs/${tariff.id}`} aria-label={t('tariffsAdmin.editLabel', { code: tariff.code })}>
                      {t('tariffsAdmin.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <section style={{ marginTop: '2rem' }} aria-labelledby="new-tariff-title">
          <h2 id="new-tariff-title">{t('tariffsAdmin.newTitle')}</h2>
          <TariffForm mode="create" />
        </section>
      </>
    </ClientMessages>
  );
}
