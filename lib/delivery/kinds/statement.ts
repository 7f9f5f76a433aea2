/**
 * Statements of account as a delivered document (docs/business-rules.md, Statements of account).
 * A batch is the statements of a period (one client's, or every billed client's with a document
 * in the period or a balance at its end, lib/statements/select-statements.ts). A statement is a
 * row of `statements` per billed client and period, recorded when it is printed or queued; its
 * e-mail goes to the client's invoice addresses.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db, type Executor, type Tx } from '@/db/index';
import { statements } from '@/db/schema';
import { isoDate } from '@/lib/forms/dates';
import { AppError } from '@/lib/errors';
import { wholeNumber } from '@/lib/forms/fields';
import { documentTranslator } from '@/lib/i18n/document-words';
import { renderStatementPdf, renderStatementsPdf } from '@/lib/pdf/render-statements';
import { ensureCompanySettings, requireCompanySettings } from '@/lib/settings/company-settings';
import { selectStatementClients, type StatementCandidate } from '@/lib/statements/select-statements';
import { loadStatement, type StatementPeriod } from '@/lib/statements/statement';
import { statementSelection, type StatementSelection } from '@/lib/statements/statement-input';
import type { DocumentKind, DocumentTable } from '../document-kind';
import { statementEmailContent } from '../email-content';
import { insertPrintDeliveries } from '../print';

const table: DocumentTable = { table: 'statements', deliveryColumn: 'statement_id' };

export type DeliveredStatement = StatementCandidate & { documentId: number | null; recipients: string[]; printedAt: Date | null };
type StatementKey = StatementPeriod & { clientNumber: number };

/** Records the statements of `candidates` for the period (one per client and period); their ids by client. */
async function recordStatements(
  db: Executor,
  actorId: number,
  period: StatementPeriod,
  candidates: readonly StatementCandidate[],
  marks: { isPrinted?: boolean } = {},
): Promise<Map<number, number>> {
  if (candidates.length === 0) return new Map();
  const rows = await db
    .insert(statements)
    .values(
      candidates.map((c) => ({
        billedClientNumber: c.clientNumber,
        periodFrom: period.from,
        periodTo: period.to,
        kind: c.isHead ? ('grouped' as const) : ('normal' as const),
        language: c.language,
        closingCents: c.closingCents,
        createdBy: actorId,
        printedAt: marks.isPrinted ? sql`now()` : null,
      })),
    )
    .onConflictDoUpdate({
      target: [statements.billedClientNumber, statements.periodFrom, statements.periodTo],
      set: {
        kind: sql`excluded.kind`,
        language: sql`excluded.language`,
        closingCents: sql`excluded.closing_cents`,
        // The first print is kept.
        printedAt: sql`coalesce(${statements.printedAt}, excluded.printed_at)`,
      },
    })
    .returning({ id: statements.id, clientNumber: statements.billedClientNumber });
  return new Map(rows.map((r) => [r.clientNumber, r.id]));
}

/** The recorded statements of the candidates for the period, as (id, recipients) rows. */
const recordedStatements = (candidates: readonly StatementCandidate[], period: StatementPeriod) =>
  sql`select s.id, c.invoice_emails as recipients
        from statements s join clients c on c.number = s.billed_client_number
       where s.billed_client_number = any(${sql.param(candidates.map((c) => c.clientNumber))}::int[])
         and s.period_from = ${period.from}::date and s.period_to = ${period.to}::date`;

export const statementDelivery: DocumentKind<StatementSelection, StatementKey, DeliveredStatement> = {
  ...table,
  selection: statementSelection,
  key: z
    .object({ clientNumber: wholeNumber(1, 99_999_999, 'statements.clientNumber'), from: isoDate, to: isoDate })
    .refine((input) => input.from <= input.to, { path: ['to'], message: 'statements.range' }),
  isSendable: sql`true`,

  async listDocuments(db, selection) {
    const candidates = await selectStatementClients(db, selection);
    const recorded =
      candidates.length === 0
        ? []
        : await queryRows<{ client: number; id: number | string; printed_at: Date | string | null }>(
            db,
            sql`select s.billed_client_number as client, s.id, s.printed_at from statements s
                 where s.billed_client_number = any(${sql.param(candidates.map((c) => c.clientNumber))}::int[])
                   and s.period_from = ${selection.from}::date and s.period_to = ${selection.to}::date`,
          );
    const byClient = new Map(recorded.map((r) => [Number(r.client), r]));
    return candidates.map((candidate) => {
      const row = byClient.get(candidate.clientNumber);
      return {
        ...candidate,
        documentId: row ? Number(row.id) : null,
        recipients: candidate.invoiceEmails,
        printedAt: row?.printed_at ? new Date(row.printed_at) : null,
      };
    });
  },

  async emailDocuments(tx, actorId, selection, isSending) {
    const candidates = await selectStatementClients(tx, selection);
    const withAddress = candidates.filter((c) => c.invoiceEmails.length > 0);
    if (isSending) await recordStatements(tx, actorId, selection, withAddress);
    return {
      rows:
        withAddress.length === 0
          ? sql`select null::int8 as id, '{}'::text[] as recipients where false`
          : recordedStatements(withAddress, selection),
      withoutAddress: candidates.length - withAddress.length,
    };
  },

  async resendDocument(tx, actorId, { clientNumber, from, to }) {
    const [candidate] = await selectStatementClients(tx, { from, to, clientNumber, isGrouped: false });
    if (!candidate) throw new AppError('statements.clientNotFound', { number: clientNumber });
    if (candidate.invoiceEmails.length === 0) throw new AppError('statements.noAddress', { number: clientNumber });
    const ids = await recordStatements(tx, actorId, { from, to }, [candidate]);
    return { id: ids.get(clientNumber)!, recipients: candidate.invoiceEmails };
  },

  alreadyQueued: ({ clientNumber }) => new AppError('statements.alreadyQueued', { number: clientNumber }),

  async emailOf(db, statementId, company) {
    const [found] = await db
      .select({ clientNumber: statements.billedClientNumber, from: statements.periodFrom, to: statements.periodTo })
      .from(statements)
      .where(eq(statements.id, statementId));
    if (!found) throw new Error(`état de compte ${statementId} introuvable`);
    const statement = await loadStatement(db, found.clientNumber, { from: found.from, to: found.to });
    const settings = ensureCompanySettings(company);
    const pdf = await renderStatementPdf(statement, settings);
    const { subject, text, filename } = statementEmailContent(
      {
        clientNumber: found.clientNumber,
        language: statement.client.language,
        from: found.from,
        to: found.to,
        closingCents: statement.closingCents,
      },
      settings.name,
    );
    return { subject, text, attachment: { filename, content: pdf } };
  },

  async printedPdf(db, documents, selection) {
    const company = await requireCompanySettings(db);
    const period = { from: selection.from, to: selection.to };
    async function* read() {
      for (const document of documents) yield await loadStatement(db, document.clientNumber, period);
    }
    return renderStatementsPdf(read(), company, documentTranslator('fr')('titles.statements', period));
  },

  async recordPrinted(db: Db, actorId, documents, selection) {
    await db.transaction(async (tx: Tx) => {
      const ids = await recordStatements(tx, actorId, selection, documents, { isPrinted: true });
      await insertPrintDeliveries(tx, table, actorId, [...ids.values()]);
    });
  },
};
