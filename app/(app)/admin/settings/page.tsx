import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { LogoForm } from '@/components/admin/logo-form';
import { SettingsForm } from '@/components/admin/settings-form';
import { requireRoute } from '@/lib/auth/current-user';
import { getCompanySettings } from '@/lib/settings/company-settings';
import { companySettingsFormValues } from '@/lib/settings/form-values';
import { ClientMessages } from '@/components/client-messages';

export default async function SettingsPage() {
  await requireRoute('/admin/settings');
  const t = await getTranslations();
  const settings = await getCompanySettings(getDb());

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
      </>
    </ClientMessages>
  );
}
