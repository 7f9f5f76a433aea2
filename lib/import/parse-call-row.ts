/**
 * A line of a historical call file: the call as call taking describes it (the same zod pieces as
 * callInput), with its status, its price as billed then (gross, discount, price, each checked
 * against the others as the database checks them) and the former system's invoice number when it
 * was billed there. The price is taken as given, never computed again from today's tariff. A
 * passenger trip's cells are taken as given too (call-rules.ts: a historical call is neither
 * defaulted nor required any of them): its billing type by the prescribed mention, its hours to
 * the tenth (with `Tarif horaire` only, as the database holds them), its municipalities by name
 * (found in the list by the batch's look-up, import-calls.ts) and its SEV bill number. Its required
 * references are read from their one cell (reference-cells.ts) and checked here as the form's
 * fields are; their rules, which depend on the client and the date, judge them in the batch.
 */
import { z } from 'zod';
import { callInput } from '@/lib/calls/call-input';
import { discountPercent } from '@/lib/clients/client-input';
import { parseMoneyToCents } from '@/lib/money/parse';
import { hasForbiddenCharacters } from '@/lib/text/control-characters';
import type { CallColumnKey } from './columns';
import type { CallRecord } from './format-cells';
import type { ProblemList } from './import-problems';
import type { CsvRow } from './read-csv';
import { readReferencesCell } from './reference-cells';
import { RowCheck } from './row-check';
import { billingTypeWords, callStatusWords, serviceTypeWords } from './vocabulary';

/** Kept in calls.dispatch_id after the prefix "import:" (100 characters at most in all). */
export const CALL_ID_PATTERN = /^[A-Za-z0-9._:-]{1,93}$/;
/** The amounts of a call are `integer` cents: 999 999,99 $ is far above any real call. */
const MAX_CALL_CENTS = 99_999_999;
const MAX_INVOICE_NUMBER = 50;

const callFields = z.object({
  clientNumber: callInput.shape.clientNumber,
  serviceDate: callInput.shape.serviceDate,
  serviceTime: callInput.shape.serviceTime,
  caller: callInput.shape.caller,
  pickupAddress: callInput.shape.pickupAddress,
  destinationAddress: callInput.shape.destinationAddress,
  distanceKm: callInput.shape.distanceKm,
  waitingMinutes: callInput.shape.waitingMinutes,
  clientReference: callInput.shape.clientReference,
  notes: callInput.shape.notes,
  discountPercent,
  billingHours: callInput.shape.billingHours,
  originMunicipality: callInput.shape.originMunicipality,
  destinationMunicipality: callInput.shape.destinationMunicipality,
  sevNumber: callInput.shape.sevNumber,
  references: callInput.shape.references,
});

/** The trip's values a line gives, each left out when its cell is empty (a courier call's line has none). */
function tripOf(values: {
  billingType: CallRecord['billingType'];
  billingHoursTenths: CallRecord['billingHoursTenths'];
  originMunicipality: CallRecord['originMunicipality'];
  destinationMunicipality: CallRecord['destinationMunicipality'];
  sevNumber: CallRecord['sevNumber'];
}): Partial<CallRecord> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}

/** "9:05" or "09:05:00" (as a spreadsheet may write a time) → "09:05"; anything else as typed. */
function normalizeTime(text: string): string {
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text;
}

export function parseCallRow(row: CsvRow, tariffCodes: ReadonlySet<string>, problems: ProblemList): CallRecord | null {
  const check = new RowCheck<CallColumnKey>('calls', row, problems);
  const cells = row.cells as Partial<Record<CallColumnKey, string>>;

  const callId = cells.callId ?? '';
  if (!CALL_ID_PATTERN.test(callId)) check.fail('callId', callId === '' ? 'required' : 'import.callId');

  const status = check.choice('status', cells.status, callStatusWords, 'open');
  if (!cells.status) check.fail('status', 'required');
  const serviceType = check.choice('serviceType', cells.serviceType, serviceTypeWords, 'standard');

  const billingTypeCell = (cells.billingType ?? '').trim();
  const billingType = billingTypeCell === '' ? null : check.choice('billingType', billingTypeCell, billingTypeWords, 'fixed_contract');

  const tariffCode = (cells.tariff ?? '').toUpperCase();
  if (tariffCode === '') check.fail('tariff', 'required');
  else if (!tariffCodes.has(tariffCode)) check.fail('tariff', 'import.unknownTariff', { code: tariffCode });

  /** The cents of an amount cell (an empty optional one is 0), or null when refused. */
  const amount = (key: 'grossCents' | 'discountCents' | 'priceCents', isRequired: boolean): number | null => {
    const text = cells[key] ?? '';
    if (text === '' && !isRequired) return 0;
    const parsed = parseMoneyToCents(text);
    if (!parsed.ok || parsed.cents > MAX_CALL_CENTS) {
      check.fail(key, text === '' ? 'required' : parsed.ok ? 'import.amountTooLarge' : parsed.code);
      return null;
    }
    return parsed.cents;
  };
  const grossCents = amount('grossCents', true);
  const discountCents = amount('discountCents', false);
  const priceCents = amount('priceCents', true);
  if (grossCents !== null && discountCents !== null && priceCents !== null) {
    // The amounts as the file writes them, so that the person finds them in their spreadsheet.
    const gross = cells.grossCents ?? '';
    const discount = cells.discountCents || '0';
    if (discountCents > grossCents) {
      check.fail('discountCents', 'import.discountAboveGross', { discount, gross });
    } else if (priceCents !== grossCents - discountCents) {
      check.fail('priceCents', 'import.priceMismatch', { price: cells.priceCents ?? '', gross, discount });
    }
  }

  const invoiceNumber = cells.invoiceNumber || null;
  if (invoiceNumber !== null && invoiceNumber.length > MAX_INVOICE_NUMBER) check.fail('invoiceNumber', 'import.invoiceNumber');
  else if (invoiceNumber !== null && hasForbiddenCharacters(invoiceNumber, 'singleLine')) check.fail('invoiceNumber', 'text.singleLine');
  else if (invoiceNumber !== null && status !== 'completed' && cells.status) {
    check.fail('status', 'import.invoicedNotCompleted', { invoice: invoiceNumber });
  }

  const referencesRead = readReferencesCell(cells.references ?? '');
  if ('problem' in referencesRead) check.fail('references', referencesRead.problem);

  const parsed = callFields.safeParse({
    clientNumber: cells.clientNumber ?? '',
    serviceDate: cells.serviceDate ?? '',
    serviceTime: normalizeTime(cells.serviceTime || '00:00'),
    caller: cells.caller,
    pickupAddress: cells.pickupAddress ?? '',
    destinationAddress: cells.destinationAddress ?? '',
    distanceKm: cells.distanceKm,
    waitingMinutes: cells.waitingMinutes ?? '',
    clientReference: cells.clientReference,
    notes: cells.notes,
    discountPercent: cells.discountPercent,
    billingHours: cells.billingHours,
    originMunicipality: cells.originMunicipality,
    destinationMunicipality: cells.destinationMunicipality,
    sevNumber: cells.sevNumber,
    references: 'values' in referencesRead ? referencesRead.values : {},
  });
  if (!parsed.success) check.addIssues(parsed.error, (field) => field as CallColumnKey);
  // As the database holds them (check calls_billing_hours): hours only for a trip by the hour.
  else if (parsed.data.billingHours !== null && billingType !== 'hourly') check.fail('billingHours', 'call.hoursNotHourly');
  if (!check.isValid || !parsed.success || grossCents === null || discountCents === null || priceCents === null) return null;
  const { billingHours, originMunicipality, destinationMunicipality, sevNumber, references, ...fields } = parsed.data;
  return {
    ...fields,
    callId,
    serviceType,
    status,
    tariffCode,
    grossCents,
    discountCents,
    priceCents,
    invoiceNumber,
    ...tripOf({ billingType, billingHoursTenths: billingHours, originMunicipality, destinationMunicipality, sevNumber }),
    // Left out when the cell gives none, as a trip's empty cells are.
    ...(Object.keys(references).length > 0 ? { references } : {}),
  };
}
