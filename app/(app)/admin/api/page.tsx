import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { CreateApiTokenForm } from '@/components/admin/api-token-forms';
import { ClientMessages } from '@/components/client-messages';
import { ActionButton } from '@/components/form/action-button';
import { DataTable } from '@/components/tables/data-table';
import { listApiTokens } from '@/lib/api/tokens';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDateTimeShort } from '@/lib/i18n/format';
import { revokeApiTokenAction } from '@/actions/api-tokens';

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

export default async function ApiTokensPage() {
  await requireRoute('/admin/api');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const tokens = await listApiTokens(getDb());
  const when = (instant: Date | null) => (instant ? formatDateTimeShort(instant, locale) : t('apiAdmin.never'));

  return (
    <ClientMessages namespaces={['apiAdmin']}>
      <>
        <div className="page-header">
          <h1>{t('screens.apiTokens.title')}</h1>
        </div>
        <p className="hint">{t('apiAdmin.intro')}</p>

        {tokens.length === 0 ? (
          <p>{t('apiAdmin.none')}</p>
        ) : (
          <DataTable<TokenRow>
            label={t('apiAdmin.tableLabel')}
            rows={tokens}
            rowKey={(token) => token.id}
            columns={[
              { header: t('apiAdmin.columns.name'), isRowHeader: true, cell: (token) => token.name },
              { header: t('apiAdmin.columns.prefix'), cell: (token) => <code>{token.prefix}…</code> },
              { header: t('apiAdmin.columns.scope'), cell: (token) => t(`apiAdmin.scopes.${token.scope}`) },
              { header: t('apiAdmin.columns.createdAt'), cell: (token) => when(token.createdAt) },
              { header: t('apiAdmin.columns.createdBy'), cell: (token) => token.createdBy },
              { header: t('apiAdmin.columns.lastUsedAt'), cell: (token) => when(token.lastUsedAt) },
              {
                header: t('apiAdmin.columns.status'),
                cell: (token) =>
                  token.revokedAt ? (
                    t('apiAdmin.revokedOn', { date: when(token.revokedAt) })
                  ) : (
                    <>
                      {t('apiAdmin.active')}{' '}
                      <ActionButton
                        action={revokeApiTokenAction}
                        fields={{ tokenId: token.id }}
                        label={t('apiAdmin.revoke')}
                        confirmText={t('apiAdmin.revokeConfirm', { name: token.name })}
                        isDanger
                      />
                    </>
                  ),
              },
            ]}
          />
        )}

        <section style={{ marginTop: '2rem' }} aria-labelledby="new-token-title">
          <h2 id="new-token-title">{t('apiAdmin.newTitle')}</h2>
          <CreateApiTokenForm />
        </section>
      </>
    </ClientMessages>
  );
}
