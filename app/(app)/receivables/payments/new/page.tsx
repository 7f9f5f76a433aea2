import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { ClientMessages } from '@/components/client-messages';
import { PaymentForm } from '@/components/receivables/payment-form';
import { requireRoute } from '@/lib/auth/current-user';
import { todayInMontreal } from '@/lib/dates/montreal';
import { paymentClientOf } from '@/lib/receivables/payment-client';
import { firstValues, parseRouteNumber, type PageSearchParams } from '@/lib/url-state';

/** Recording a payment, for the client of `?client=` when it comes from a client's account; into a deposit batch with `?batch=`. */
export default async function NewPaymentPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRoute('/receivables/payments/new');
  const t = await getTranslations('payments');
  const query = await firstValues(searchParams);
  const clientNumber = query.client ? parseRouteNumber(query.client, 'integer') : null;
  const batchId = query.batch ? parseRouteNumber(query.batch) : null;
  const client = clientNumber === null ? null : await paymentClientOf(getDb(), clientNumber);
  return (
    <ClientMessages namespaces={['payments', 'receivables']}>
      <h1>{batchId === null ? t('newTitle') : `${t('newTitle')} — ${t('batch', { id: batchId })}`}</h1>
      <PaymentForm initialClient={client} today={todayInMontreal()} batchId={batchId} />
    </ClientMessages>
  );
}
