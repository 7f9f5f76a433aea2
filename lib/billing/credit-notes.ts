/**
 * Credit notes (notes de crédit): the correction of an issued invoice, never an edit of it.
 * A credit note credits some lines of the invoice and/or an amount, with a reason, and takes
 * the next number of its own gapless series. Its taxes are the invoice's taxes reversed on its
 * own subtotal (same rates, same exemptions, rounded half-up), never more than what is left of
 * the invoice's taxes, so that all credit notes together never exceed the invoice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { idArray, inIds } from '@/db/id-list';
import { queryRows, type Db } from '@/db/index';
import { creditNoteLines, creditNotes, documentCounters, invoiceLines, invoices } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { moneyCents, requiredText } from '@/lib/forms/fields';
import { computeTaxes } from '@/lib/money/taxes';

export const creditNoteInput = z
  .object({
    invoiceNumber: z.coerce.number({ error: 'invalid' }).int().positive(),
    lineIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.coerce.number().int().positive()).max(100_000),
    ),
    amount: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (!text || text.trim() === '') return 0;
        const parsed = moneyCents.safeParse(text);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'money.invalid' });
          return z.NEVER;
        }
        return parsed.data;
      }),
    reason: requiredText(500, 'multiline'),
  })
  .superRefine((input, ctx) => {
    if (input.lineIds.length === 0 && input.amount === 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'credit.nothing' });
  });
export type CreditNoteInput = z.output<typeof creditNoteInput>;

export async function createCreditNote(
  db: Db,
  actorId: number,
  input: CreditNoteInput,
  issueDate: string,
): Promise<{ number: number; totalCents: number }> {
  return db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.number, input.invoiceNumber)).for('update');
    if (!invoice) throw new AppError('credit.invoiceNotFound', { number: input.invoiceNumber });
    if (invoice.status === 'void') throw new AppError('credit.invoiceVoid', { number: invoice.number });

    const lines = input.lineIds.length
      ? await tx
          .select({ id: invoiceLines.id, amountCents: invoiceLines.amountCents })
          .from(invoiceLines)
          .where(and(eq(invoiceLines.invoiceId, invoice.id), inIds(invoiceLines.id, input.lineIds)))
      : [];
    if (lines.length !== new Set(input.lineIds).size) throw new AppError('credit.foreignLine', {}, { lineIds: ['credit.foreignLine'] });

    const [already] = await queryRows<{ subtotal: string; gst: string; qst: string; credited_lines: string }>(
      tx,
      sql`select coalesce(sum(subtotal_cents), 0)::text as subtotal, coalesce(sum(gst_cents), 0)::text as gst, coalesce(sum(qst_cents), 0)::text as qst,
                 (select count(*) from credit_note_lines cl join credit_notes cn on cn.id = cl.credit_note_id
                   where cn.invoice_id = ${invoice.id} and cl.invoice_line_id = any(${idArray(input.lineIds)}))::text as credited_lines
            from credit_notes where invoice_id = ${invoice.id}`,
    );
    if (Number(already!.credited_lines) > 0)
      throw new AppError('credit.lineAlreadyCredited', {}, { lineIds: ['credit.lineAlreadyCredited'] });

    const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0) + input.amount;
    const remaining = invoice.subtotalCents - Number(already!.subtotal);
    if (subtotalCents > remaining) throw new AppError('credit.tooMuch', { remaining: remaining / 100 }, { amount: ['credit.tooMuch'] });

    // The invoice's exemptions: its snapshot holds an exemption number only for an exempt tax.
    const taxes = computeTaxes(subtotalCents, {
      isGstExempt: invoice.gstExemptionNumber !== null,
      isQstExempt: invoice.qstExemptionNumber !== null,
    });
    const gstCents = Math.min(taxes.gstCents, invoice.gstCents - Number(already!.gst));
    const qstCents = Math.min(taxes.qstCents, invoice.qstCents - Number(already!.qst));

    // What payments already settle stays settled: a credit note takes only from the balance due.
    const balanceCents = invoice.totalCents - invoice.creditedCents - invoice.paidCents;
    if (subtotalCents + gstCents + qstCents > balanceCents)
      throw new AppError(
        'credit.exceedsBalance',
        { total: (subtotalCents + gstCents + qstCents) / 100, balance: balanceCents / 100 },
        { amount: ['credit.exceedsBalance'] },
      );

    const [counter] = await tx
      .update(documentCounters)
      .set({ lastNumber: sql`${documentCounters.lastNumber} + 1` })
      .where(eq(documentCounters.kind, 'credit_note'))
      .returning({ lastNumber: documentCounters.lastNumber });
    const [note] = await tx
      .insert(creditNotes)
      .values({
        number: counter!.lastNumber,
        invoiceId: invoice.id,
        issueDate,
        reason: input.reason,
        subtotalCents,
        gstCents,
        qstCents,
        totalCents: subtotalCents + gstCents + qstCents,
        createdBy: actorId,
      })
      .returning({ id: creditNotes.id, number: creditNotes.number, totalCents: creditNotes.totalCents });
    // The credited lines copied from the invoice in one statement: a multi-row insert of
    // 100,000 lines would bind more parameters than PostgreSQL accepts.
    if (lines.length > 0) {
      await tx.execute(sql`
        insert into credit_note_lines (credit_note_id, invoice_line_id, description, amount_cents)
        select ${note!.id}::bigint, id, 'Appel ' || call_number, amount_cents
          from invoice_lines
         where invoice_id = ${invoice.id} and id = any(${idArray(input.lineIds)})
         order by id`);
    }
    if (input.amount > 0) {
      await tx
        .insert(creditNoteLines)
        .values({ creditNoteId: note!.id, invoiceLineId: null, description: input.reason, amountCents: input.amount });
    }
    return { number: note!.number, totalCents: note!.totalCents };
  });
}
