import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { CallDetails } from '@/components/calls/call-details';
import { CallContestsSection } from '@/components/contests/call-contests-section';
import { HoldCallForm, ReleaseCallButton } from '@/components/calls/call-hold';
import { holdOfCall } from '@/lib/billing/call-holds';
import { CallForm } from '@/components/calls/call-form';
import { GroupedStatusBar } from '@/components/calls/grouped-status-bar';
import { StatusButtons } from '@/components/calls/status-buttons';
import { requireRoute } from '@/lib/auth/current-user';
import { canOpen } from '@/lib/auth/permissions';
import { allowedTransitions } from '@/lib/calls/call-status';
import { contestsOfCall } from '@/lib/contests/find-contests';
import { getCallDetails } from '@/lib/calls/find-calls';
import { formatDateTime } from '@/lib/i18n/format';
import { municipalityNames } from '@/lib/municipalities/find-municipalities';
import { referenceRulesOfCall } from '@/lib/references/find-references';
import { rulesInForce } from '@/lib/references/reference-rules';
import { ClientMessages } from '@/components/client-messages';
import { parseRouteNumber } from '@/lib/url-state';

const clock = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A call billed, here or in the former system (a call imported with its invoice there): read-only. */
function isInvoicedCall(call: { invoice: unknown; legacyInvoiceNumber: string | null }): boolean {
  return call.invoice !== null || call.legacyInvoiceNumber !== null;
}

export default async function CallPage({ params }: { params: Promise<{ number: string }> }) {
  const user = await requireRoute('/calls/[number]');
  const number = parseRouteNumber((await params).number);
  const [call, hold, contests] =
    number === null
      ? [null, null, []]
      : await Promise.all([getCallDetails(getDb(), number), holdOfCall(getDb(), number), contestsOfCall(getDb(), number)]);
  if (!call) notFound();
  // Administrators and billing clerks hold a call back from billing and release it; everyone sees that it is held.
  const canHold = canOpen(user.role, '/billing') && !isInvoicedCall(call);
  const t = await getTranslations();
  const locale = await getAppLocale();
  // Dispatchers and administrators edit calls (the roles of call taking); never an invoiced call,
  // here or in the former system (a call imported with its invoice there).
  const isInvoiced = isInvoicedCall(call);
  const canEdit = canOpen(user.role, '/calls/new') && !isInvoiced;
  const [municipalities, referenceRules] = canEdit
    ? await Promise.all([municipalityNames(getDb()), referenceRulesOfCall(getDb(), call.clientNumber, call.serviceDate)])
    : [[], []];
  const decimal = (text: string) => (locale === 'fr' ? text.replace('.', ',') : text);

  return (
    <ClientMessages namespaces={['callForm', 'callActions', 'references', 'callHold', 'callContests']}>
      <>
        <h1>{t('screens.call.title', { number: call.number })}</h1>
        {call.invoice ? (
          <p className="notice" role="note">
            {t('callDetails.invoicedReadOnly', { invoice: call.invoice.number })}
          </p>
        ) : call.legacyInvoiceNumber !== null ? (
          <p className="notice" role="note">
            {t('importedCall.readOnly', { invoice: call.legacyInvoiceNumber })}
          </p>
        ) : null}
        {hold ? (
          <div className="notice hold" role="note" data-testid="call-hold">
            <p>
              <strong>{t('callHold.held')}</strong>
            </p>
            <p>{t('callHold.heldBy', { name: hold.heldBy, date: formatDateTime(hold.heldAt, locale), reason: hold.reason })}</p>
            {canHold ? <ReleaseCallButton number={call.number} /> : null}
          </div>
        ) : null}
        <div className="call-page">
          <div>
            <CallDetails call={call} locale={locale} />
            <CallContestsSection contests={contests} canAnswer={canOpen(user.role, '/billing/contests')} locale={locale} />
            {canHold && !hold ? (
              <section aria-labelledby="hold-title">
                <h2 id="hold-title">{t('callHold.title')}</h2>
                <HoldCallForm number={call.number} />
              </section>
            ) : null}
            {canEdit ? <StatusButtons number={call.number} next={allowedTransitions(call.status)} /> : null}
            <section aria-labelledby="history-title">
              <h2 id="history-title">{t('callDetails.history')}</h2>
              <ol className="history">
                {call.history.map((change, index) => (
                  <li key={index}>
                    {formatDateTime(change.changedAt, locale)} —{' '}
                    {change.fromStatus
                      ? t('callDetails.historyRow', { from: t(`callStatus.${change.fromStatus}`), to: t(`callStatus.${change.toStatus}`) })
                      : `${t('callDetails.created')} (${t(`callStatus.${change.toStatus}`)})`}{' '}
                    <span className="hint">
                      {change.changedByToken
                        ? t('callDetails.byApi', { name: change.changedByToken })
                        : t('callDetails.by', { name: change.changedBy ?? t('callDetails.system') })}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
          {canEdit ? (
            <section aria-labelledby="edit-title">
              <h2 id="edit-title">{t('callDetails.edit')}</h2>
              <CallForm
                number={call.number}
                municipalities={municipalities}
                passenger={call.isPassenger ? { defaultBillingType: call.defaultBillingType } : null}
                references={{ values: call.referenceValues, rules: rulesInForce(referenceRules, call.serviceDate) }}
                initial={{
                  clientNumber: String(call.clientNumber),
                  serviceDate: call.serviceDate,
                  serviceTime: clock.format(call.serviceAt),
                  caller: call.caller ?? '',
                  pickupAddress: call.pickupAddress,
                  destinationAddress: call.destinationAddress,
                  distanceKm: decimal(call.distanceKm),
                  waitingMinutes: String(call.waitingMinutes),
                  serviceType: call.serviceType,
                  clientReference: call.clientReference ?? '',
                  notes: call.notes ?? '',
                  billingType: call.billingType ?? '',
                  billingHours: call.billingHoursTenths === null ? '' : decimal((call.billingHoursTenths / 10).toFixed(1)),
                  originMunicipality: call.origin?.name ?? '',
                  destinationMunicipality: call.destination?.name ?? '',
                  sevNumber: call.sevNumber ?? '',
                }}
              />
            </section>
          ) : !isInvoiced ? (
            <p className="hint">{t('callForm.readOnly')}</p>
          ) : null}
        </div>
        <GroupedStatusBar groupedClientNumber={call.billedHeadNumber} />
      </>
    </ClientMessages>
  );
}
