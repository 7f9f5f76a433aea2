/**
 * E-mailing invoices (and statements of account, lib/statements/statement-delivery.ts) through a
 * queue held in PostgreSQL: each e-mail to send is a row of `deliveries` (channel 'email'), and
 * that row is the job. Workers in any number of processes (or the one process of the embedded
 * database) take pending rows with FOR UPDATE SKIP LOCKED.
 *
 * The delivery row *is* the record of the attempt, which is what makes "never sent twice"
 * hold: an invoice with a sent e-mail is never queued again unless a clerk asks to resend it;
 * a partial unique index refuses a second pending e-mail for the same invoice (double click);
 * an e-mail whose worker died mid-send is not retried blindly but reported as interrupted.
 *
 * The database going away (crash, restart) while a worker lives: what the worker learnt about
 * an e-mail it took (sent, or failed before sending) is kept until the database takes it, so
 * a message sent while PostgreSQL was down is recorded sent once it is back, never sent again.
 * One window is left: if the connection breaks just as the server commits the taking of an
 * e-mail, the worker never learns it took it; nothing is sent, and the e-mail is reported as
 * interrupted after STALE_AFTER, for a clerk to resend.
 * Written here rather than with a general job library because these guarantees live in the
 * application's own rows and transactions.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isConnectionLost } from '@/db/errors';
import { queryRows, type Db, type Tx } from '@/db/index';
import { deliveries, invoices, statements } from '@/db/schema';
import { getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { renderLoadedInvoice } from '@/lib/pdf/invoice-pdf';
import { AppError } from '@/lib/errors';
import type { DeliverySelection } from './delivery-input';
import { invoiceEmailContent, statementEmailContent } from './email-content';
import type { Mailer } from './mailer';
import { selectionConditions } from './select-invoices';
import { ensureCompanySettings, getCompanySettings, type CompanySettings } from '@/lib/settings/company-settings';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { loadStatement } from '@/lib/statements/statement';
import { statementOfDelivery } from '@/lib/statements/statement-delivery';

export const MAX_EMAIL_ATTEMPTS = 3;
/** A worker holding an e-mail longer than this died: the e-mail is reported, not re-sent. */
const STALE_AFTER_MINUTES = 10;
const STALE_AFTER = `${STALE_AFTER_MINUTES} minutes`;

/**
 * Queues the e-mail of every selected invoice not yet sent nor waiting; returns what was queued.
 * The invoices are locked (shared, in id order, as a reversal locks them): an invoice that a
 * reversal is voiding at this moment is waited for, then left out once void.
 */
export async function enqueueInvoiceEmails(
  db: Db,
  actorId: number,
  selection: DeliverySelection,
): Promise<{ queued: number; withoutAddress: number }> {
  return db.transaction(async (tx) => {
    const conditions = sql.join(selectionConditions({ ...selection, method: 'email' }), sql` and `);
    const queued = await queryRows<{ id: number }>(
      tx,
      sql`insert into deliveries (invoice_id, channel, status, recipients, requested_by)
          select invoices.id, 'email', 'pending', invoices.bill_to_emails, ${actorId}
            from invoices
           where ${conditions}
             and cardinality(invoices.bill_to_emails) > 0
             -- Never attempted: a failed or interrupted e-mail is retried only on the clerk's request.
             and not exists (select 1 from deliveries d where d.invoice_id = invoices.id and d.channel = 'email')
           order by invoices.id
             for share of invoices
          on conflict do nothing
          returning id`,
    );
    const [missing] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from invoices where ${conditions} and cardinality(invoices.bill_to_emails) = 0`,
    );
    return { queued: queued.length, withoutAddress: missing!.n };
  });
}

/** Queues again the selected invoices whose last e-mail failed (and none was sent since); locked as when queuing. */
export async function retryFailedEmails(db: Db, actorId: number, selection: DeliverySelection): Promise<{ queued: number }> {
  const conditions = sql.join(selectionConditions({ ...selection, method: 'email' }), sql` and `);
  const queued = await queryRows<{ id: number }>(
    db,
    sql`insert into deliveries (invoice_id, channel, status, recipients, requested_by)
        select invoices.id, 'email', 'pending', invoices.bill_to_emails, ${actorId}
          from invoices
         where ${conditions}
           and exists (select 1 from deliveries d where d.invoice_id = invoices.id and d.channel = 'email' and d.status = 'failed')
           and not exists (select 1 from deliveries d where d.invoice_id = invoices.id and d.channel = 'email' and d.status in ('pending', 'sent'))
         order by invoices.id
           for share of invoices
        on conflict do nothing
        returning id`,
  );
  return { queued: queued.length };
}

/**
 * A clerk's explicit request to send invoice `number` again, even though it was sent. The invoice
 * is locked (shared) while the e-mail is queued: a reversal voiding it meanwhile is waited for.
 */
export async function resendInvoiceEmail(db: Db, actorId: number, number: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.number, number)).for('share');
    if (!invoice) throw new AppError('delivery.invoiceNotFound', { number });
    if (invoice.status === 'void') throw new AppError('delivery.invoiceVoid', { number });
    if (invoice.billToEmails.length === 0) throw new AppError('delivery.noAddress', { number });
    const inserted = await tx
      .insert(deliveries)
      .values({
        invoiceId: invoice.id,
        channel: 'email',
        status: 'pending',
        recipients: invoice.billToEmails,
        requestedBy: actorId,
        isResend: true,
      })
      .onConflictDoNothing()
      .returning({ id: deliveries.id });
    if (inserted.length === 0) throw new AppError('delivery.alreadyQueued', { number });
  });
}

type Claimed = { id: number; invoice_id: number | null; statement_id: number | null; recipients: string[]; attempts: number };

/** Takes the next pending e-mail (of an issued invoice, or of a statement of account) for this worker, if any. */
async function claimNextEmail(db: Db): Promise<Claimed | null> {
  // bigint columns come back as text from postgres.js: the ids are made numbers again below.
  const [claimed] = await queryRows<
    Omit<Claimed, 'id' | 'invoice_id' | 'statement_id'> & {
      id: number | string;
      invoice_id: number | string | null;
      statement_id: number | string | null;
    }
  >(
    db,
    sql`update deliveries set started_at = now(), attempts = attempts + 1
         where id = (select id from deliveries
                      where channel = 'email' and status = 'pending' and started_at is null
                        and (next_attempt_at is null or next_attempt_at <= now())
                        and (deliveries.statement_id is not null
                             or exists (select 1 from invoices i where i.id = deliveries.invoice_id and i.status = 'issued'))
                      order by id limit 1 for update skip locked)
     returning id, invoice_id, statement_id, recipients, attempts`,
  );
  const id = (value: number | string | null) => (value === null ? null : Number(value));
  return claimed
    ? { ...claimed, id: Number(claimed.id), invoice_id: id(claimed.invoice_id), statement_id: id(claimed.statement_id) }
    : null;
}

/** What a taken e-mail sends, and how its document is marked e-mailed once it was. */
async function emailOfJob(db: Db, job: Claimed, company: CompanySettings | null) {
  if (job.statement_id !== null) {
    const statementId = job.statement_id;
    const found = await statementOfDelivery(db, statementId);
    if (!found) throw new Error(`état de compte ${statementId} introuvable`);
    const statement = await loadStatement(db, found.clientNumber, { from: found.from, to: found.to });
    const settings = ensureCompanySettings(company);
    const pdf = await renderStatementPdf(statement, settings);
    const content = statementEmailContent(
      {
        clientNumber: found.clientNumber,
        language: statement.client.language,
        from: found.from,
        to: found.to,
        closingCents: statement.closingCents,
      },
      settings.name,
    );
    const markEmailed = (tx: Tx) =>
      tx
        .update(statements)
        .set({ emailedAt: sql`coalesce(${statements.emailedAt}, now())` })
        .where(eq(statements.id, statementId));
    return { pdf, content, markEmailed };
  }
  const invoiceId = job.invoice_id!;
  const [found] = await getInvoicesWithBlocks(db, [invoiceId]);
  const pdf = await renderLoadedInvoice(found!, company);
  // The company as the invoice names it (its snapshot at generation).
  const content = invoiceEmailContent(found!.invoice, found!.invoice.issuerName ?? company?.name ?? '');
  const markEmailed = (tx: Tx) =>
    tx
      .update(invoices)
      .set({ emailedAt: sql`coalesce(${invoices.emailedAt}, now())` })
      .where(eq(invoices.id, invoiceId));
  return { pdf, content, markEmailed };
}

/** E-mails whose worker died while sending: reported as failed, never re-sent without a clerk. */
export async function reportInterruptedEmails(db: Db): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update deliveries set status = 'failed', completed_at = now(),
               error = 'Envoi interrompu (arrêt du serveur) : vérifiez la réception avant de renvoyer. / Interrupted: check before resending.'
         where channel = 'email' and status = 'pending' and started_at < now() - ${STALE_AFTER}::interval
     returning id`,
  );
  return rows.length;
}

/**
 * Writes what became of an e-mail the worker took, waiting for the database while it is
 * unreachable (other errors are thrown at once). It waits no longer than other workers wait
 * before reporting the e-mail interrupted.
 */
async function recordOutcome(write: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + STALE_AFTER_MINUTES * 60_000;
  for (let pause = 250; ; pause = Math.min(pause * 2, 5000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (!isConnectionLost(error) || Date.now() + pause > deadline) throw error;
      console.error(
        `[courriel] base de données injoignable, nouvel essai dans ${pause} ms`,
        error instanceof Error ? error.message : error,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * Sends pending e-mails until none is left (or `limit` were handled); returns how many were
 * handled. As many e-mails go at once as the mailer has connections (or `concurrency`), each
 * taken, rendered, sent and recorded on its own exactly as one alone would be: while one is
 * sent, the next is rendered.
 */
export async function processPendingEmails(
  db: Db,
  mailer: Mailer,
  options: { limit?: number; concurrency?: number } = {},
): Promise<{ sent: number; failed: number; retried: number }> {
  const outcome = { sent: 0, failed: 0, retried: 0 };
  await reportInterruptedEmails(db);
  const company = await getCompanySettings(db);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let taken = 0;
  const lane = async () => {
    while (taken < limit) {
      taken++;
      const job = await claimNextEmail(db);
      if (!job) return;
      await sendEmail(db, mailer, job, company, outcome);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency ?? mailer.concurrency) }, lane));
  const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failure) throw failure.reason;
  return outcome;
}

/** One taken e-mail: rendered, sent, and what became of it recorded. */
async function sendEmail(
  db: Db,
  mailer: Mailer,
  job: Claimed,
  company: CompanySettings | null,
  outcome: { sent: number; failed: number; retried: number },
): Promise<void> {
  let isSent = false;
  try {
    const { pdf, content, markEmailed } = await emailOfJob(db, job, company);
    await mailer.send({
      deliveryId: job.id,
      to: job.recipients,
      subject: content.subject,
      text: content.text,
      attachment: { filename: content.filename, content: pdf },
    });
    isSent = true;
    // Written again as is if the first try committed but its answer was lost. The invoice (or
    // statement), then its delivery: the order in which a reversal locks them.
    await recordOutcome(() =>
      db.transaction(async (tx) => {
        await markEmailed(tx);
        await tx
          .update(deliveries)
          .set({ status: 'sent', completedAt: sql`now()`, error: null })
          .where(eq(deliveries.id, job.id));
      }),
    );
    outcome.sent++;
  } catch (error) {
    // Sent, but the database never took it: never sent again by itself (reported as interrupted later on).
    if (isSent) {
      console.error('[courriel] envoyé mais non enregistré', job.id, error);
      return;
    }
    // The server's reason, as the clerk will read it.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'erreur inconnue';
    // Only while this worker still holds it: a late second try must not give back an
    // e-mail that another worker took in between.
    const stillHeld = and(eq(deliveries.id, job.id), eq(deliveries.status, 'pending'), eq(deliveries.attempts, job.attempts));
    if (job.attempts < MAX_EMAIL_ATTEMPTS) {
      await recordOutcome(() =>
        db
          .update(deliveries)
          .set({ startedAt: null, error: reason, nextAttemptAt: sql`now() + ${`${job.attempts * 15} seconds`}::interval` })
          .where(stillHeld),
      );
      outcome.retried++;
    } else {
      await recordOutcome(() =>
        db
          .update(deliveries)
          .set({ status: 'failed', error: reason, completedAt: sql`now()` })
          .where(stillHeld),
      );
      outcome.failed++;
    }
  }
}

/** Where a batch stands: each selected invoice with its last e-mail. */
export async function emailProgress(db: Db, selection: DeliverySelection) {
  const rows = await queryRows<{
    number: string | number;
    billed_client_number: number;
    bill_to_name: string;
    recipients: string[] | null;
    status: string | null;
    error: string | null;
    attempts: number | null;
    completed_at: Date | string | null;
    is_resend: boolean | null;
  }>(
    db,
    sql`select invoices.number, invoices.billed_client_number, invoices.bill_to_name, d.recipients, d.status, d.error, d.attempts, d.completed_at, d.is_resend
          from invoices
          left join lateral (select * from deliveries d where d.invoice_id = invoices.id and d.channel = 'email' order by d.id desc limit 1) d on true
         where ${sql.join(selectionConditions({ ...selection, method: 'email' }), sql` and `)}
         order by invoices.number`,
  );
  const invoicesProgress = rows.map((r) => ({
    number: Number(r.number),
    billedClientNumber: r.billed_client_number,
    name: r.bill_to_name,
    recipients: r.recipients ?? [],
    status: (r.status ?? 'none') as 'none' | 'pending' | 'sent' | 'failed',
    error: r.error,
    attempts: r.attempts ?? 0,
  }));
  const count = (status: string) => invoicesProgress.filter((i) => i.status === status).length;
  return {
    invoices: invoicesProgress,
    counts: {
      total: invoicesProgress.length,
      none: count('none'),
      pending: count('pending'),
      sent: count('sent'),
      failed: count('failed'),
    },
  };
}
