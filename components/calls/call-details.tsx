import { Fragment } from 'react';
import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import type { getCallDetails } from '@/lib/calls/find-calls';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

type Details = NonNullable<Awaited<ReturnType<typeof getCallDetails>>>;

/**
 * A call as a dispatcher or a clerk reads it: client, route, price, where it was billed; for a
 * passenger trip, how its price is set (its tariff's default until it says), its municipalities
 * (as they count: a variant merged since shows the municipality it joined) and its SEV bill number.
 */
export async function CallDetails({ call, locale, headingLevel = 2 }: { call: Details; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = await getTranslations();
  const Heading = `h${headingLevel}` as const;
  const km = locale === 'fr' ? call.distanceKm.replace('.', ',') : call.distanceKm;
  const hours = call.billingHoursTenths === null ? null : (call.billingHoursTenths / 10).toFixed(1);
  const billingType = call.billingType ?? (call.isPassenger ? call.defaultBillingType : null);
  return (
    <section className="call-details" aria-labelledby={`call-${call.number}-title`}>
      <Heading id={`call-${call.number}-title`}>{t('callSearch.details', { number: call.number })}</Heading>
      <dl>
        <dt>{t('callDetails.client')}</dt>
        <dd>
          <Link href={`/clients/${call.clientNumber}`}>{call.clientNumber}</Link> — {call.clientName}
        </dd>
        <dt>{t('callDetails.when')}</dt>
        <dd>{formatDateTime(call.serviceAt, locale)}</dd>
        <dt>{t('callDetails.caller')}</dt>
        <dd>{call.caller ?? '—'}</dd>
        <dt>{t('callDetails.route')}</dt>
        <dd>
          {call.pickupAddress} → {call.destinationAddress}
        </dd>
        <dt>{t('callDetails.measures')}</dt>
        <dd>{t('callDetails.measuresValue', { km, minutes: call.waitingMinutes })}</dd>
        <dt>{t('callDetails.reference')}</dt>
        <dd>{call.clientReference ?? '—'}</dd>
        {Object.entries(call.referenceValues).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
        {call.isPassenger || call.origin || call.destination ? (
          <>
            <dt>{t('callDetails.municipalities')}</dt>
            <dd data-testid="call-municipalities">
              {t('callDetails.municipalitiesValue', { origin: call.origin?.name ?? '—', destination: call.destination?.name ?? '—' })}
            </dd>
          </>
        ) : null}
        {billingType ? (
          <>
            <dt>{t('callDetails.billingType')}</dt>
            <dd data-testid="call-billing-type">
              {t(`callForm.billingTypes.${billingType}`)}
              {hours ? ` · ${t('callDetails.billingHours', { hours: locale === 'fr' ? hours.replace('.', ',') : hours })}` : ''}
            </dd>
          </>
        ) : null}
        {call.sevNumber ? (
          <>
            <dt>{t('callDetails.sevNumber')}</dt>
            <dd>{call.sevNumber}</dd>
          </>
        ) : null}
        <dt>{t('callDetails.price')}</dt>
        <dd>
          <strong>{formatMoney(call.priceCents, locale)}</strong>{' '}
          <span className="hint">
            {t('callForm.priceDetail', {
              tariff: call.tariffCode,
              gross: formatMoney(call.grossCents, locale),
              discount: formatMoney(call.discountCents, locale),
            })}
          </span>
        </dd>
        <dt>{t('callDetails.status')}</dt>
        <dd>
          <span className={`status status-${call.status}`}>{t(`callStatus.${call.status}`)}</span>
        </dd>
        <dt>{t('callDetails.invoice')}</dt>
        <dd data-testid="call-invoice">
          {call.invoice ? (
            <Link href={`/invoices/${call.invoice.number}`}>
              {t('callDetails.invoicedTo', {
                invoice: call.invoice.number,
                client: call.invoice.billedClientNumber,
                name: call.invoice.billedClientName,
              })}
            </Link>
          ) : call.legacyInvoiceNumber !== null ? (
            t('importedCall.invoice', { invoice: call.legacyInvoiceNumber })
          ) : (
            t('callDetails.notInvoiced')
          )}
        </dd>
      </dl>
    </section>
  );
}
