import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { postDepositBatchAction, removePendingPaymentAction } from '@/actions/receivables';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { ActionButton } from '@/components/form/action-button';
import { PaymentTable } from '@/components/receivables/payment-table';
import { requireRoute } from '@/lib/auth/current-user';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getDepositBatch } from '@/lib/receivables/deposit-batches';
import { parseRouteNumber } from '@/lib/url-state';

/** One deposit batch: what was entered against what was announced; add payments, remove one, post it once it balances. */
export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRoute('/receivables/batches/[id]');
  const id = parseRouteNumber((await params).id);
  const db = getDb();
  const found = id === null ? null : await getDepositBatch(db, id);
  if (!found) notFound();
  const { batch, payments, enteredCents } = found;
  const t = await getTranslations();
  const locale = await getAppLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const isOpen = batch.status === 'open';
  const difference = batch.announcedCents - enteredCents;
  const clientNames = await db.query.clients.findMany({
    columns: { number: true, name: true },
    where: (clients, { inArray }) => inArray(clients.number, [...new Set(payments.map((p) => p.billedClientNumber)), 0]),
  });
  const nameOf = new Map(clientNames.map((c) => [c.number, c.name]));
  return (
    <ClientMessages namespaces={['batches']}>
      <div className="page-header">
        <h1>{t('batches.detailTitle', { id: batch.id, date: formatDate(batch.depositDate, locale) })}</h1>
        <span className="badge">{t(`batches.statuses.${batch.status}`)}</span>
        {isOpen ? (
          <Link href={`/receivables/payments/new?batch=${batch.id}`} className="button primary">
            {t('batches.addPayment')}
          </Link>
        ) : null}
      </div>
      <p role="status" data-testid="batch-balance">
        {t('batches.entered', { entered: money(enteredCents), announced: money(batch.announcedCents), difference: money(difference) })}
      </p>
      {isOpen && difference === 0 && payments.length > 0 ? <p>{t('batches.balanced')}</p> : null}
      {payments.length > 0 ? (
        <PaymentTable
          rows={payments.map((p) => ({ ...p, clientName: nameOf.get(p.billedClientNumber) ?? '' }))}
          locale={locale}
          label={t('batches.title')}
        />
      ) : null}
      {isOpen ? (
        <div className="form-actions">
          {payments.map((p) => (
            <ActionButton
              key={p.id}
              action={removePendingPaymentAction}
              fields={{ number: p.number, batchId: batch.id }}
              label={`${t('batches.remove')} ${p.number}`}
            />
          ))}
          <ActionButton action={postDepositBatchAction} fields={{ id: batch.id }} label={t('batches.post')} />
        </div>
      ) : null}
    </ClientMessages>
  );
}
