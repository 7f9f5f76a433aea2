/**
 * Printing and e-mailing statements of account (docs/business-rules.md, Statements of account).
 * A statement is one row of `statements` per billed client and period, recorded when it is
 * printed or queued; its e-mails go through the invoices' queue (lib/delivery/email-queue.ts),
 * one `deliveries` row per attempt, so that a statement is e-mailed once unless a clerk resends
 * it on purpose, and a failure is reported with the server's reason for a retry.
 */
import { eq, sql } from 'drizzle-orm';
import { idArray } from '@/db/id-list';
import { queryRows, type Db, type Executor } from '@/db/index';
import { deliveries, statements } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { pdfStream } from '@/lib/pdf/pdf-stream';
import { renderStatementsPdf } from '@/lib/pdf/render-statements';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { selectStatementClients, type StatementCandidate } from './select-statements';
import { loadStatement, type StatementPeriod } from './statement';
import type { StatementSelection } from './statement-input';

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

type StatementsPdf = { stream: ReadableStream<Uint8Array>; candidates: StatementCandidate[] };

/**
 * The merged PDF of the selection's statements, in client order, streamed as it is written;
 * `onWritten` runs once the whole file was written out. Null when the selection has no statement.
 */
async function statementsPdf(
  db: Db,
  selection: StatementSelection,
  onWritten?: (candidates: StatementCandidate[], period: StatementPeriod) => Promise<void>,
): Promise<StatementsPdf | null> {
  const candidates = await selectStatementClients(db, selection);
  if (candidates.length === 0) return null;
  const company = await requireCompanySettings(db);
  const period = { from: selection.from, to: selection.to };
  async function* read() {
    for (const candidate of candidates) yield await loadStatement(db, candidate.clientNumber, period);
  }
  const title = `États de compte ${selection.from} – ${selection.to}`;
  const stream = await pdfStream(renderStatementsPdf(read(), company, title), onWritten && (() => onWritten(candidates, period)));
  return { stream, candidates };
}

/** The selection's statements to look at: the same PDF as a print, recording nothing. */
export function previewStatements(db: Db, selection: StatementSelection): Promise<StatementsPdf | null> {
  return statementsPdf(db, selection);
}

/** The selection's statements printed: recorded printed once the whole file was written out. */
export function printStatements(db: Db, actorId: number, selection: StatementSelection): Promise<StatementsPdf | null> {
  return statementsPdf(db, selection, async (candidates, period) => {
    await db.transaction(async (tx) => {
      const ids = await recordStatements(tx, actorId, period, candidates, { isPrinted: true });
      await tx.execute(sql`
        insert into deliveries (statement_id, channel, status, requested_by, completed_at)
        select id, 'print', 'sent', ${actorId}, now() from unnest(${idArray([...ids.values()])}) as id`);
    });
  });
}

/** Queues the e-mail of every statement of the selection not yet sent nor waiting; returns what was queued. */
export async function enqueueStatementEmails(
  db: Db,
  actorId: number,
  selection: StatementSelection,
): Promise<{ queued: number; withoutAddress: number }> {
  const candidates = await selectStatementClients(db, selection);
  const withAddress = candidates.filter((c) => c.invoiceEmails.length > 0);
  const queued = await db.transaction(async (tx) => {
    const ids = await recordStatements(tx, actorId, selection, withAddress);
    if (ids.size === 0) return 0;
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`insert into deliveries (statement_id, channel, status, recipients, requested_by)
          select s.id, 'email', 'pending', c.invoice_emails, ${actorId}
            from statements s join clients c on c.number = s.billed_client_number
           where s.id = any(${idArray([...ids.values()])})
             and cardinality(c.invoice_emails) > 0
             -- Never attempted: a failed or interrupted e-mail is retried only on the clerk's request.
             and not exists (select 1 from deliveries d where d.statement_id = s.id and d.channel = 'email')
           order by s.id
          on conflict do nothing
          returning id`,
    );
    return rows.length;
  });
  return { queued, withoutAddress: candidates.length - withAddress.length };
}

/** Queues again the selection's statements whose last e-mail failed (and none was sent or is waiting since). */
export async function retryFailedStatementEmails(db: Db, actorId: number, selection: StatementSelection): Promise<{ queued: number }> {
  const candidates = await selectStatementClients(db, selection);
  if (candidates.length === 0) return { queued: 0 };
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into deliveries (statement_id, channel, status, recipients, requested_by)
        select s.id, 'email', 'pending', c.invoice_emails, ${actorId}
          from statements s join clients c on c.number = s.billed_client_number
         where s.billed_client_number = any(${sql.param(candidates.map((x) => x.clientNumber))}::int[])
           and s.period_from = ${selection.from}::date and s.period_to = ${selection.to}::date
           and cardinality(c.invoice_emails) > 0
           and exists (select 1 from deliveries d where d.statement_id = s.id and d.channel = 'email' and d.status = 'failed')
           and not exists (select 1 from deliveries d where d.statement_id = s.id and d.channel = 'email' and d.status in ('pending', 'sent'))
         order by s.id
        on conflict do nothing
        returning id`,
  );
  return { queued: rows.length };
}

/** A clerk's explicit request to e-mail client `clientNumber`'s statement of the period again, even though it was sent. */
export async function resendStatementEmail(db: Db, actorId: number, clientNumber: number, period: StatementPeriod): Promise<void> {
  const [candidate] = await selectStatementClients(db, { ...period, clientNumber, isGrouped: false });
  if (!candidate) throw new AppError('statements.clientNotFound', { number: clientNumber });
  if (candidate.invoiceEmails.length === 0) throw new AppError('statements.noAddress', { number: clientNumber });
  await db.transaction(async (tx) => {
    const ids = await recordStatements(tx, actorId, period, [candidate]);
    const inserted = await tx
      .insert(deliveries)
      .values({
        statementId: ids.get(clientNumber)!,
        channel: 'email',
        status: 'pending',
        recipients: candidate.invoiceEmails,
        requestedBy: actorId,
        isResend: true,
      })
      .onConflictDoNothing()
      .returning({ id: deliveries.id });
    if (inserted.length === 0) throw new AppError('statements.alreadyQueued', { number: clientNumber });
  });
}

export type StatementEmailStatus = 'none' | 'pending' | 'sent' | 'failed';
export type StatementProgressRow = StatementCandidate & {
  statementId: number | null;
  recipients: string[];
  status: StatementEmailStatus;
  error: string | null;
  attempts: number;
  printedAt: Date | null;
};

/** Where a batch stands: each statement of the selection with its last e-mail. */
export async function statementProgress(db: Executor, selection: StatementSelection) {
  const candidates = await selectStatementClients(db, selection);
  const rows =
    candidates.length === 0
      ? []
      : await queryRows<{
          client: number;
          id: number | string;
          printed_at: Date | string | null;
          recipients: string[] | null;
          status: StatementEmailStatus | null;
          error: string | null;
          attempts: number | null;
        }>(
          db,
          sql`select s.billed_client_number as client, s.id, s.printed_at, d.recipients, d.status, d.error, d.attempts
                from statements s
                left join lateral (select * from deliveries d where d.statement_id = s.id and d.channel = 'email' order by d.id desc limit 1) d on true
               where s.billed_client_number = any(${sql.param(candidates.map((c) => c.clientNumber))}::int[])
                 and s.period_from = ${selection.from}::date and s.period_to = ${selection.to}::date`,
        );
  const byClient = new Map(rows.map((r) => [Number(r.client), r]));
  const statementsProgress: StatementProgressRow[] = candidates.map((c) => {
    const row = byClient.get(c.clientNumber);
    return {
      ...c,
      statementId: row ? Number(row.id) : null,
      recipients: row?.recipients ?? c.invoiceEmails,
      status: row?.status ?? 'none',
      error: row?.error ?? null,
      attempts: row?.attempts ?? 0,
      printedAt: row?.printed_at ? new Date(row.printed_at) : null,
    };
  });
  const count = (status: StatementEmailStatus) => statementsProgress.filter((s) => s.status === status).length;
  return {
    statements: statementsProgress,
    counts: {
      total: statementsProgress.length,
      none: count('none'),
      pending: count('pending'),
      sent: count('sent'),
      failed: count('failed'),
    },
  };
}

/** The statement a delivery carries, for the e-mail worker. */
export async function statementOfDelivery(db: Executor, statementId: number) {
  const [row] = await db
    .select({ clientNumber: statements.billedClientNumber, from: statements.periodFrom, to: statements.periodTo })
    .from(statements)
    .where(eq(statements.id, statementId));
  return row ?? null;
}
