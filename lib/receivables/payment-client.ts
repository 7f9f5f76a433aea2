/**
 * The client a payment is entered for, as the payment screen shows it: its name, its head when
 * it is a member (the head owes the grouped invoices), and its open invoices, oldest due first.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { clients } from '@/db/schema';

export type OpenInvoiceView = { number: number; issueDate: string; dueDate: string; totalCents: number; balanceCents: number };
export type PaymentClient = { number: number; name: string; headNumber: number | null; openInvoices: OpenInvoiceView[] };

export async function paymentClientOf(db: Executor, number: number): Promise<PaymentClient | null> {
  const [client] = await db
    .select({ number: clients.number, name: clients.name, grouped: clients.groupedClientNumber })
    .from(clients)
    .where(eq(clients.number, number));
  if (!client) return null;
  const rows = await queryRows<{ number: number; issue_date: string; due_date: string; total: number; balance: number }>(
    db,
    sql`select number, issue_date::text, due_date::text, total_cents::int8 as total, (total_cents - credited_cents - paid_cents)::int8 as balance
          from invoices
         where billed_client_number = ${number} and status = 'issued' and credited_cents + paid_cents < total_cents
         order by due_date, number
         limit 2000`,
  );
  return {
    number: client.number,
    name: client.name,
    headNumber: client.grouped !== null && client.grouped !== client.number ? client.grouped : null,
    openInvoices: rows.map((r) => ({
      number: Number(r.number),
      issueDate: r.issue_date,
      dueDate: r.due_date,
      totalCents: Number(r.total),
      balanceCents: Number(r.balance),
    })),
  };
}
