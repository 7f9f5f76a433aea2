import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { StatementForm } from '@/components/statements/statement-form';
import { StatementList } from '@/components/statements/statement-list';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { emailProgress } from '@/lib/delivery/email-queue';
import { statementDelivery } from '@/lib/delivery/kinds/statement';
import { readStatementForm } from '@/lib/statements/statement-input';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function StatementsPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/receivables/statements');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const { form, hasAsked, selection, problems } = readStatementForm(await firstValues(searchParams));
  const progress = selection ? await emailProgress(getDb(), statementDelivery, selection) : null;

  return (
    <ClientMessages namespaces={['statements']}>
      <>
        <h1>{t('statements.title')}</h1>
        <p className="hint">{t('statements.intro')}</p>
        <StatementForm form={form} />
        {problems.length > 0 ? (
          <p className="form-error" role="alert">
            {problems.map((code) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t('errors.invalid'))).join(' ')}
          </p>
        ) : null}
        {!hasAsked ? <p>{t('statements.prompt')}</p> : null}
        {progress && selection?.clientNumber !== undefined && progress.counts.total === 0 ? (
          <p className="form-error" role="alert">
            {t('errors.statements.clientNotFound', { number: selection.clientNumber })}
          </p>
        ) : progress && selection ? (
          <StatementList progress={progress} selection={selection} locale={locale} />
        ) : null}
      </>
    </ClientMessages>
  );
}
