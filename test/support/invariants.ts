import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';

/**
 * The invariants that must hold whatever happened: no client grouped under a non-head (no
 * chain, no orphan), no call on two non-void invoices, invoice and credit-note numbers gapless
 * from 1, every invoice's total equal to its lines plus its taxes; every invoiced call on the
 * invoice its membership on its service date gives (a grouped invoice of that head, or a normal
 * one of its own client), and each client's grouped number equal to its open membership's head.
 */
export async function checkInvariants(db: Executor) {
  const [row] = await queryRows<{
    grouping: number;
    double_billed: number;
    invoice_gaps: number;
    credit_gaps: number;
    totals: number;
    counter: number;
    membership_billing: number;
    membership_today: number;
  }>(
    db,
    sql`select
      (select count(*)::int from clients c where c.grouped_client_number is not null and c.grouped_client_number <> c.number
          and not exists (select 1 from clients h where h.number = c.grouped_client_number and h.grouped_client_number = h.number)) as grouping,
      (select count(*)::int from (select call_number from invoice_lines where not is_void group by call_number having count(*) > 1) d) as double_billed,
      (select coalesce(max(number), 0) - count(*) from invoices)::int as invoice_gaps,
      (select coalesce(max(number), 0) - count(*) from credit_notes)::int as credit_gaps,
      (select count(*)::int from invoices i where i.subtotal_cents <> (select coalesce(sum(amount_cents), 0) from invoice_lines l where l.invoice_id = i.id)) as totals,
      (select (select last_number from document_counters where kind = 'invoice') - coalesce(max(number), 0) from invoices)::int as counter,
      (select count(*)::int from invoice_lines l
         join invoices i on i.id = l.invoice_id
         join calls k on k.number = l.call_number
         left join group_memberships m on m.client_number = k.client_number
               and m.valid_from <= k.service_date and (m.valid_to is null or k.service_date < m.valid_to)
        where not l.is_void
          and not (case when m.id is null then i.kind = 'normal' and i.billed_client_number = k.client_number
                        else i.kind = 'grouped' and i.billed_client_number = m.head_number end)) as membership_billing,
      (select count(*)::int from clients c
        where c.grouped_client_number is distinct from
              (select m.head_number from group_memberships m where m.client_number = c.number and m.valid_to is null)) as membership_today`,
  );
  return row!;
}

export const NO_VIOLATION = {
  grouping: 0,
  double_billed: 0,
  invoice_gaps: 0,
  credit_gaps: 0,
  totals: 0,
  counter: 0,
  membership_billing: 0,
  membership_today: 0,
};
