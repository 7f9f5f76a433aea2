/**
 * E-mailing documents (invoices, statements of account: lib/delivery/kinds/) through a queue
 * held in PostgreSQL: each e-mail to send is a row of `deliveries` (channel 'email'), and that
 * row is the job. Workers in any number of processes (or the one process of the embedded
 * database) take pending rows with FOR UPDATE SKIP LOCKED.
 *
 * The delivery row *is* the record of the attempt, which is what makes "never sent twice"
 * hold: a document with a sent e-mail is never queued again unless a clerk asks to resend it;
 * a partial unique index refuses a second pending e-mail for the same document (double click);
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
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { isConnectionLost } from '@/db/errors';
import { queryRows, type Db, type Executor } from '@/db/index';
import { deliveries } from '@/db/schema';
import { getCompanySettings, type CompanySettings } from '@/lib/settings/company-settings';
import type { DocumentKind, EmailedKind, ListedDocument } from './document-kind';
import { EMAILED_KINDS } from './kinds';
import type { Mailer } from './mailer';

export const MAX_EMAIL_ATTEMPTS = 3;
/** A worker holding an e-mail longer than this died: the e-mail is reported, not re-sent. */
const STALE_AFTER_MINUTES = 10;
const STALE_AFTER = `${STALE_AFTER_MINUTES} minutes`;

const column = (kind: EmailedKind) => sql.raw(kind.deliveryColumn);

/** Puts in the queue the documents of `rows` (id, recipients) that pass `condition`, in id order. */
function queueEmails(db: Executor, kind: EmailedKind, actorId: number, rows: SQL, condition: SQL) {
  return queryRows<{ id: number }>(
    db,
    sql`insert into deliveries (${column(kind)}, channel, status, recipients, requested_by)
        select document.id, 'email', 'pending', document.recipients, ${actorId}
          from (${rows}) as document
         where cardinality(document.recipients) > 0 and ${condition}
         order by document.id
        on conflict do nothing
        returning id`,
  );
}

/**
 * Queues the e-mail of every document of the selection not yet sent nor waiting; returns what
 * was queued. The documents are locked as their kind says (an invoice that a reversal is voiding
 * at this moment is waited for, then left out once void).
 */
export async function enqueueEmails<S, K, R extends ListedDocument>(
  db: Db,
  kind: DocumentKind<S, K, R>,
  actorId: number,
  selection: S,
): Promise<{ queued: number; withoutAddress: number }> {
  return db.transaction(async (tx) => {
    const { rows, withoutAddress } = await kind.emailDocuments(tx, actorId, selection, true);
    // Never attempted: a failed or interrupted e-mail is retried only on the clerk's request.
    const queued = await queueEmails(
      tx,
      kind,
      actorId,
      rows,
      sql`not exists (select 1 from deliveries d where d.${column(kind)} = document.id and d.channel = 'email')`,
    );
    return { queued: queued.length, withoutAddress };
  });
}

/** Queues again the selection's documents whose last e-mail failed (and none was sent or is waiting since). */
export async function retryFailedEmails<S, K, R extends ListedDocument>(
  db: Db,
  kind: DocumentKind<S, K, R>,
  actorId: number,
  selection: S,
): Promise<{ queued: number }> {
  return db.transaction(async (tx) => {
    const { rows } = await kind.emailDocuments(tx, actorId, selection, false);
    const queued = await queueEmails(
      tx,
      kind,
      actorId,
      rows,
      sql`exists (select 1 from deliveries d where d.${column(kind)} = document.id and d.channel = 'email' and d.status = 'failed')
          and not exists (select 1 from deliveries d where d.${column(kind)} = document.id and d.channel = 'email' and d.status in ('pending', 'sent'))`,
    );
    return { queued: queued.length };
  });
}

/**
 * A clerk's explicit request to send a document again, even though it was sent. The document is
 * locked as its kind says while the e-mail is queued (a reversal voiding an invoice is waited for).
 */
export async function resendEmail<S, K, R extends ListedDocument>(
  db: Db,
  kind: DocumentKind<S, K, R>,
  actorId: number,
  key: K,
): Promise<void> {
  await db.transaction(async (tx) => {
    const document = await kind.resendDocument(tx, actorId, key);
    const inserted = await queryRows<{ id: number }>(
      tx,
      sql`insert into deliveries (${column(kind)}, channel, status, recipients, requested_by, is_resend)
          values (${document.id}, 'email', 'pending', ${sql.param(document.recipients)}::text[], ${actorId}, true)
          on conflict do nothing
          returning id`,
    );
    if (inserted.length === 0) throw kind.alreadyQueued(key);
  });
}

type Claimed = { id: number; kind: EmailedKind; documentId: number; recipients: string[]; attempts: number };

/** Takes the next pending e-mail, of any kind of document, for this worker, if any. */
async function claimNextEmail(db: Db): Promise<Claimed | null> {
  const sendable = sql.join(
    EMAILED_KINDS.map((kind) => sql`(deliveries.${column(kind)} is not null and ${kind.isSendable})`),
    sql` or `,
  );
  const documentIds = sql.join(
    EMAILED_KINDS.map((kind) => sql`${column(kind)}`),
    sql`, `,
  );
  // bigint columns come back as text from postgres.js: the ids are made numbers again below.
  const [claimed] = await queryRows<Record<string, unknown> & { id: number | string; recipients: string[]; attempts: number }>(
    db,
    sql`update deliveries set started_at = now(), attempts = attempts + 1
         where id = (select id from deliveries
                      where channel = 'email' and status = 'pending' and started_at is null
                        and (next_attempt_at is null or next_attempt_at <= now())
                        and (${sendable})
                      order by id limit 1 for update skip locked)
     returning id, recipients, attempts, ${documentIds}`,
  );
  if (!claimed) return null;
  const kind = EMAILED_KINDS.find((k) => claimed[k.deliveryColumn] !== null)!;
  return {
    id: Number(claimed.id),
    kind,
    documentId: Number(claimed[kind.deliveryColumn]),
    recipients: claimed.recipients,
    attempts: claimed.attempts,
  };
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
    const email = await job.kind.emailOf(db, job.documentId, company);
    await mailer.send({
      deliveryId: job.id,
      to: job.recipients,
      subject: email.subject,
      text: email.text,
      attachment: email.attachment,
    });
    isSent = true;
    // Written again as is if the first try committed but its answer was lost. The document
    // (invoice, statement), then its delivery: the order in which a reversal locks them.
    await recordOutcome(() =>
      db.transaction(async (tx) => {
        await tx.execute(
          sql`update ${sql.identifier(job.kind.table)} set emailed_at = coalesce(emailed_at, now()) where id = ${job.documentId}`,
        );
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

export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';
export type EmailState = { recipients: string[]; status: EmailStatus; error: string | null; attempts: number };
export type BatchProgress<R> = {
  documents: (R & EmailState)[];
  counts: Record<EmailStatus | 'total', number>;
  /** Some document is still to send and has somewhere to go. */
  hasUnsent: boolean;
};

/** Where a batch stands: each document of the selection with its last e-mail, and the counts by state. */
export async function emailProgress<S, K, R extends ListedDocument>(
  db: Executor,
  kind: DocumentKind<S, K, R>,
  selection: S,
): Promise<BatchProgress<R>> {
  const listed = await kind.listDocuments(db, selection, 'email');
  const ids = listed.flatMap((document) => (document.documentId === null ? [] : [document.documentId]));
  const lastEmails =
    ids.length === 0
      ? []
      : await queryRows<{ document: number | string; recipients: string[]; status: EmailStatus; error: string | null; attempts: number }>(
          db,
          sql`select document, d.recipients, d.status, d.error, d.attempts
                from unnest(${sql.param(ids)}::int8[]) as document
                join lateral (select * from deliveries d
                               where d.${column(kind)} = document and d.channel = 'email' order by d.id desc limit 1) d on true`,
        );
  const byDocument = new Map(lastEmails.map((e) => [Number(e.document), e]));
  const documents = listed.map((document): R & EmailState => {
    const email = document.documentId === null ? undefined : byDocument.get(document.documentId);
    return {
      ...document,
      recipients: email?.recipients ?? document.recipients,
      status: email?.status ?? 'none',
      error: email?.error ?? null,
      attempts: email?.attempts ?? 0,
    };
  });
  const count = (status: EmailStatus) => documents.filter((d) => d.status === status).length;
  return {
    documents,
    counts: { total: documents.length, none: count('none'), pending: count('pending'), sent: count('sent'), failed: count('failed') },
    hasUnsent: documents.some((d) => d.status === 'none' && d.recipients.length > 0),
  };
}
