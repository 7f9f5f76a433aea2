import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deliveries, invoices, outboxMessages } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { emailProgress, enqueueEmails, processPendingEmails, resendEmail, retryFailedEmails } from '@/lib/delivery/email-queue';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { outboxMailer, smtpMailer, type Mailer } from '@/lib/delivery/mailer';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfText } from '@/test/support/pdf-text';
import { startSmtpServer, type TestSmtp } from '@/test/support/smtp';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';
import { until } from '@/test/support/until';

let database: TestDatabase | undefined;
let smtp: TestSmtp | undefined;
let clerkId: number;
let normalRun: number;
let groupedRun: number;

const selection = (runId: number, isGrouped: boolean) =>
  deliverySelection.parse({ runId: String(runId), isGrouped: isGrouped ? 'on' : undefined, method: 'email' });

beforeEach(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  ({ clerkId } = await loadGoldenScenario(database.db));
  const input = (isGrouped: boolean) => billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
  normalRun = (await generateInvoices(database.db, clerkId, input(false), '2026-11-01')).runId!; // invoices 1 (20001), 2 (20002, English)
  groupedRun = (await generateInvoices(database.db, clerkId, input(true), '2026-11-01')).runId!; // invoice 3 (head 12345)
});
afterEach(async () => {
  for (const opened of mailers.splice(0)) opened.close();
  await smtp?.close();
  await database?.drop();
});
afterAll(async () => {
  await smtp?.close();
});

/** Pooled SMTP connections: closed after each test, before its server. */
const mailers: Mailer[] = [];
const mailer = () => {
  const opened = smtpMailer(smtp!.url, 'facturation@repartition.test');
  mailers.push(opened);
  return opened;
};
const recipientsOf = (index: number) => (smtp!.messages[index]!.to as { value: { address: string }[] }).value.map((v) => v.address);

describe('e-mailing invoices through SMTP', () => {
  test('the grouped batch sends one message per grouped invoice to the head’s addresses, with its PDF, in the head’s language', async () => {
    expect(await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true))).toEqual({
      queued: 1,
      withoutAddress: 0,
    });
    expect(await processPendingEmails(database!.db, mailer())).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp!.messages).toHaveLength(1);
    const [message] = smtp!.messages;
    expect(recipientsOf(0)).toEqual(['factures-12345@exemple.ca']);
    expect(message!.subject).toBe('Facture 3 — Répartition Express Montréal inc.');
    expect(message!.text).toContain('d’un montant de 173,52 $');
    expect(message!.attachments.map((a) => [a.filename, a.contentType])).toEqual([['facture-3.pdf', 'application/pdf']]);
    const text = (await pdfText(message!.attachments[0]!.content)).join(' ');
    expect(text).toContain('No client 12346 — Pharmacie Centrale — succursale Laval');
    expect(text).toContain('Total 173,52 $');
    const [invoice] = await database!.db.select().from(invoices).where(eq(invoices.number, 3));
    expect(invoice!.emailedAt).not.toBeNull();
  });

  test('a second click queues nothing and a sent invoice is never sent again; an explicit resend sends it once more', async () => {
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
    expect((await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true))).queued).toBe(0);
    await processPendingEmails(database!.db, mailer());
    expect((await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true))).queued).toBe(0);
    await processPendingEmails(database!.db, mailer());
    expect(smtp!.messages).toHaveLength(1);
    await resendEmail(database!.db, invoiceDelivery, clerkId, { number: 3 });
    await expect(resendEmail(database!.db, invoiceDelivery, clerkId, { number: 3 })).rejects.toMatchObject({
      code: 'delivery.alreadyQueued',
    });
    await processPendingEmails(database!.db, mailer());
    expect(smtp!.messages).toHaveLength(2);
  });

  test('the SMTP server failing mid-batch, then recovering: every invoice delivered exactly once, English for the English client', async () => {
    smtp!.failNext(1);
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(normalRun, false));
    expect(await processPendingEmails(database!.db, mailer())).toEqual({ sent: 1, failed: 0, retried: 1 });
    const waiting = await emailProgress(database!.db, invoiceDelivery, selection(normalRun, false));
    expect(waiting.documents.find((i) => i.status === 'pending')?.error).toContain('Serveur temporairement indisponible');
    // Time passes: the retry is due.
    await database!.db.execute(sql`update deliveries set next_attempt_at = now() where status = 'pending'`);
    expect(await processPendingEmails(database!.db, mailer())).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp!.messages.map((m) => m.subject).sort()).toEqual([
      'Facture 1 — Répartition Express Montréal inc.',
      'Invoice 2 — Répartition Express Montréal inc.',
    ]);
    expect((await emailProgress(database!.db, invoiceDelivery, selection(normalRun, false))).counts).toMatchObject({
      total: 2,
      sent: 2,
      pending: 0,
      failed: 0,
    });
    const attempts = await database!.db.select({ attempts: deliveries.attempts }).from(deliveries).orderBy(deliveries.id);
    expect(attempts.map((a) => a.attempts).sort()).toEqual([1, 2]);
  });

  test('after three failed attempts an e-mail is failed with the server’s reason; the clerk retries it and it goes once', async () => {
    smtp!.failNext(3, '550 5.1.1 Boîte aux lettres inconnue');
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
    for (let attempt = 0; attempt < 3; attempt++) {
      await processPendingEmails(database!.db, mailer());
      await database!.db.execute(sql`update deliveries set next_attempt_at = now() where status = 'pending'`);
    }
    const progress = await emailProgress(database!.db, invoiceDelivery, selection(groupedRun, true));
    expect(progress.documents[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(progress.documents[0]!.error).toContain('Boîte aux lettres inconnue');
    expect(await retryFailedEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true))).toEqual({ queued: 1 });
    await processPendingEmails(database!.db, mailer());
    expect(smtp!.messages).toHaveLength(1);
    expect((await retryFailedEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true))).queued).toBe(0);
  });

  test('a worker that dies while sending: the e-mail is reported as interrupted, never sent again by itself', async () => {
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
    // The dead worker had taken the e-mail eleven minutes ago.
    await database!.db.execute(sql`update deliveries set started_at = now() - interval '11 minutes', attempts = 1`);
    expect(await processPendingEmails(database!.db, mailer())).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp!.messages).toHaveLength(0);
    expect((await emailProgress(database!.db, invoiceDelivery, selection(groupedRun, true))).documents[0]!.error).toContain(
      'Envoi interrompu',
    );
  });

  test('two workers at once send each invoice exactly once', async () => {
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(normalRun, false));
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
    await Promise.all([processPendingEmails(database!.db, mailer()), processPendingEmails(database!.db, mailer())]);
    expect(smtp!.messages.map((m) => (m.subject ?? '').split(' ')[1]).sort()).toEqual(['1', '2', '3']);
  });

  test('without SMTP settings the message is captured in the outbox, attachment included', async () => {
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
    await processPendingEmails(database!.db, outboxMailer(database!.db));
    const [captured] = await database!.db.select().from(outboxMessages);
    expect(captured).toMatchObject({
      recipients: ['factures-12345@exemple.ca'],
      subject: 'Facture 3 — Répartition Express Montréal inc.',
      attachmentName: 'facture-3.pdf',
    });
    expect(Buffer.from(captured!.attachmentBase64!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the SMTP connections', () => {
  const batch = async () => {
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(normalRun, false));
    await enqueueEmails(database!.db, invoiceDelivery, clerkId, selection(groupedRun, true));
  };
  const opened = (options: Parameters<typeof smtpMailer>[2]) => {
    const pooled = smtpMailer(smtp!.url, 'facturation@repartition.test', options);
    mailers.push(pooled);
    return pooled;
  };

  test('one connection carries every message of a batch, instead of one connection per message', async () => {
    await batch();
    expect(await processPendingEmails(database!.db, opened({ connections: 1 }))).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp!.messages.map((m) => m.subject)).toHaveLength(3);
    expect(smtp!.connectionCount()).toBe(1);
  });

  test('with two connections, two e-mails go at once and each invoice is still sent exactly once', async () => {
    await batch();
    // The first message is held at the server: the second arrives meanwhile, on another connection.
    const held = smtp!.holdAfter(0);
    const sending = processPendingEmails(database!.db, opened({ connections: 2 }));
    await until(() => held.hasArrived() && smtp!.arrivals.length === 2, 'a second message while the first is held');
    expect(smtp!.connectionCount()).toBe(2);
    held.release();
    expect(await sending).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp!.messages.map((m) => m.subject?.split(' — ')[0]).sort()).toEqual(['Facture 1', 'Facture 3', 'Invoice 2']);
    const sent = await database!.db.select().from(deliveries).where(eq(deliveries.status, 'sent'));
    expect(sent.map((d) => d.attempts)).toEqual([1, 1, 1]);
  });

  test('a rate of two messages a second for a provider that imposes it: three messages, even on three connections, are spread over a second instead of arriving together', async () => {
    await batch();
    expect(await processPendingEmails(database!.db, opened({ connections: 3, perSecond: 2 }))).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp!.arrivals).toHaveLength(3);
    // Started 0.5 s apart; the first also opens its connection, so the span seen by the server
    // is a little shorter than a second (unlimited, the three arrive within about 0.1 s).
    expect(smtp!.arrivals.at(-1)! - smtp!.arrivals[0]!).toBeGreaterThanOrEqual(700);
  });

  test('what SMTP_URL says itself wins: ?maxConnections=1 sends a batch over one connection', async () => {
    await batch();
    const mailer = smtpMailer(`${smtp!.url}?maxConnections=1`, 'facturation@repartition.test', { connections: 5 });
    mailers.push(mailer);
    expect(await processPendingEmails(database!.db, mailer)).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp!.connectionCount()).toBe(1);
  });
});
