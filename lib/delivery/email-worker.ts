/**
 * The e-mail worker of this process: it sends pending invoice e-mails every few seconds, and at
 * once when a batch is queued. Every instance of the application runs one; they share the
 * queue safely (lib/delivery/email-queue.ts).
 */
import type { AppDatabase } from '@/db/index';
import { processPendingEmails } from './email-queue';
import { mailerFromEnvironment } from './mailer';

type Worker = { kick: () => void; stop: () => void };

declare global {
  var __emailWorker: Worker | undefined;
}

export function startEmailWorker(app: AppDatabase, intervalMs = 3000): Worker {
  if (globalThis.__emailWorker) return globalThis.__emailWorker;
  const mailer = mailerFromEnvironment(app.db);
  let isRunning = false;
  let isAgain = false;
  const run = () => {
    if (isRunning) {
      isAgain = true;
      return;
    }
    isRunning = true;
    // The embedded database has one connection: its e-mails go one at a time.
    processPendingEmails(app.db, mailer, { concurrency: app.kind === 'embedded' ? 1 : undefined })
      .catch((error: unknown) => console.error('[courriel] échec du traitement des envois', error))
      .finally(() => {
        isRunning = false;
        if (isAgain) {
          isAgain = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  globalThis.__emailWorker = {
    kick: run,
    stop: () => {
      clearInterval(timer);
      mailer.close();
    },
  };
  console.log(`[courriel] envoi des factures : ${mailer.kind === 'smtp' ? 'serveur SMTP' : 'boîte d’envoi locale (/admin/outbox)'}`);
  return globalThis.__emailWorker;
}

/** Wakes the worker up after a batch was queued (no-op where no worker runs, e.g. scripts). */
export function kickEmailWorker(): void {
  globalThis.__emailWorker?.kick();
}
