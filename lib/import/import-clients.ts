/**
 * Clients from a file, identified by their number (docs/business-rules.md, Import): each line
 * is checked as the client form checks it, the grouping rules over the whole file (heads and
 * members in any order), and a change of group of an existing client within the same date
 * limits as the form's. Then, only when nothing is wrong, the changes are written set-based in
 * the caller's transaction, whose user the audit triggers record; a line equal to its client
 * writes nothing, so that importing a file twice changes nothing the second time.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/index';
import type { ClientInput } from '@/lib/clients/client-input';
import { formatMemberList } from '@/lib/clients/grouping';
import { checkEffectiveDate, readMembershipLimits, setMembershipDate, takeMembershipLock } from '@/lib/clients/membership';
import { clientRecordColumns } from './record-columns';
import { checkClientGroups, type GroupLine, type GroupState } from './check-client-groups';
import { headerOf } from './columns';
import { clientCells, isSameCells, type ClientRecord } from './format-cells';
import { noCounts, type ImportCounts, type ImportSettings } from './import-counts';
import { parseClientRow, type TariffRef } from './parse-client-row';
import type { CsvRow } from './read-csv';
import { booleanTexts, intArray, textArray } from './sql-arrays';
import { yesNoWords } from './vocabulary';

type CurrentClient = ClientRecord & { tariffId: number };
type ClientLine = { line: number; input: ClientInput; current: CurrentClient | null; isChanged?: boolean };

const CLIENT_NUMBER = /^\d{1,8}$/;

async function readTariffs(tx: Tx): Promise<{ byCode: Map<string, TariffRef>; codeOf: Map<number, string> }> {
  const rows = await queryRows<TariffRef>(tx, sql`select id, code from tariffs`);
  return { byCode: new Map(rows.map((t) => [t.code, t])), codeOf: new Map(rows.map((t) => [t.id, t.code])) };
}

async function readClients(tx: Tx, numbers: number[], isLocked: boolean): Promise<Map<number, CurrentClient>> {
  const rows = await queryRows<CurrentClient>(
    tx,
    sql`select ${clientRecordColumns}
          from clients c join tariffs t on t.id = c.tariff_id
         where c.number = any(${intArray(numbers)})
         ${isLocked ? sql`for update of c` : sql``}`,
  );
  return new Map(rows.map((row) => [row.number, row]));
}

/** The clients outside the file that its lines depend on: the heads they name, the members of its heads. */
async function readOthers(tx: Tx, inFile: number[], targets: number[]): Promise<Map<number, GroupState>> {
  const rows = await queryRows<{ number: number; grouped: number | null; is_active: boolean }>(
    tx,
    sql`select number, grouped_client_number as grouped, is_active from clients
         where not (number = any(${intArray(inFile)}))
           and (number = any(${intArray(targets)}) or grouped_client_number = any(${intArray(inFile)}))`,
  );
  return new Map(rows.map((row) => [row.number, { grouped: row.grouped, isActive: row.is_active }]));
}

/** The grouping a line that failed its checks still tells, so that its members are not told it is unknown. */
function groupStateOfCells(row: CsvRow, current: CurrentClient | undefined): GroupState {
  const grouped = row.cells.groupedClientNumber;
  const active = row.cells.isActive;
  return {
    grouped: grouped === undefined ? (current?.groupedClientNumber ?? null) : CLIENT_NUMBER.test(grouped) ? Number(grouped) : null,
    isActive: active === undefined || active === '' ? (current?.isActive ?? true) : yesNoWords.read(active) !== 'no',
  };
}

const effectiveOf = (line: ClientLine, today: string) => line.input.groupedEffectiveDate ?? today;
const isGroupChange = (line: ClientLine) => line.current !== null && line.current.groupedClientNumber !== line.input.groupedClientNumber;

/**
 * The dated limits of each change of group of an existing client (docs/business-rules.md, Dated
 * group membership), as the form checks them: the date itself, then a head that stops being one
 * while a member's membership goes on after that date.
 */
async function checkGroupDates(tx: Tx, lines: ClientLine[], settings: ImportSettings): Promise<void> {
  const changes = lines.filter(isGroupChange);
  if (changes.length === 0) return;
  const byNumber = new Map(lines.map((line) => [line.input.number, line]));
  const limits = await readMembershipLimits(
    tx,
    changes.map((line) => line.input.number),
  );
  const heads = [...new Set(changes.map((line) => line.input.groupedClientNumber).filter((n): n is number => n !== null))];
  const sinceRows = await queryRows<{ number: number; since: string }>(
    tx,
    sql`select client_number as number, valid_from::text as since from group_memberships
         where client_number = head_number and valid_to is null and client_number = any(${intArray(heads)})`,
  );
  const sinceInDatabase = new Map(sinceRows.map((row) => [row.number, row.since]));
  // A head named in the file is a head from its own line's date (a new client: from its creation).
  const sinceOf = (head: number): string | null => {
    const line = byNumber.get(head);
    if (line && line.current === null) return null;
    if (line && isGroupChange(line) && line.input.groupedClientNumber === head) return effectiveOf(line, settings.today);
    return sinceInDatabase.get(head) ?? null;
  };
  const column = headerOf('clients', 'groupedEffectiveDate');
  for (const line of changes) {
    const value = line.input.groupedClientNumber;
    const verdict = checkEffectiveDate({
      clientNumber: line.input.number,
      effective: effectiveOf(line, settings.today),
      today: settings.today,
      limits: limits.get(line.input.number)!,
      head: value !== null && value !== line.input.number ? { number: value, since: sinceOf(value) } : undefined,
    });
    if (!verdict.ok) settings.problems.add(line.line, column, verdict.code, verdict.params);
  }

  const ceasing = changes.filter((line) => line.current!.groupedClientNumber === line.input.number);
  if (ceasing.length === 0) return;
  const memberships = await queryRows<{ head: number; member: number; valid_to: string | null }>(
    tx,
    sql`select h.number as head, m.client_number as member, m.valid_to::text as valid_to
          from unnest(${intArray(ceasing.map((line) => line.input.number))}, ${textArray(ceasing.map((line) => effectiveOf(line, settings.today)))})
               as h(number, effective)
          join group_memberships m on m.head_number = h.number and m.client_number <> h.number
           and (m.valid_to is null or m.valid_to > h.effective::date)`,
  );
  for (const head of ceasing) {
    const effective = effectiveOf(head, settings.today);
    const outside = memberships
      .filter((m) => m.head === head.input.number)
      .filter((m) => {
        const member = byNumber.get(m.member);
        // Still in the group once the file is imported: the grouping check already names it.
        const isStillMember = member ? member.input.groupedClientNumber === head.input.number : m.valid_to === null;
        if (isStillMember) return false;
        // Leaving in this file no later than its head stops being one.
        const isLeavingInTime =
          member !== undefined && isGroupChange(member) && m.valid_to === null && effectiveOf(member, settings.today) <= effective;
        return !isLeavingInTime;
      })
      .map((m) => m.member);
    if (outside.length > 0) {
      settings.problems.add(head.line, headerOf('clients', 'groupedClientNumber'), 'membership.membersAfter', {
        client: head.input.number,
        date: effective,
        members: formatMemberList([...new Set(outside)].sort((a, b) => a - b)),
      });
    }
  }
}

/** The client columns as arrays, one element per client, for `unnest`. */
function clientColumns(list: ClientInput[]) {
  const text = (pick: (c: ClientInput) => string | null) => textArray(list.map(pick));
  return sql`unnest(
      ${intArray(list.map((c) => c.number))}, ${text((c) => c.name)}, ${text((c) => c.contactName)}, ${text((c) => c.phone)},
      ${text((c) => c.addressLine1)}, ${text((c) => c.addressLine2)}, ${text((c) => c.city)}, ${text((c) => c.province)},
      ${text((c) => c.postalCode)}, ${text((c) => c.invoiceEmails.join(','))}, ${text((c) => c.language)},
      ${text((c) => c.deliveryMethod)}, ${intArray(list.map((c) => c.paymentTermsDays))}, ${text((c) => c.billingCycle)},
      ${booleanTexts(list.map((c) => c.gstExempt))}, ${text((c) => c.gstExemptionNumber)}, ${booleanTexts(list.map((c) => c.qstExempt))},
      ${text((c) => c.qstExemptionNumber)}, ${intArray(list.map((c) => c.tariffId))}, ${text((c) => c.discountPercent)},
      ${intArray(list.map((c) => c.groupedClientNumber))}, ${booleanTexts(list.map((c) => c.isActive))}, ${text((c) => c.notes)},
      ${text((c) => c.duesExemption)}, ${text((c) => c.duesExemptionDetail)}, ${text((c) => c.duesExemptFrom)},
      ${text((c) => c.duesExemptTo)}
    ) as s(number, name, contact_name, phone, address_line1, address_line2, city, province, postal_code, invoice_emails, language,
           delivery_method, payment_terms_days, billing_cycle, gst_exempt, gst_exemption_number, qst_exempt, qst_exemption_number,
           tariff_id, discount_percent, grouped_client_number, is_active, notes, dues_exemption, dues_exemption_detail,
           dues_exempt_from, dues_exempt_to)`;
}

/** Changes of group, one statement per date they take effect on (the membership trigger reads the date of the transaction). */
async function changeGroups(tx: Tx, lines: ClientLine[], today: string): Promise<void> {
  const byDate = new Map<string, ClientLine[]>();
  for (const line of lines) byDate.set(effectiveOf(line, today), [...(byDate.get(effectiveOf(line, today)) ?? []), line]);
  for (const [date, group] of byDate) {
    await setMembershipDate(tx, date);
    await tx.execute(sql`update clients c set grouped_client_number = s.grouped, updated_at = now()
        from unnest(${intArray(group.map((l) => l.input.number))}, ${intArray(group.map((l) => l.input.groupedClientNumber))}) as s(number, grouped)
       where c.number = s.number`);
  }
}

/**
 * Writes what the file changes, in an order the database's rules accept at every statement:
 * other fields first (an inactive head made active before members join it), then the clients
 * becoming heads, the new clients (heads and members in one statement: the grouping key is
 * checked at its end), the other changes of group, and last the deactivations (once members left).
 */
async function writeClients(tx: Tx, lines: ClientLine[], settings: ImportSettings): Promise<void> {
  const existing = lines.filter((line) => line.current !== null && line.isChanged);
  const created = lines.filter((line) => line.current === null).map((line) => line.input);
  const becomingHeads = existing.filter((line) => isGroupChange(line) && line.input.groupedClientNumber === line.input.number);
  const otherChanges = existing.filter((line) => isGroupChange(line) && line.input.groupedClientNumber !== line.input.number);
  if (becomingHeads.length + otherChanges.length > 0) await takeMembershipLock(tx);

  if (existing.length > 0) {
    await tx.execute(sql`update clients c
         set name = s.name, contact_name = s.contact_name, phone = s.phone, address_line1 = s.address_line1,
             address_line2 = s.address_line2, city = s.city, province = s.province, postal_code = s.postal_code,
             invoice_emails = string_to_array(s.invoice_emails, ','), language = s.language::locale,
             delivery_method = s.delivery_method::delivery_method, payment_terms_days = s.payment_terms_days,
             billing_cycle = s.billing_cycle::billing_cycle, gst_exempt = s.gst_exempt::boolean,
             gst_exemption_number = s.gst_exemption_number, qst_exempt = s.qst_exempt::boolean,
             qst_exemption_number = s.qst_exemption_number, tariff_id = s.tariff_id, discount_percent = s.discount_percent::numeric,
             is_active = c.is_active or s.is_active::boolean, notes = s.notes, dues_exemption = s.dues_exemption::dues_exemption,
             dues_exemption_detail = s.dues_exemption_detail, dues_exempt_from = s.dues_exempt_from::date,
             dues_exempt_to = s.dues_exempt_to::date, updated_at = now()
        from ${clientColumns(existing.map((line) => line.input))}
       where c.number = s.number
         and (c.name, c.contact_name, c.phone, c.address_line1, c.address_line2, c.city, c.province, c.postal_code, c.invoice_emails,
              c.language, c.delivery_method, c.payment_terms_days, c.billing_cycle, c.gst_exempt, c.gst_exemption_number, c.qst_exempt,
              c.qst_exemption_number, c.tariff_id, c.discount_percent, c.is_active, c.notes, c.dues_exemption, c.dues_exemption_detail,
              c.dues_exempt_from, c.dues_exempt_to)
             is distinct from
             (s.name, s.contact_name, s.phone, s.address_line1, s.address_line2, s.city, s.province, s.postal_code,
              string_to_array(s.invoice_emails, ','), s.language::locale, s.delivery_method::delivery_method, s.payment_terms_days,
              s.billing_cycle::billing_cycle, s.gst_exempt::boolean, s.gst_exemption_number, s.qst_exempt::boolean,
              s.qst_exemption_number, s.tariff_id, s.discount_percent::numeric, c.is_active or s.is_active::boolean, s.notes,
              s.dues_exemption::dues_exemption, s.dues_exemption_detail, s.dues_exempt_from::date, s.dues_exempt_to::date)`);
  }
  await changeGroups(tx, becomingHeads, settings.today);
  if (created.length > 0) {
    await tx.execute(sql`insert into clients (number, name, contact_name, phone, address_line1, address_line2, city, province,
               postal_code, invoice_emails, language, delivery_method, payment_terms_days, billing_cycle, gst_exempt,
               gst_exemption_number, qst_exempt, qst_exemption_number, tariff_id, discount_percent, grouped_client_number, is_active, notes,
               dues_exemption, dues_exemption_detail, dues_exempt_from, dues_exempt_to)
        select s.number, s.name, s.contact_name, s.phone, s.address_line1, s.address_line2, s.city, s.province, s.postal_code,
               string_to_array(s.invoice_emails, ','), s.language::locale, s.delivery_method::delivery_method, s.payment_terms_days,
               s.billing_cycle::billing_cycle, s.gst_exempt::boolean, s.gst_exemption_number, s.qst_exempt::boolean,
               s.qst_exemption_number, s.tariff_id, s.discount_percent::numeric, s.grouped_client_number, s.is_active::boolean, s.notes,
               s.dues_exemption::dues_exemption, s.dues_exemption_detail, s.dues_exempt_from::date, s.dues_exempt_to::date
          from ${clientColumns(created)}`);
    // A new client is in its group from its creation on, as the form makes it (migration 0017
    // dated the groups of its time from their start): from the start of time, or from the day
    // its head became one, when that head became a head later.
    const members = created.filter((c) => c.groupedClientNumber !== null && c.groupedClientNumber !== c.number).map((c) => c.number);
    if (members.length > 0) {
      await tx.execute(sql`update group_memberships m set valid_from = h.valid_from
          from group_memberships h
         where m.client_number = any(${intArray(members)}) and m.valid_from = '-infinity' and m.valid_to is null
           and h.client_number = m.head_number and h.head_number = m.head_number and h.valid_to is null
           and h.valid_from > '-infinity'`);
    }
  }
  await changeGroups(tx, otherChanges, settings.today);
  if (created.some((c) => c.groupedClientNumber !== null) || otherChanges.length + becomingHeads.length > 0) {
    // The memberships' guard (a deferred trigger, migration 0017) runs once per membership written
    // at commit, with plans made from the table's statistics: from before the file, they make it
    // read the whole table each time (20,000 clients: 10 s at commit instead of 0.1 s). ANALYZE
    // counts this transaction's own rows.
    await tx.execute(sql`analyze group_memberships`);
  }
  const deactivated = existing.filter((line) => line.current!.isActive && !line.input.isActive).map((line) => line.input.number);
  if (deactivated.length > 0) {
    await tx.execute(sql`update clients set is_active = false, updated_at = now() where number = any(${intArray(deactivated)})`);
  }
}

export async function importClients(tx: Tx, rows: AsyncIterable<CsvRow>, settings: ImportSettings): Promise<ImportCounts> {
  const { problems } = settings;
  const counts = noCounts();
  const firstLineOf = new Map<number, number>();
  const accepted: CsvRow[] = [];
  const numberColumn = headerOf('clients', 'number');
  for await (const row of rows) {
    counts.rows++;
    if (counts.rows % 1000 === 0) settings.onRows(counts.rows);
    const cell = row.cells.number ?? '';
    const number = CLIENT_NUMBER.test(cell) ? Number(cell) : null;
    const first = number === null ? undefined : firstLineOf.get(number);
    if (first !== undefined) {
      problems.add(row.line, numberColumn, 'import.duplicateClient', { number: number!, first });
      continue;
    }
    if (number !== null) firstLineOf.set(number, row.line);
    accepted.push(row);
  }
  settings.onRows(counts.rows);

  const tariffs = await readTariffs(tx);
  const numbers = [...firstLineOf.keys()];
  const current = await readClients(tx, numbers, settings.isApplied);
  const lines: ClientLine[] = [];
  const failedStates = new Map<number, GroupState>();
  for (const row of accepted) {
    const number = CLIENT_NUMBER.test(row.cells.number ?? '') ? Number(row.cells.number) : null;
    const client = number === null ? undefined : current.get(number);
    const input = parseClientRow(row, { existing: client ? clientCells(client, ',') : null, tariffs: tariffs.byCode }, problems);
    if (input) lines.push({ line: row.line, input, current: client ?? null });
    else if (number !== null) failedStates.set(number, groupStateOfCells(row, client));
  }

  const targets = [...new Set(lines.map((l) => l.input.groupedClientNumber).filter((n): n is number => n !== null))];
  const others = await readOthers(tx, numbers, targets);
  for (const [number, state] of failedStates) others.set(number, state);
  const groupLines: GroupLine[] = lines.map((line) => ({
    line: line.line,
    number: line.input.number,
    grouped: line.input.groupedClientNumber,
    isActive: line.input.isActive,
    current: line.current ? { grouped: line.current.groupedClientNumber, isActive: line.current.isActive } : null,
  }));
  for (const problem of checkClientGroups(groupLines, others)) {
    problems.add(problem.line, headerOf('clients', problem.column), problem.code, problem.params);
  }
  await checkGroupDates(tx, lines, settings);

  for (const line of lines) {
    if (line.current === null) counts.created++;
    else {
      const record = { ...line.input, tariffCode: tariffs.codeOf.get(line.input.tariffId) ?? '' };
      line.isChanged = !isSameCells(clientCells(record, ','), clientCells(line.current, ','));
      if (line.isChanged) counts.updated++;
      else counts.unchanged++;
    }
  }
  if (settings.isApplied && problems.isEmpty) await writeClients(tx, lines, settings);
  return counts;
}
