import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DuesRateForm } from '@/components/admin/dues-rate-form';
import { LogoForm } from '@/components/admin/logo-form';
import { SettingsForm } from '@/components/admin/settings-form';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { listDuesRates, type DuesRateRow } from '@/lib/dues/dues-rates';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { companySettingsFormValues } from '@/lib/settings/form-values';
import { ClientMessages } from '@/components/client-messages';

export default async function SettingsPage() {
  await requireRoute('/admin/settings');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const [settings, duesRates] = await Promise.all([getCompanySettings(getDb()), listDuesRates(getDb())]);

  return (
    <ClientMessages namespaces={['settingsForm', 'errors']}>
      <>
        <div className="page-header">
          <h1>{t('screens.settings.title')}</h1>
        </div>
        {settings ? null : (
          <div className="notice" role="note">
            <p>{t('settingsForm.missing')}</p>
          </div>
        )}
        <SettingsForm initial={companySettingsFormValues(settings)} />

        <section style={{ marginTop: '2rem' }} aria-labelledby="logo-title">
          <h2 id="logo-title">{t('settingsForm.logo.title')}</h2>
          {settings ? <LogoForm logo={settings.logoPng} /> : <p className="hint">{t('settingsForm.logo.needsSettings')}</p>}
        </section>

        <section style={{ marginTop: '2rem' }} aria-labelledby="dues-title">
          <h2 id="dues-title">{t('settingsForm.dues.title')}</h2>
          <p className="hint">{t('settingsForm.dues.intro')}</p>
          {duesRates.length === 0 ? (
            <p>{t('settingsForm.dues.none')}</p>
          ) : (
            <DataTable<DuesRateRow>
              label={t('settingsForm.dues.tableLabel')}
              rows={duesRates}
              rowKey={(rate) => rate.effectiveFrom}
              columns={[
                {
                  header: t('settingsForm.dues.effectiveFrom'),
                  isRowHeader: true,
                  cell: (rate) => <time dateTime={rate.effectiveFrom}>{formatDate(rate.effectiveFrom, locale)}</time>,
                },
                { header: t('settingsForm.dues.rate'), isNumeric: true, cell: (rate) => formatMoney(rate.rateCents, locale) },
              ]}
            />
          )}
          <DuesRateForm />
        </section>
      </>
    </ClientMessages>
  );
}
