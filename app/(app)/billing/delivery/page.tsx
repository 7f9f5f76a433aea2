import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DeliveryForm } from '@/components/billing/delivery-form';
import { EmailProgress } from '@/components/billing/email-progress';
import { PrintList } from '@/components/billing/print-list';
import { ClientMessages } from '@/components/client-messages';
import { requireRoute } from '@/lib/auth/current-user';
import { Link } from '@/components/link';
import { getRun, listRuns } from '@/lib/billing/find-runs';
import { deliveryQuery, readDeliveryForm } from '@/lib/delivery/delivery-input';
import { emailProgress } from '@/lib/delivery/email-queue';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { firstValues, type PageSearchParams } from '@/lib/url-state';

export default async function DeliveryPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/billing/delivery');
  const t = await getTranslations();
  const locale = await getAppLocale();
  const { form, hasAsked, selection, problems } = readDeliveryForm(await firstValues(searchParams));
  const db = getDb();
  const [runs, chosenRun, printable, progress] = await Promise.all([
    listRuns(db, { limit: 50 }),
    selection?.runId ? getRun(db, selection.runId) : null,
    selection && form.method === 'print' ? invoiceDelivery.listDocuments(db, selection, 'print') : null,
    selection && form.method === 'email' ? emailProgress(db, invoiceDelivery, selection) : null,
  ]);

  return (
    <ClientMessages namespaces={['delivery']}>
      <>
        <h1>{t('screens.delivery.title')}</h1>
        {/* Keyed by the query: a link to other criteria shows them, not the fields as they were. */}
        <DeliveryForm key={deliveryQuery(form)} form={form} runs={runs} />
        {problems.length > 0 ? (
          <p className="form-error" role="alert">
            {problems.map((code) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t('errors.invalid'))).join(' ')}
          </p>
        ) : null}
        {!hasAsked ? <p>{t('delivery.prompt')}</p> : null}
        {chosenRun && (chosenRun.run.kind === 'grouped') !== form.isGrouped ? (
          // A run bills one process: with the checkbox of the other one, nothing of it is listed.
          <p className="notice" data-testid="other-kind">
            {t('delivery.otherKind', { id: chosenRun.run.id, isGrouped: String(chosenRun.run.kind === 'grouped') })}{' '}
            <Link href={`/billing/delivery?${deliveryQuery({ ...form, isGrouped: !form.isGrouped })}`}>
              {t('delivery.switchKind', { isGrouped: String(chosenRun.run.kind === 'grouped') })}
            </Link>
          </p>
        ) : null}
        {printable ? <PrintList invoices={printable} form={form} locale={locale} /> : null}
        {progress ? <EmailProgress progress={progress} form={form} /> : null}
      </>
    </ClientMessages>
  );
}
