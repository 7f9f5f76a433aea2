/**
 * Credit notes (notes de crédit): the correction of an issued invoice, never an edit of it.
 * A credit note credits some lines of the invoice and/or an amount, with a reason, and takes
 * the next number of its own gapless series. Its taxes are the invoice's taxes reversed on its
 * own subtotal (same rates, same exemptions, rounded half-up), never more than what is left of
 * the invoice's taxes, so that all credit notes together never exceed the invoice; the note
 * that completes the invoice's subtotal takes exactly the taxes left, so that an invoice
 * credited in full owes exactly zero (docs/business-rules.md, Credit notes). A line credited
 * whole credits its trip's dues too, and the taxes on them; an amount credited never reduces the
 * dues (Revenu Québec: dues are not refunded on a partial credit note).
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { idArray, inIds } from '@/db/id-list';
import { queryRows, type Db } from '@/db/index';
import { creditNoteLines, creditNotes, documentCounters, invoiceLines, invoices } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { moneyCents, requiredText } from '@/lib/forms/fields';
import { computeTaxes, type TaxExemptions } from '@/lib/money/taxes';

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

type CreditableRest = {
  remainingSubtotalCents: number;
  remainingDuesCents: number;
  remainingGstCents: number;
  remainingQstCents: number;
  exemptions: TaxExemptions;
};

/**
 * The taxes of a credit note of `subtotalCents` of fares and `duesCents` of dues, on both. Each
 * note's taxes are rounded on its own amounts, and rounded parts need not add up to the rounded
 * whole (two lines of 10,09 $: GST 0,50 + 0,50 against 1,01 on the invoice). So the note that
 * credits the rest of the invoice's fares and dues takes exactly the taxes left, and any other
 * note never more than what is left.
 */
export function creditNoteTaxes(
  credited: { subtotalCents: number; duesCents: number },
  rest: CreditableRest,
): { gstCents: number; qstCents: number } {
  if (credited.subtotalCents === rest.remainingSubtotalCents && credited.duesCents === rest.remainingDuesCents)
    return { gstCents: rest.remainingGstCents, qstCents: rest.remainingQstCents };
  const taxes = computeTaxes(credited.subtotalCents + credited.duesCents, rest.exemptions);
  return { gstCents: Math.min(taxes.gstCents, rest.remainingGstCents), qstCents: Math.min(taxes.qstCents, rest.remainingQstCents) };
}

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

    const chosen = input.lineIds.length
      ? await tx
          .select({ id: invoiceLines.id, amountCents: invoiceLines.amountCents, duesCents: invoiceLines.duesCents })
          .from(invoiceLines)
          .where(and(eq(invoiceLines.invoiceId, invoice.id), inIds(invoiceLines.id, input.lineIds)))
      : [];
    if (chosen.length !== new Set(input.lineIds).size) throw new AppError('credit.foreignLine', {}, { lineIds: ['credit.foreignLine'] });
    // A call billed 0 $ has nothing to credit: it is left out of the note (a credit note's lines
    // are positive amounts), and a selection of such calls alone is refused.
    const lines = chosen.filter((line) => line.amountCents > 0);
    if (lines.length === 0 && chosen.length > 0 && input.amount === 0)
      throw new AppError('credit.onlyZeroLines', {}, { lineIds: ['credit.onlyZeroLines'] });
    const lineIds = lines.map((line) => line.id);

    const [already] = await queryRows<{ subtotal: string; dues: string; gst: string; qst: string; credited_lines: string }>(
      tx,
      sql`select coalesce(sum(subtotal_cents), 0)::text as subtotal, coalesce(sum(dues_cents), 0)::text as dues,
                 coalesce(sum(gst_cents), 0)::text as gst, coalesce(sum(qst_cents), 0)::text as qst,
                 (select count(*) from credit_note_lines cl join credit_notes cn on cn.id = cl.credit_note_id
                   where cn.invoice_id = ${invoice.id} and cl.invoice_line_id = any(${idArray(lineIds)}))::text as credited_lines
            from credit_notes where invoice_id = ${invoice.id}`,
    );
    if (Number(already!.credited_lines) > 0)
      throw new AppError('credit.lineAlreadyCredited', {}, { lineIds: ['credit.lineAlreadyCredited'] });

    const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0) + input.amount;
    // The dues of the trips credited whole; none for an amount.
    const duesCents = lines.reduce((sum, line) => sum + line.duesCents, 0);
    const remaining = invoice.subtotalCents - Number(already!.subtotal);
    if (subtotalCents > remaining) throw new AppError('credit.tooMuch', { remaining: remaining / 100 }, { amount: ['credit.tooMuch'] });

    const { gstCents, qstCents } = creditNoteTaxes(
      { subtotalCents, duesCents },
      {
        remainingSubtotalCents: remaining,
        remainingDuesCents: invoice.duesCents - Number(already!.dues),
        remainingGstCents: invoice.gstCents - Number(already!.gst),
        remainingQstCents: invoice.qstCents - Number(already!.qst),
        // The invoice's exemptions: its snapshot holds an exemption number only for an exempt tax.
        exemptions: { isGstExempt: invoice.gstExemptionNumber !== null, isQstExempt: invoice.qstExemptionNumber !== null },
      },
    );
    const totalCents = subtotalCents + duesCents + gstCents + qstCents;

    // What payments already settle stays settled: a credit note takes only from the balance due.
    const balanceCents = invoice.totalCents - invoice.creditedCents - invoice.paidCents;
    if (totalCents > balanceCents)
      throw new AppError(
        'credit.exceedsBalance',
        { total: totalCents / 100, balance: balanceCents / 100 },
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
        duesCents,
        gstCents,
        qstCents,
        totalCents,
        createdBy: actorId,
      })
      .returning({ id: creditNotes.id, number: creditNotes.number, totalCents: creditNotes.totalCents });
    // The credited lines copied from the invoice in one statement: a multi-row insert of
    // 100,000 lines would bind more parameters than PostgreSQL accepts.
    if (lines.length > 0) {
      await tx.execute(sql`
        insert into credit_note_lines (credit_note_id, invoice_line_id, description, amount_cents, dues_cents)
        select ${note!.id}::bigint, id, 'Appel ' || call_number, amount_cents, dues_cents
          from invoice_lines
         where invoice_id = ${invoice.id} and id = any(${idArray(lineIds)})
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
