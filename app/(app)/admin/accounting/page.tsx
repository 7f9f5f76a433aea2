import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { AccountMappingForm, AccountingExportForm } from '@/components/admin/accounting-forms';
import { AccountingExportsTable } from '@/components/admin/accounting-exports-table';
import { ClientMessages } from '@/components/client-messages';
import { getAccountMapping } from '@/lib/accounting/account-mapping';
import { documentsWaitingForExport, listAccountingExports } from '@/lib/accounting/find-exports';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate } from '@/lib/i18n/format';

export default async function AccountingExportPage() {
  const user = await requireRoute('/admin/accounting');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const db = getDb();
  const [waiting, exports, mapping] = await Promise.all([documentsWaitingForExport(db), listAccountingExports(db), getAccountMapping(db)]);
  const today = todayInMontreal();

  return (
    <ClientMessages namespaces={['accounting']}>
      <>
        <div className="page-header">
          <h1>{t('screens.accounting.title')}</h1>
        </div>
        <p className="hint">{t('accounting.intro')}</p>
        <p role="status">
          {waiting.count > 0
            ? t('accounting.waiting', {
                count: waiting.count,
                from: formatDate(waiting.from!, locale),
                to: formatDate(waiting.to!, locale),
              })
            : t('accounting.nothingWaiting')}
        </p>

        <section aria-labelledby="accounting-new-title">
          <h2 id="accounting-new-title">{t('accounting.newTitle')}</h2>
          <AccountingExportForm initial={{ from: waiting.from ?? today, to: waiting.to ?? today }} />
        </section>

        <section aria-labelledby="accounting-exports-title" style={{ marginTop: '2rem' }}>
          <h2 id="accounting-exports-title">{t('accounting.exportsTitle')}</h2>
          {exports.length === 0 ? <p>{t('accounting.none')}</p> : <AccountingExportsTable exports={exports} locale={locale} />}
        </section>

        <section aria-labelledby="accounting-mapping-title" style={{ marginTop: '2rem' }}>
          <h2 id="accounting-mapping-title">{t('accounting.mappingTitle')}</h2>
          <p className="hint">{t('accounting.mappingHint')}</p>
          <AccountMappingForm initial={mapping} canEdit={user.role === 'admin'} />
        </section>
      </>
    </ClientMessages>
  );
}
