/**
 * Invoice generation (génération des factures): one billing run and its invoices in one
 * transaction, in a handful of set-based statements whatever the size of the run.
 *
 * 1. the billing lock, exclusively: runs never overlap, calls do not change meanwhile;
 * 2. the billable calls into a temporary table (the same query as the billing list);
 * 3. one invoice per billed client with its billing information (the head's for a group) and
 *    its taxes, read once into a second temporary table, checked against what the clerk confirmed;
 * 4. numbers from the gapless counter (the counter row is updated in this transaction: a
 *    rolled-back run burns no number); 5. the invoices, with the issuing company as it is now;
 *    6. their lines; 7. the run's totals.
 * The partial unique index invoice_lines_call_once refuses any call billed twice.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { billingRuns, documentCounters } from '@/db/schema';
import type { BillingInput } from './billing-input';
import { billableCallsQuery } from './billable-calls';
import { AppError } from '@/lib/errors';
import { takeBillingLockExclusive } from './billing-lock';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { compareConfirmedList, foldDigest, type InvoiceDigest } from './confirmed-list';

export type GenerationResult =
  | { runId: number; invoiceCount: number; callCount: number; totalCents: number; firstNumber: number; lastNumber: number }
  | { runId: null; invoiceCount: 0 };

/**
 * `confirmed`: what the clerk confirmed, invoice by invoice (confirmed-list.ts). When anything
 * differs now (a call completed, billed, re-priced, a member moved to another head), the run is
 * refused with what changed rather than creating something else.
 */
export async function generateInvoices(
  db: Db,
  actorId: number,
  input: BillingInput,
  issueDate: string,
  confirmed?: readonly InvoiceDigest[],
): Promise<GenerationResult> {
  return db.transaction(async (tx) => {
    await takeBillingLockExclusive(tx);
    // Dropped on commit; dropped here too for a run nested in a larger transaction (the demo seed's).
    await tx.execute(sql`drop table if exists pg_temp.run_calls, pg_temp.run_invoices`);
    // Chosen by parallel workers where PostgreSQL finds it cheaper. Its default price for passing a
    // row from a worker (parallel_tuple_cost 0.1) is made for the few rows of an aggregate; here
    // every row chosen goes to the table, and at that price a month of half a million calls was
    // read by one process: 10 % slower for the whole run, measured (README.md, Performance).
    await tx.execute(sql`set local parallel_tuple_cost = 0.01`);
    await tx.execute(sql`create temp table run_calls on commit drop as ${billableCallsQuery(input)}`);
    await tx.execute(sql`reset parallel_tuple_cost`);
    await tx.execute(sql`
      create temp table run_invoices on commit drop as
      select t.*, row_number() over (order by t.billed_client_number) as position,
             b.name, b.address_line1, b.address_line2, b.city, b.province, b.postal_code, b.invoice_emails, b.language,
             b.delivery_method, b.payment_terms_days,
             case when b.gst_exempt then b.gst_exemption_number end as gst_exemption_number,
             case when b.qst_exempt then b.qst_exemption_number end as qst_exemption_number,
             -- The exemption that left passenger trips without dues, as the invoice names it.
             case when t.passenger_trips > t.dues_trips then b.dues_exemption end as dues_exemption,
             -- Its « Sous-totaux par » reference, by which the invoice subtotals each member block.
             (select r.label from client_references r where r.client_number = b.number and r.is_subtotal) as subtotal_label,
             -- GST and QST on the fares and the dues together, each rounded once per invoice.
             invoice_gst_cents(t.subtotal_cents + t.dues_cents, b.gst_exempt) as gst_cents,
             invoice_qst_cents(t.subtotal_cents + t.dues_cents, b.qst_exempt) as qst_cents
        from (select billed_client_number, count(*)::int as line_count, sum(price_cents)::bigint as subtotal_cents,
                     sum(dues_cents)::bigint as dues_cents, count(*) filter (where dues_cents > 0)::int as dues_trips,
                     count(*) filter (where is_passenger)::int as passenger_trips, bit_xor(call_hash)::text as call_hashes,
                     -- The SEV bill number that every trip carries, if one does (a contract billed by period).
                     case when count(sev_number) = count(*) and min(sev_number) = max(sev_number) then min(sev_number) end as sev_number
                from run_calls group by billed_client_number) t
        -- The billed clients' billing information and taxes read once, in this statement: what
        -- the clerk confirmed is what the invoices get, whatever changes meanwhile.
        join clients b on b.number = t.billed_client_number`);
    const now = await queryRows<{
      billed_client_number: number;
      line_count: number;
      subtotal_cents: string;
      dues_cents: string;
      call_hashes: string;
    }>(tx, sql`select billed_client_number, line_count, subtotal_cents::text, dues_cents::text, call_hashes from run_invoices`);
    const invoiceCount = now.length;
    if (confirmed) {
      const changes = compareConfirmedList(
        confirmed,
        now.map((i) => ({
          billedClientNumber: i.billed_client_number,
          calls: i.line_count,
          subtotalCents: Number(i.subtotal_cents),
          duesCents: Number(i.dues_cents),
          digest: foldDigest([i.call_hashes]),
        })),
      );
      if (changes.length > 0) {
        const shown = changes.slice(0, 10);
        throw new AppError('billing.changed', { count: changes.length, more: changes.length - shown.length }, {}, shown);
      }
    }
    if (invoiceCount === 0) return { runId: null, invoiceCount: 0 };
    // Every invoice prints the company's registration numbers: none without the settings.
    await requireCompanySettings(tx);

    const [counter] = await tx
      .update(documentCounters)
      .set({ lastNumber: sql`${documentCounters.lastNumber} + ${invoiceCount}` })
      .where(eq(documentCounters.kind, 'invoice'))
      .returning({ lastNumber: documentCounters.lastNumber });
    const firstNumber = counter!.lastNumber - invoiceCount + 1;

    const [run] = await tx
      .insert(billingRuns)
      .values({
        kind: input.isGrouped ? 'grouped' : 'normal',
        cutoffDate: input.cutoff,
        billingCycle: input.cycle,
        clientFrom: input.clientFrom,
        clientTo: input.clientTo,
        issueDate,
        createdBy: actorId,
      })
      .returning({ id: billingRuns.id });
    const runId = run!.id;

    await tx.execute(sql`
      insert into invoices (number, billing_run_id, kind, billed_client_number, issue_date, due_date,
                            bill_to_name, bill_to_address_line1, bill_to_address_line2, bill_to_city, bill_to_province, bill_to_postal_code,
                            bill_to_emails, language, delivery_method, payment_terms_days, gst_exemption_number, qst_exemption_number,
                            issuer_name, issuer_address_line1, issuer_address_line2, issuer_city, issuer_province, issuer_postal_code,
                            issuer_phone, issuer_email, issuer_gst_number, issuer_qst_number,
                            line_count, subtotal_cents, dues_trips, dues_cents, dues_exemption, gst_cents, qst_cents, total_cents,
                            sev_number, subtotal_label)
      select ${firstNumber - 1} + ri.position, ${runId}, ${input.isGrouped ? 'grouped' : 'normal'}::billing_kind, ri.billed_client_number,
             ${issueDate}::date, ${issueDate}::date + ri.payment_terms_days,
             ri.name, ri.address_line1, ri.address_line2, ri.city, ri.province, ri.postal_code,
             ri.invoice_emails, ri.language, ri.delivery_method, ri.payment_terms_days, ri.gst_exemption_number, ri.qst_exemption_number,
             s.name, s.address_line1, s.address_line2, s.city, s.province, s.postal_code, s.phone, s.email, s.gst_number, s.qst_number,
             ri.line_count, ri.subtotal_cents, ri.dues_trips, ri.dues_cents, ri.dues_exemption, ri.gst_cents, ri.qst_cents,
             ri.subtotal_cents + ri.dues_cents + ri.gst_cents + ri.qst_cents, ri.sev_number, ri.subtotal_label
        from run_invoices ri
        cross join company_settings s`);

    await tx.execute(sql`
      insert into invoice_lines (invoice_id, call_number, client_number, client_name, service_date,
                                 pickup_address, destination_address, client_reference, amount_cents,
                                 is_passenger, dues_cents, billing_type, billing_hours_tenths, sev_number, reference_values)
      select i.id, rc.call_number, rc.client_number, rc.client_name, rc.service_date,
             rc.pickup_address, rc.destination_address, rc.client_reference, rc.price_cents,
             rc.is_passenger, rc.dues_cents, rc.billing_type, rc.billing_hours_tenths, rc.sev_number, rc.reference_values
        from run_calls rc
        join invoices i on i.billing_run_id = ${runId} and i.billed_client_number = rc.billed_client_number`);

    const [totals] = await queryRows<{ call_count: number; subtotal: string; gst: string; qst: string; total: string }>(
      tx,
      sql`update billing_runs r
             set invoice_count = s.invoices, call_count = s.calls, subtotal_cents = s.subtotal, dues_cents = s.dues, gst_cents = s.gst,
                 qst_cents = s.qst, total_cents = s.total
            from (select count(*)::int as invoices, sum(line_count)::int as calls, sum(subtotal_cents) as subtotal,
                         sum(dues_cents) as dues, sum(gst_cents) as gst,
                         sum(qst_cents) as qst, sum(total_cents) as total
                    from invoices where billing_run_id = ${runId}) s
           where r.id = ${runId}
       returning r.call_count, r.subtotal_cents::text as subtotal, r.gst_cents::text as gst, r.qst_cents::text as qst, r.total_cents::text as total`,
    );
    return {
      runId,
      invoiceCount,
      callCount: totals!.call_count,
      totalCents: Number(totals!.total),
      firstNumber,
      lastNumber: counter!.lastNumber,
    };
  });
}
