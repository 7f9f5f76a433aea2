/** The billing list (liste de facturation): the invoices a run would create, without writing. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { computeTaxes, type TaxExemptions } from '@/lib/money/taxes';
import { compareReferenceValues } from '@/lib/references/reference-rules';
import type { BillingInput } from './billing-input';
import { billableCallsQuery, billedRangeOf, isShortList } from './billable-calls';
import { foldDigest, type InvoiceDigest } from './confirmed-list';

/** A member's calls of one value of its invoice's `Sous-totaux par` reference (null: without one). */
export type ReferenceSubtotal = { value: string | null; calls: number; subtotalCents: number };
export type PreviewMember = {
  clientNumber: number;
  name: string;
  calls: number;
  subtotalCents: number;
  duesCents: number;
  /** By the value of the invoice's `Sous-totaux par` reference, as the invoice will print them. */
  referenceSubtotals: ReferenceSubtotal[] | null;
};
export type PreviewInvoice = {
  billedClientNumber: number;
  name: string;
  /** The billed client's `Sous-totaux par` reference, if it has one. */
  subtotalLabel: string | null;
  calls: number;
  subtotalCents: number;
  /** Dues (redevance) of its passenger trips, beside the fares; the taxes are on both. */
  duesCents: number;
  gstCents: number;
  qstCents: number;
  totalCents: number;
  members: PreviewMember[];
  /** Which calls at which price (confirmed-list.ts): what generation checks it still bills. */
  digest: string;
};
export type BillingPreview = {
  invoices: PreviewInvoice[];
  totals: {
    invoices: number;
    calls: number;
    subtotalCents: number;
    duesCents: number;
    gstCents: number;
    qstCents: number;
    totalCents: number;
  };
};

export async function previewBilling(db: Executor, input: BillingInput): Promise<BillingPreview> {
  return (await readBillingList(db, input, false)).preview;
}

/**
 * The billing list as its screen shows it: the invoices, and how many calls it leaves out because
 * they wait for review (and are not held). A short list (isShortList) reads its calls once for
 * both, each marked as it is asked against the holds and the flags; a longer one counts those
 * waiting for review by their flags (countToReviewOfList), beside the list.
 */
export async function billingListOf(db: Executor, input: BillingInput): Promise<{ preview: BillingPreview; toReview: number }> {
  if (isShortList(input)) return readBillingList(db, input, true);
  const [preview, toReview] = await Promise.all([previewBilling(db, input), countToReviewOfList(db, input)]);
  return { preview, toReview };
}

/** The list; with `isCountingReview`, the calls it leaves out for review counted in the same statement (`marked`). */
async function readBillingList(
  db: Executor,
  input: BillingInput,
  isCountingReview: boolean,
): Promise<{ preview: BillingPreview; toReview: number }> {
  // One GROUP BY over the billable calls, by billed client and by the client each call was taken
  // for. In the normal process every call is billed to its own client: one key to group by, one
  // name to read (the member's name is then the invoice's).
  const grouped = input.isGrouped;
  const keys = grouped ? sql`bc.billed_client_number, bc.client_number` : sql`bc.client_number`;
  const billed = grouped ? sql`a.billed_client_number` : sql`a.client_number`;
  // The range again on the billed clients, so that a short list names its clients by their key
  // instead of reading every client (the planner does not carry it through the grouping).
  const range = billedRangeOf(input);
  const rows = await withRoomToHash(db, input, (executor) =>
    queryRows<{
      billed_client_number: number;
      billed_name: string;
      subtotal_label: string | null;
      gst_exempt: boolean;
      qst_exempt: boolean;
      client_number: number;
      client_name: string | null;
      calls: number;
      subtotal: string;
      dues: string;
      call_hashes: string;
      to_review: number;
    }>(
      executor,
      // Aggregate by numbers first, then name them: grouping by the names' text was 4× slower.
      sql`select ${billed} as billed_client_number, b.name as billed_name, r.label as subtotal_label, b.gst_exempt, b.qst_exempt,
               a.client_number, ${grouped ? sql`c.name` : sql`null`} as client_name, a.calls, a.subtotal, a.dues, a.call_hashes::text,
               a.to_review
          from (${listAggregates(input, keys, isCountingReview)}) a
          join clients b on b.number = ${billed}${range ? sql` and b.number between ${range.from} and ${range.to}` : sql``}
          ${grouped ? sql`join clients c on c.number = a.client_number` : sql``}
          left join client_references r on r.client_number = b.number and r.is_subtotal
         order by ${grouped ? sql`a.billed_client_number, (a.client_number <> a.billed_client_number), a.client_number` : sql`a.client_number`}`,
    ),
  );

  const invoices: PreviewInvoice[] = [];
  let invoice: PreviewInvoice | undefined;
  let exemptions: TaxExemptions = { isGstExempt: false, isQstExempt: false };
  let callHashes: string[] = [];
  // Taxes on the invoice's fares and dues, with the billed client's exemptions (the head's for a
  // group), as generation computes them; the digest of all its members' calls.
  const close = () => {
    if (!invoice) return;
    Object.assign(invoice, computeTaxes(invoice.subtotalCents + invoice.duesCents, exemptions));
    invoice.digest = foldDigest(callHashes);
  };
  let toReview = 0;
  for (const row of rows) {
    toReview += row.to_review;
    // A client whose calls all wait for review (or are held) has none on the list.
    if (row.calls === 0) continue;
    if (!invoice || invoice.billedClientNumber !== row.billed_client_number) {
      close();
      invoice = {
        billedClientNumber: row.billed_client_number,
        name: row.billed_name,
        subtotalLabel: row.subtotal_label,
        calls: 0,
        subtotalCents: 0,
        duesCents: 0,
        gstCents: 0,
        qstCents: 0,
        totalCents: 0,
        members: [],
        digest: '',
      };
      invoices.push(invoice);
      exemptions = { isGstExempt: row.gst_exempt, isQstExempt: row.qst_exempt };
      callHashes = [];
    }
    callHashes.push(row.call_hashes);
    const member = {
      clientNumber: row.client_number,
      name: row.client_name ?? row.billed_name,
      calls: row.calls,
      subtotalCents: Number(row.subtotal),
      duesCents: Number(row.dues),
      referenceSubtotals: null,
    };
    invoice.members.push(member);
    invoice.calls += member.calls;
    invoice.subtotalCents += member.subtotalCents;
    invoice.duesCents += member.duesCents;
  }
  close();
  await addReferenceSubtotals(db, input, invoices);
  const sum = (pick: (i: PreviewInvoice) => number) => invoices.reduce((total, i) => total + pick(i), 0);
  const preview = {
    invoices,
    totals: {
      invoices: invoices.length,
      calls: sum((i) => i.calls),
      subtotalCents: sum((i) => i.subtotalCents),
      duesCents: sum((i) => i.duesCents),
      gstCents: sum((i) => i.gstCents),
      qstCents: sum((i) => i.qstCents),
      totalCents: sum((i) => i.totalCents),
    },
  };
  return { preview, toReview };
}

/**
 * `run` with the room PostgreSQL needs to hash a whole list's groups (billed client, member). It
 * estimates their number from the calls it expects, up to six times too many at a million calls
 * (51,555 for 8,778 in the benchmark's grouped list), and with its default memory for a hash (twice
 * `work_mem`: 8 MB) it then expected hashing them to spill to disk, and chose to sort the half
 * million calls to group them instead: in the benchmark, the grouped list's statement took about
 * 510 ms against 440 for its floor, whose fewer sums fit and were hashed (README.md, Performance).
 * The groups take 1–2 MB in fact; the statement may count on 32 MB. A short list's few
 * groups fit anyway, and its statements stay out of a transaction of their own.
 */
async function withRoomToHash<T>(db: Executor, input: BillingInput, run: (executor: Executor) => Promise<T>): Promise<T> {
  if (isShortList(input)) return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local hash_mem_multiplier = 8`);
    return run(tx);
  });
}

/**
 * The list's sums by `keys` over the calls it bills. With `isCountingReview`, over every call of
 * its criteria (`marked`), each counted on the list unless held or waiting for review, and those
 * waiting for review and not held counted apart (as countToReviewOfList counts them): one reading
 * of the calls for both. `offset 0` keeps the calls a subquery of their own, each call's marks
 * asked once: merged into this query, each filtered sum asked the holds and the flags again (50
 * clients at a million calls: 8.1 ms against 3.4).
 */
function listAggregates(input: BillingInput, keys: SQL, isCountingReview: boolean): SQL {
  const listed = isCountingReview ? sql` filter (where not bc.is_held and not bc.is_waiting_for_review)` : sql``;
  const calls = isCountingReview ? sql`${billableCallsQuery(input, 'marked')} offset 0` : billableCallsQuery(input);
  const toReview = isCountingReview ? sql`count(*) filter (where bc.is_waiting_for_review and not bc.is_held)::int` : sql`0`;
  return sql`select ${keys}, count(*)${listed}::int as calls, sum(bc.price_cents)${listed}::text as subtotal,
                    sum(bc.dues_cents)${listed}::text as dues, bit_xor(bc.call_hash)${listed} as call_hashes, ${toReview} as to_review
               from (${calls}) bc
              group by ${keys}`;
}

/**
 * The members' subtotals by the value of their invoice's `Sous-totaux par` reference (the value
 * as `refresh_review_flags` finds a reference: its label in any case, blank as none), read for
 * those few billed clients only.
 */
async function addReferenceSubtotals(db: Executor, input: BillingInput, invoices: PreviewInvoice[]): Promise<void> {
  const subtotalled = invoices.filter((invoice) => invoice.subtotalLabel !== null);
  if (subtotalled.length === 0) return;
  const rows = await queryRows<{
    billed_client_number: number;
    client_number: number;
    value: string | null;
    calls: number;
    subtotal: string;
  }>(
    db,
    sql`select bc.billed_client_number, bc.client_number, v.value, count(*)::int as calls, sum(bc.price_cents)::text as subtotal
          from (${billableCallsQuery(
            input,
            'excluded',
            subtotalled.map((invoice) => invoice.billedClientNumber),
          )}) bc
          join client_references r on r.client_number = bc.billed_client_number and r.is_subtotal
          left join lateral (select nullif(btrim(e.value), '') as value from jsonb_each_text(bc.reference_values) e
                              where lower(e.key) = lower(r.label) limit 1) v on true
         group by bc.billed_client_number, bc.client_number, v.value`,
  );
  const members = new Map(
    subtotalled.flatMap((invoice) =>
      invoice.members.map((member) => [`${invoice.billedClientNumber}|${member.clientNumber}`, member] as const),
    ),
  );
  for (const row of rows) {
    const member = members.get(`${row.billed_client_number}|${row.client_number}`);
    if (!member) continue;
    (member.referenceSubtotals ??= []).push({ value: row.value, calls: row.calls, subtotalCents: Number(row.subtotal) });
  }
  for (const member of members.values()) member.referenceSubtotals?.sort((a, b) => compareReferenceValues(a.value, b.value));
}

/** The list as the clerk confirms it (confirmed-list.ts). */
export function confirmedListOf(preview: BillingPreview): InvoiceDigest[] {
  return preview.invoices.map((i) => ({
    billedClientNumber: i.billedClientNumber,
    calls: i.calls,
    subtotalCents: i.subtotalCents,
    duesCents: i.duesCents,
    digest: i.digest,
  }));
}

/**
 * What the other process (grouped for a normal list, normal for a grouped one) has to bill for
 * the same cut-off, cycle and range: the list says so, so that no call waits forever because one
 * process was never run.
 */
export async function countWaitingInOtherProcess(
  db: Executor,
  input: BillingInput,
): Promise<{ calls: number; clients: number; totalCents: number }> {
  const [row] = await queryRows<{ calls: number; clients: number; total: string | number }>(
    db,
    sql`select count(*)::int as calls, count(distinct bc.billed_client_number)::int as clients, coalesce(sum(bc.price_cents), 0) as total
          from (${billableCallsQuery({ ...input, isGrouped: !input.isGrouped })}) bc`,
  );
  return { calls: row!.calls, clients: row!.clients, totalCents: Number(row!.total) };
}

export type HeldCallOfList = { number: number; clientNumber: number; serviceDate: string; reason: string; heldBy: string };

/** The held calls the list leaves out (its criteria, held or not): said under the list, each to release. */
export async function heldCallsOfList(db: Executor, input: BillingInput): Promise<HeldCallOfList[]> {
  const rows = await queryRows<{ number: string | number; client_number: number; service_date: string; reason: string; held_by: string }>(
    db,
    sql`select bc.call_number as number, bc.client_number, bc.service_date::text as service_date, h.reason, u.name as held_by
          from (${billableCallsQuery(input, 'held')}) bc
          join call_holds h on h.call_number = bc.call_number
          join users u on u.id = h.held_by
         order by bc.call_number`,
  );
  return rows.map((row) => ({
    number: Number(row.number),
    clientNumber: row.client_number,
    serviceDate: row.service_date,
    reason: row.reason,
    heldBy: row.held_by,
  }));
}

/** How many calls the list leaves out because they wait for review before billing (and are not held). */
export async function countToReviewOfList(db: Executor, input: BillingInput): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from (${billableCallsQuery(input, 'toReview')}) bc`,
  );
  return row!.count;
}
