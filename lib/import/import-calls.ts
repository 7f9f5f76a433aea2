/**
 * Historical calls from a file (docs/business-rules.md, Import), read and written as the file
 * streams in: lines are checked one by one, looked up and written by batches (one statement per
 * batch, never one per line), all in the caller's transaction, so that 100,000 calls are never
 * held in memory at once and an error on the last line still leaves nothing behind. A call is
 * identified by the former system's number (`No. appel`), kept in calls.dispatch_id as
 * "import:<No. appel>" (unique in the database): a line equal to the call imported under its
 * number changes nothing; a different one updates it, unless the call is billed (there or here).
 * A call billed here since its import still equals its line: the line's `No. facture` is the
 * former system's invoice, which billing here does not change.
 *
 * The rules of every writer of calls (lib/calls/call-rules.ts) are applied to each line on what
 * its batch's one look-up read: the client a call may be for (callClientRefusal, a historical call
 * may be of a client closed since) and the invoice that makes a call read-only
 * (lockingInvoiceOf). The status history is the same SQL as the form's and the API's
 * (recordStatusChanges). What the import cannot share, by its nature:
 * - the price: a historical call keeps the amounts it was billed at (checked against each other
 *   by parseCallRow as the database checks them), never priced again from today's tariff
 *   (quoteCall, pricedValues), and changeOfCall's "priced again" does not apply;
 * - the credit hold: a historical call was already served, nothing is held (decideCreditHold);
 * - whether a line changes its call: the whole line is compared with the call as a file would
 *   write it (isSameCall: amounts and invoice included), not changeOfCall's fields;
 * - the status and completed_at: taken from the file, from any status to any other; a completed
 *   call was completed at its service time, not when it is imported (completedAtOf's moment);
 * - the lock of the call and its invoice (lockCall): one statement per call, where the import
 *   reads a batch in one statement; the calls' trigger takes the billing lock on each update and
 *   refuses a call billed meanwhile (RC001, import.conflict);
 * - a passenger trip's fields (tripOfCall): taken as the line gives them, neither defaulted from
 *   the tariff nor required; its municipalities are found by name in the batch's look-up, as the
 *   form and the API find them (lib/municipalities), and a name the list does not have is refused
 *   on its line and column;
 * - the required references: checked by the same rules as the form's and the API's
 *   (checkReferences), those of the line's client and of its head on its service date, read for
 *   the whole batch at once (referenceRulesOfCalls, where the form reads one call's); a value
 *   missing is accepted, as the API accepts it (the call waits in the review before billing), a
 *   malformed one or one not allowed is refused on its line and column.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/index';
import { callClientRefusal, lockingInvoiceOf } from '@/lib/calls/call-rules';
import { importedDispatchId } from '@/lib/calls/dispatch-id';
import { firstStatusesOfCreated, recordStatusChanges } from '@/lib/calls/record-status-changes';
import { municipalityIdOf, municipalityNameOf } from '@/lib/municipalities/find-municipalities';
import { referenceRulesOfCalls } from '@/lib/references/find-references';
import { refreshReviewFlags } from '@/lib/review/review-flags';
import { checkReferences, referenceRefusal, type ReferenceRule } from '@/lib/references/reference-rules';
import { callRecordColumns, invoiceHere } from './record-columns';
import { headerOf } from './columns';
import { callCells, isSameCells, type CallRecord } from './format-cells';
import { noCounts, type ImportCounts, type ImportSettings } from './import-counts';
import { CALL_ID_PATTERN, parseCallRow } from './parse-call-row';
import type { CsvRow } from './read-csv';
import { intArray, textArray } from './sql-arrays';

/** Lines checked and written together: big enough to amortize a statement, small enough to report progress. */
export const CALL_BATCH = 5000;

type CallLine = { line: number; call: CallRecord };

type LookedUp = CallRecord & {
  i: number;
  /** Null when no client has the line's number. */
  clientIsActive: boolean | null;
  nativeNumber: string | number | null;
  existingNumber: string | number | null;
  isFromApi: boolean;
  legacyInvoiceNumber: string | null;
  invoiceHere: string | null;
  /** The municipalities the line names, as the list writes them; null for a name it does not have (or none). */
  originFound: string | null;
  destinationFound: string | null;
};

/**
 * Whether `call`, a line of the file, describes the stored call as it stands. Its `No. facture`
 * is the invoice of the former system; a call billed here since its import matches a line naming
 * no invoice (the file imported before the billing) or the invoice it is on here (a file exported
 * from this database since, which writes that number in the column).
 */
function isSameCall(call: CallRecord, stored: LookedUp): boolean {
  const isSameWith = (invoiceNumber: string | null) => isSameCells(callCells(call, ','), callCells({ ...stored, invoiceNumber }, ','));
  return isSameWith(stored.legacyInvoiceNumber) || (stored.invoiceHere !== null && isSameWith(stored.invoiceHere));
}

/**
 * For each line of a batch: its client exists, a call of this database bears its number, the call
 * imported under it (or a call the dispatch API created under that id before the API refused it),
 * the municipalities it names.
 */
function lookUp(tx: Tx, batch: CallLine[]) {
  return queryRows<LookedUp>(
    tx,
    sql`select b.i::int as i, c.is_active as "clientIsActive", n.number as "nativeNumber", k.number as "existingNumber",
               k.created_by_token is not null as "isFromApi",
               k.legacy_invoice_number as "legacyInvoiceNumber", ${invoiceHere} as "invoiceHere", ${callRecordColumns},
               ${municipalityNameOf(sql`b.origin`)} as "originFound", ${municipalityNameOf(sql`b.destination`)} as "destinationFound"
          from unnest(${textArray(batch.map((l) => l.call.callId))}, ${intArray(batch.map((l) => l.call.clientNumber))},
                      ${textArray(batch.map((l) => l.call.serviceDate))}, ${textArray(batch.map((l) => l.call.originMunicipality ?? null))},
                      ${textArray(batch.map((l) => l.call.destinationMunicipality ?? null))})
                 with ordinality as b(id, client, service_date, origin, destination, i)
          left join clients c on c.number = b.client
          left join calls k on k.dispatch_id = 'import:' || b.id
          left join calls n on n.number = case when b.id ~ '^[0-9]{1,15}$' then b.id::bigint end
                           and n.client_number = b.client and n.service_date = b.service_date::date
                           and n.dispatch_id is distinct from 'import:' || b.id
         -- In the file's order: the lines created are numbered in it, and problems are said line by line.
         order by b.i`,
  );
}

/** The call columns as arrays, one element per call, for `unnest`; the references as JSON text, read back with `::jsonb`. */
function callColumns(calls: CallRecord[]) {
  const text = (pick: (c: CallRecord) => string | null | undefined) => textArray(calls.map((c) => pick(c) ?? null));
  const int = (pick: (c: CallRecord) => number | null | undefined) => intArray(calls.map((c) => pick(c) ?? null));
  return sql`unnest(
      ${text((c) => importedDispatchId(c.callId))}, ${int((c) => c.clientNumber)}, ${text((c) => c.serviceDate)},
      ${text((c) => c.serviceTime)}, ${text((c) => c.caller)}, ${text((c) => c.pickupAddress)}, ${text((c) => c.destinationAddress)},
      ${text((c) => c.distanceKm)}, ${int((c) => c.waitingMinutes)}, ${text((c) => c.serviceType)}, ${text((c) => c.clientReference)},
      ${text((c) => c.notes)}, ${text((c) => c.status)}, ${text((c) => c.tariffCode)}, ${int((c) => c.grossCents)},
      ${text((c) => c.discountPercent)}, ${int((c) => c.discountCents)}, ${int((c) => c.priceCents)}, ${text((c) => c.invoiceNumber)},
      ${text((c) => c.billingType)}, ${int((c) => c.billingHoursTenths)}, ${text((c) => c.originMunicipality)},
      ${text((c) => c.destinationMunicipality)}, ${text((c) => c.sevNumber)}, ${text((c) => JSON.stringify(c.references ?? {}))}
    ) with ordinality as s(dispatch_id, client_number, service_date, service_time, caller, pickup_address, destination_address,
           distance_km, waiting_minutes, service_type, client_reference, notes, status, tariff_code, gross_cents, discount_percent,
           discount_cents, price_cents, invoice_number, billing_type, billing_hours_tenths, origin_municipality,
           destination_municipality, sev_number, reference_values, ord)`;
}

/** The municipalities of a line, found again by the names the look-up gave them (each one of the list). */
const originId = municipalityIdOf(sql`s.origin_municipality`);
const destinationId = municipalityIdOf(sql`s.destination_municipality`);

const serviceAt = sql`(s.service_date::date + s.service_time::time) at time zone 'America/Toronto'`;

/** New calls, numbered in the file's order, each with its status recorded as set by the importing user. */
async function insertCalls(tx: Tx, calls: CallRecord[], actorId: number): Promise<void> {
  await tx.execute(sql`with created as (
      insert into calls (dispatch_id, client_number, service_at, service_date, caller, pickup_address, destination_address,
                         distance_km, waiting_minutes, service_type, client_reference, notes, status, tariff_id, tariff_code,
                         gross_cents, discount_percent, discount_cents, price_cents, legacy_invoice_number, completed_at, created_by,
                         billing_type, billing_hours_tenths, origin_municipality_id, destination_municipality_id, sev_number,
                         reference_values)
      select s.dispatch_id, s.client_number, ${serviceAt}, s.service_date::date, s.caller, s.pickup_address, s.destination_address,
             s.distance_km::numeric, s.waiting_minutes, s.service_type::service_type, s.client_reference, s.notes,
             s.status::call_status, t.id, s.tariff_code, s.gross_cents, s.discount_percent::numeric, s.discount_cents, s.price_cents,
             s.invoice_number, case when s.status = 'completed' then ${serviceAt} end, ${actorId}::int,
             s.billing_type::billing_type, s.billing_hours_tenths, ${originId}, ${destinationId}, s.sev_number,
             s.reference_values::jsonb
        from ${callColumns(calls)} join tariffs t on t.code = s.tariff_code
       order by s.ord
      returning number, status)
    ${recordStatusChanges(firstStatusesOfCreated, { userId: actorId, tokenId: null })}`);
}

/** Calls imported before and changed in the file (none of them billed); a new status is recorded. */
async function updateCalls(tx: Tx, calls: CallRecord[], actorId: number): Promise<void> {
  await tx.execute(sql`with s as (select * from ${callColumns(calls)}),
    before as (select k.number, k.status from calls k join s on k.dispatch_id = s.dispatch_id),
    updated as (
      update calls k
         set client_number = s.client_number, service_at = ${serviceAt}, service_date = s.service_date::date, caller = s.caller,
             pickup_address = s.pickup_address, destination_address = s.destination_address, distance_km = s.distance_km::numeric,
             waiting_minutes = s.waiting_minutes, service_type = s.service_type::service_type, client_reference = s.client_reference,
             notes = s.notes, status = s.status::call_status, tariff_id = t.id, tariff_code = s.tariff_code,
             gross_cents = s.gross_cents, discount_percent = s.discount_percent::numeric, discount_cents = s.discount_cents,
             price_cents = s.price_cents, legacy_invoice_number = s.invoice_number,
             billing_type = s.billing_type::billing_type, billing_hours_tenths = s.billing_hours_tenths,
             origin_municipality_id = ${originId}, destination_municipality_id = ${destinationId}, sev_number = s.sev_number,
             reference_values = s.reference_values::jsonb,
             completed_at = case when s.status = 'completed' then coalesce(k.completed_at, ${serviceAt}) end, updated_at = now()
        from s join tariffs t on t.code = s.tariff_code
       where k.dispatch_id = s.dispatch_id
      returning k.number, k.status)
    ${recordStatusChanges(
      sql`(select updated.number as call_number, before.status as from_status, updated.status as to_status
             from updated join before on before.number = updated.number)`,
      { userId: actorId, tokenId: null },
    )}`);
}

/**
 * Whether the municipalities `call` names are in the list; each one that is not is refused on its
 * column. Those that are take the list's name, as the stored call gives it (isSameCall).
 */
function hasItsMunicipalities(line: number, call: CallRecord, row: LookedUp, problems: ImportSettings['problems']): boolean {
  let isFound = true;
  for (const [key, found] of [
    ['originMunicipality', row.originFound],
    ['destinationMunicipality', row.destinationFound],
  ] as const) {
    const name = call[key];
    if (name === null || name === undefined) continue;
    if (found === null) {
      problems.add(line, headerOf('calls', key), 'import.unknownMunicipality', { name });
      isFound = false;
    } else call[key] = found;
  }
  return isFound;
}

/**
 * Whether the references `call` gives pass `rules`, those of its client and head on its service
 * date; each value refused is named on the column with its label and what its rule expects (the
 * format and its example, or the allowed values), as the form and the API name it. A value missing
 * is no problem here. The call takes the values as checked (each under its rule's label, an
 * allowed value as the rule spells it), as the stored call gives them (isSameCall).
 */
function hasItsReferences(line: number, call: CallRecord, rules: readonly ReferenceRule[], problems: ImportSettings['problems']): boolean {
  const checked = checkReferences(call.references ?? {}, rules, call.serviceDate, { isMissingRefused: false });
  call.references = checked.values;
  if (checked.problems.length === 0) return true;
  for (const { code, params } of referenceRefusal(checked.problems).details)
    problems.add(line, headerOf('calls', 'references'), code, params);
  return false;
}

export async function importCalls(tx: Tx, rows: AsyncIterable<CsvRow>, settings: ImportSettings): Promise<ImportCounts> {
  const { problems } = settings;
  const counts = noCounts();
  const tariffCodes = new Set((await queryRows<{ code: string }>(tx, sql`select code from tariffs`)).map((t) => t.code));
  const firstLineOf = new Map<string, number>();
  let batch: CallLine[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const found = await lookUp(tx, batch);
    const rules = await referenceRulesOfCalls(
      tx,
      batch.map((l) => l.call),
    );
    const created: CallRecord[] = [];
    const changed: CallRecord[] = [];
    for (const row of found) {
      const { line, call } = batch[row.i - 1]!;
      // Both are checked, so that a line names all its problems at once.
      const hasMunicipalities = hasItsMunicipalities(line, call, row, problems);
      const hasReferences = hasItsReferences(line, call, rules[row.i - 1]!, problems);
      if (!hasMunicipalities || !hasReferences) continue;
      const clientRefusal = callClientRefusal(row.clientIsActive === null ? null : { isActive: row.clientIsActive }, {
        isHistorical: true,
      });
      const lockingInvoice = lockingInvoiceOf(row, row.invoiceHere);
      if (clientRefusal) {
        const code = clientRefusal === 'call.unknownClient' ? 'import.unknownClient' : clientRefusal;
        problems.add(line, headerOf('calls', 'clientNumber'), code, { number: call.clientNumber });
      } else if (row.nativeNumber !== null) {
        problems.add(line, headerOf('calls', 'callId'), 'import.callFromThisDatabase', { id: call.callId });
      } else if (row.isFromApi) {
        problems.add(line, headerOf('calls', 'callId'), 'import.callFromApi', { id: call.callId });
      } else if (row.existingNumber === null) {
        created.push(call);
      } else if (isSameCall(call, row)) {
        counts.unchanged++;
      } else if (lockingInvoice) {
        problems.add(line, headerOf('calls', 'callId'), 'import.callLocked', { id: call.callId, invoice: lockingInvoice.number });
      } else {
        changed.push(call);
      }
    }
    counts.created += created.length;
    counts.updated += changed.length;
    batch = [];
    // Once anything is wrong nothing will be kept: the rest of the file is only checked.
    if (!settings.isApplied || !problems.isEmpty) return;
    if (created.length > 0) await insertCalls(tx, created, settings.actorId);
    if (changed.length > 0) await updateCalls(tx, changed, settings.actorId);
    // The batch's calls written, their reasons to be reviewed before billing, in one statement.
    const written = [...created, ...changed].map((call) => importedDispatchId(call.callId));
    if (written.length > 0)
      await refreshReviewFlags(tx, sql`array(select number from calls where dispatch_id = any(${textArray(written)}))`, true);
  };

  for await (const row of rows) {
    counts.rows++;
    const callId = row.cells.callId ?? '';
    const first = CALL_ID_PATTERN.test(callId) ? firstLineOf.get(callId) : undefined;
    if (first !== undefined) {
      problems.add(row.line, headerOf('calls', 'callId'), 'import.duplicateCall', { id: callId, first });
      continue;
    }
    if (CALL_ID_PATTERN.test(callId)) firstLineOf.set(callId, row.line);
    const call = parseCallRow(row, tariffCodes, problems);
    if (call) batch.push({ line: row.line, call });
    if (batch.length >= CALL_BATCH) {
      await flush();
      settings.onRows(counts.rows);
    }
  }
  await flush();
  settings.onRows(counts.rows);
  return counts;
}
