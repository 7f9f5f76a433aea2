/**
 * Statements of account on a real PostgreSQL: the PDF's figures (opening and closing balances,
 * running balances, a head's member subtotals and member summary, bilingual for an English
 * client) equal to the ledger's; a batch that respects the grouped-billing checkbox and takes
 * the clients with a document in the period or a balance at its end; a merged print in client
 * order; e-mails sent exactly once, resent only on purpose, failures reported and retried.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { deliveries, invoices, statements } from '@/db/schema';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { emailProgress, enqueueEmails, processPendingEmails, resendEmail, retryFailedEmails } from '@/lib/delivery/email-queue';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { statementDelivery } from '@/lib/delivery/kinds/statement';
import { printDocuments } from '@/lib/delivery/print';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { smtpMailer, type Mailer } from '@/lib/delivery/mailer';
import { renderStatementPdf } from '@/lib/pdf/render-statements';
import { paymentInput } from '@/lib/receivables/payment-input';
import { recordPayment } from '@/lib/receivables/payments';
import { clientLedger } from '@/lib/receivables/ledger';
import { formatMoney } from '@/lib/i18n/format';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { selectStatementClients } from '@/lib/statements/select-statements';
import { loadStatement } from '@/lib/statements/statement';
import { statementSelection } from '@/lib/statements/statement-input';
import { violatedConstraint } from '@/test/support/fixtures';
import { loadGoldenScenario } from '@/test/support/golden-scenario';
import { pdfPages, pdfText, streamBytes } from '@/test/support/pdf-text';
import { startSmtpServer, type TestSmtp } from '@/test/support/smtp';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
let database: TestDatabase;
let smtp: TestSmtp | undefined;
let clerkId: number;

const select = (period: { from: string; to: string }, isGrouped: boolean, clientNumber?: number) =>
  statementSelection.parse({ ...period, isGrouped: isGrouped ? 'on' : undefined, clientNumber: clientNumber ? String(clientNumber) : '' });

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clerkId } = await loadGoldenScenario(database.db));
  const input = (isGrouped: boolean) => billingInput.parse({ cutoff: '2026-10-31', cycle: 'all', isGrouped: isGrouped ? 'on' : undefined });
  await generateInvoices(database.db, clerkId, input(false), '2026-11-01'); // 1: 20001, 2: 20002 (English), due December 1
  await generateInvoices(database.db, clerkId, input(true), '2026-11-01'); // 3: head 12345, 173,52 $, due November 16
  const pay = (clientNumber: number, amount: string, receivedOn: string) =>
    recordPayment(
      database.db,
      clerkId,
      paymentInput('2026-12-31').parse({ clientNumber: String(clientNumber), amount, receivedOn, method: 'cheque', allocation: 'auto' }),
    );
  await pay(12345, '100,00', '2026-11-20');
  // 20002 pays its invoice in full in November: nothing owed at the end of December.
  const [invoice2] = await database.db.select({ total: invoices.totalCents }).from(invoices).where(eq(invoices.number, 2));
  await pay(20002, (invoice2!.total / 100).toFixed(2).replace('.', ','), '2026-11-25');
  // 20001 pays more than it owes in December: the rest is a credit on account.
  await pay(20001, '500,00', '2026-12-15');
});
afterAll(() => database.drop());
/** Pooled SMTP connections: closed after each test, before its server. */
const mailers: Mailer[] = [];
afterEach(async () => {
  for (const opened of mailers.splice(0)) opened.close();
  await smtp?.close();
  smtp = undefined;
});

async function statementText(clientNumber: number, period: { from: string; to: string }) {
  const statement = await loadStatement(database.db, clientNumber, period);
  const pdf = await renderStatementPdf(statement, await requireCompanySettings(database.db));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return { statement, text: (await pdfText(pdf)).join(' ') };
}

describe('a statement of account', () => {
  test('of a head: opening, the period’s documents with running balances, closing, aging, open invoices with member subtotals, member summary', async () => {
    const { statement, text } = await statementText(12345, NOVEMBER);
    expect(statement.kind).toBe('grouped');
    expect(statement.openingCents).toBe(0);
    expect(statement.entries.map((e) => [e.kind, e.amountCents, e.balanceCents])).toEqual([
      ['invoice', 17352, 17352],
      ['payment', -10000, 7352],
    ]);
    expect(statement.closingCents).toBe(7352);
    // Due November 16: 14 days past due on November 30.
    expect(statement.aging).toEqual({ current: 0, days1to30: 7352, days31to60: 0, days61to90: 0, over90: 0 });
    for (const expected of [
      'Répartition Express Montréal inc.',
      'ÉTAT DE COMPTE',
      'Compte regroupé',
      'No client 12345 Pharmacie Centrale inc.',
      '2026-11-01 Solde d’ouverture 0,00 $',
      'Facture 3 2026-11-16 173,52 $ 173,52 $',
      '100,00 $ 73,52 $',
      '2026-11-30 Solde de clôture 73,52 $',
      'Âge du solde',
      'Courant 1-30 31-60 61-90 Plus de 90 Solde',
      '0,00 $ 73,52 $ 0,00 $ 0,00 $ 0,00 $ 73,52 $',
      'Factures ouvertes',
      '3 2026-11-01 2026-11-16 14 173,52 $ 73,52 $',
      'No client 12346 — Pharmacie Centrale — succursale Laval Sous-total 48,20 $',
      'No client 12347 — Pharmacie Centrale — succursale Longueuil Sous-total',
      'Facturé par membre durant la période',
      '12346 — Pharmacie Centrale — succursale Laval',
      'Montant dû 73,52 $',
      'Page 1 de 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('STATEMENT OF ACCOUNT');
    const members = statement.memberSummary;
    expect(members.map((m) => m.clientNumber)).toEqual([12345, 12346, 12347].filter((n) => members.some((m) => m.clientNumber === n)));
    expect(members.find((m) => m.clientNumber === 12346)).toMatchObject({ invoiceCount: 1, subtotalCents: 4820 });
    // The members' subtotals add up to the invoice's subtotal before taxes.
    expect(members.reduce((sum, m) => sum + m.subtotalCents, 0)).toBe(15092);
  });

  test('the next month: the closing balance carried as opening, no document, older in the aging', async () => {
    const { statement, text } = await statementText(12345, DECEMBER);
    expect(statement).toMatchObject({ openingCents: 7352, entries: [], closingCents: 7352, memberSummary: [] });
    expect(statement.aging.days31to60).toBe(7352);
    expect(text).toContain('2026-12-01 Solde d’ouverture 73,52 $');
    expect(text).toContain('Aucun document durant la période');
    expect(text).toContain('2026-12-31 Solde de clôture 73,52 $');
  });

  test('a credit on account: a negative closing balance, shown beside the aging', async () => {
    const { statement, text } = await statementText(20001, DECEMBER);
    expect(statement.closingCents).toBeLessThan(0);
    expect(statement.openInvoices).toEqual([]);
    expect(statement.creditCents).toBe(-statement.closingCents);
    expect(text).toContain('Courant 1-30 31-60 61-90 Plus de 90 Crédit au compte Solde');
    expect(text).toContain(
      `0,00 $ 0,00 $ 0,00 $ 0,00 $ 0,00 $ ${formatMoney(statement.closingCents, 'fr')} ${formatMoney(statement.closingCents, 'fr')}`,
    );
    expect(text).toContain(`Paiement 3 500,00 $ ${formatMoney(statement.closingCents, 'fr')}`);
  });

  test('of an English client: bilingual, French first', async () => {
    const { statement, text } = await statementText(20002, NOVEMBER);
    expect(statement.closingCents).toBe(0);
    for (const expected of [
      'ÉTAT DE COMPTE STATEMENT OF ACCOUNT Période / Period',
      'No client / Client no. 20002 Northern Supplies Ltd',
      'Solde d’ouverture / Opening balance',
      'Solde de clôture / Closing balance',
      'Facture / Invoice 2',
      'Paiement / Payment',
      'Aucune facture ouverte / No open invoice',
      'Page 1 de 1 / Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Facturé par membre');
  });

  test('its figures are the ledger’s, and its aging less the credit on account is its closing balance', async () => {
    for (const period of [NOVEMBER, DECEMBER])
      for (const candidate of [
        ...(await selectStatementClients(database.db, select(period, true))),
        ...(await selectStatementClients(database.db, select(period, false))),
      ]) {
        const statement = await loadStatement(database.db, candidate.clientNumber, period);
        const ledger = await clientLedger(database.db, candidate.clientNumber, period);
        expect(statement).toMatchObject({ openingCents: ledger.openingCents, entries: ledger.entries, closingCents: ledger.closingCents });
        expect([candidate.openingCents, candidate.closingCents]).toEqual([ledger.openingCents, ledger.closingCents]);
        const aged = Object.values(statement.aging).reduce((sum, cents) => sum + cents, 0);
        expect(aged - statement.creditCents).toBe(statement.closingCents);
        expect(statement.openInvoices.reduce((sum, i) => sum + i.balanceCents, 0)).toBe(aged);
      }
  });
});

describe('a batch of statements', () => {
  test('respects the checkbox: heads when checked, the other billed clients otherwise; a client without document nor balance gets none', async () => {
    const numbers = async (period: { from: string; to: string }, isGrouped: boolean) =>
      (await selectStatementClients(database.db, select(period, isGrouped))).map((c) => c.clientNumber);
    expect(await numbers(NOVEMBER, true)).toEqual([12345]);
    expect(await numbers(NOVEMBER, false)).toEqual([20001, 20002]);
    expect(await numbers(DECEMBER, true)).toEqual([12345]);
    // 20002 paid in November: no document in December and nothing owed.
    expect(await numbers(DECEMBER, false)).toEqual([20001]);
    // One client asked for by number, whatever the checkbox.
    expect(await numbers({ ...DECEMBER }, true)).not.toContain(20002);
    expect((await selectStatementClients(database.db, select(DECEMBER, true, 20002))).map((c) => c.clientNumber)).toEqual([20002]);
    // A member asked for by number: its head is named, for the grouped invoices.
    expect(await selectStatementClients(database.db, select(NOVEMBER, false, 12346))).toMatchObject([
      { clientNumber: 12346, memberOf: 12345 },
    ]);
  });

  test('printed as one PDF: each statement on its own pages, in client order, recorded printed once written out', async () => {
    const printed = await printDocuments(database.db, statementDelivery, select(NOVEMBER, false), clerkId);
    expect(printed!.documents.map((c) => c.clientNumber)).toEqual([20001, 20002]);
    expect(await database.db.select().from(statements)).toEqual([]);
    const pages = await pdfPages(await streamBytes(printed!.stream));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.text).toContain('No client 20001');
    expect(pages[0]!.text).toContain('Page 1 de 1');
    expect(pages[1]!.text).toContain('Client no. 20002');
    expect(pages[1]!.text).toContain('Page 1 de 1 / Page 1 of 1');
    const recorded = await database.db.select().from(statements).orderBy(statements.billedClientNumber);
    expect(recorded.map((s) => [s.billedClientNumber, s.kind, s.language, s.printedAt !== null])).toEqual([
      [20001, 'normal', 'fr', true],
      [20002, 'normal', 'en', true],
    ]);
    const prints = await database.db.select().from(deliveries).where(eq(deliveries.channel, 'print'));
    expect(prints.map((d) => d.invoiceId)).toEqual([null, null]);
  });
});

describe('e-mailing statements', () => {
  const mailer = () => {
    const opened = smtpMailer(smtp!.url, 'facturation@repartition.test');
    mailers.push(opened);
    return opened;
  };

  test('each statement sent once to the client’s invoice addresses; a second enqueue sends nothing; a resend on purpose sends again', async () => {
    smtp = await startSmtpServer();
    const batch = select(NOVEMBER, false);
    expect(await enqueueEmails(database.db, statementDelivery, clerkId, batch)).toEqual({ queued: 2, withoutAddress: 0 });
    expect((await enqueueEmails(database.db, statementDelivery, clerkId, batch)).queued).toBe(0);
    expect(await processPendingEmails(database.db, mailer())).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect((await enqueueEmails(database.db, statementDelivery, clerkId, batch)).queued).toBe(0);
    await processPendingEmails(database.db, mailer());
    // Sent over several connections at once: they arrive in any order.
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([
      'Statement of account 20002 — November 30, 2026 — Répartition Express Montréal inc.',
      'État de compte 20001 — 30 novembre 2026 — Répartition Express Montréal inc.',
    ]);
    const french = smtp.messages.find((m) => m.subject?.startsWith('État de compte 20001'))!;
    expect((french.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual(['factures-20001@exemple.ca']);
    expect(french.attachments.map((a) => a.filename)).toEqual(['etat-de-compte-20001-2026-11-30.pdf']);
    const attached = (await pdfText(french.attachments[0]!.content)).join(' ');
    expect(attached).toContain('ÉTAT DE COMPTE');
    expect(attached).toContain('No client 20001');
    expect((await emailProgress(database.db, statementDelivery, batch)).counts).toMatchObject({
      total: 2,
      sent: 2,
      pending: 0,
      failed: 0,
      none: 0,
    });
    const [sent] = await database.db.select().from(statements).where(eq(statements.billedClientNumber, 20001));
    expect(sent!.emailedAt).not.toBeNull();

    await resendEmail(database.db, statementDelivery, clerkId, { clientNumber: 20001, ...NOVEMBER });
    await expect(resendEmail(database.db, statementDelivery, clerkId, { clientNumber: 20001, ...NOVEMBER })).rejects.toMatchObject({
      code: 'statements.alreadyQueued',
    });
    await processPendingEmails(database.db, mailer());
    expect(smtp.messages).toHaveLength(3);
    // Invoice e-mails go through the same queue, unaffected.
    await enqueueEmails(
      database.db,
      invoiceDelivery,
      clerkId,
      deliverySelection.parse({ from: '2026-11-01', to: '2026-11-01', method: 'email' }),
    );
    await processPendingEmails(database.db, mailer());
    expect(
      smtp.messages
        .slice(3)
        .map((m) => m.subject?.split(' — ')[0])
        .sort(),
    ).toEqual(['Facture 1', 'Invoice 2']);
  });

  test('two clerks sending the same batch at once: the statement is queued and sent once', async () => {
    smtp = await startSmtpServer();
    const batch = select(DECEMBER, false);
    const [first, second] = await Promise.all([
      enqueueEmails(database.db, statementDelivery, clerkId, batch),
      enqueueEmails(database.db, statementDelivery, clerkId, batch),
    ]);
    expect(first.queued + second.queued).toBe(1);
    await Promise.all([processPendingEmails(database.db, mailer()), processPendingEmails(database.db, mailer())]);
    expect(smtp.messages.map((m) => m.subject)).toEqual(['État de compte 20001 — 31 décembre 2026 — Répartition Express Montréal inc.']);
  });

  test('after three failed attempts a statement’s e-mail is failed with the server’s reason; retried on request, it goes once', async () => {
    smtp = await startSmtpServer();
    smtp.failNext(3, '550 5.1.1 Boîte aux lettres inconnue');
    const batch = select(DECEMBER, true);
    expect(await enqueueEmails(database.db, statementDelivery, clerkId, batch)).toEqual({ queued: 1, withoutAddress: 0 });
    for (let attempt = 0; attempt < 3; attempt++) {
      await processPendingEmails(database.db, mailer());
      await database.db.execute(sql`update deliveries set next_attempt_at = now() where status = 'pending'`);
    }
    const progress = await emailProgress(database.db, statementDelivery, batch);
    expect(progress.documents[0]).toMatchObject({ clientNumber: 12345, status: 'failed', attempts: 3 });
    expect(progress.documents[0]!.error).toContain('Boîte aux lettres inconnue');
    expect((await enqueueEmails(database.db, statementDelivery, clerkId, batch)).queued).toBe(0);
    expect(await retryFailedEmails(database.db, statementDelivery, clerkId, batch)).toEqual({ queued: 1 });
    await processPendingEmails(database.db, mailer());
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe('État de compte 12345 — 31 décembre 2026 — Répartition Express Montréal inc.');
    expect((await retryFailedEmails(database.db, statementDelivery, clerkId, batch)).queued).toBe(0);
    expect((await emailProgress(database.db, statementDelivery, batch)).counts).toMatchObject({ total: 1, sent: 1, failed: 0 });
  });
});

describe('the database', () => {
  test('a delivery carries an invoice or a statement, never both nor neither; one statement per client and period, its period in order', async () => {
    const [statement] = await database.db.select().from(statements).limit(1);
    const [invoice] = await database.db.select().from(invoices).limit(1);
    const print = { channel: 'print' as const, status: 'sent' as const, requestedBy: clerkId };
    expect(await violatedConstraint(database.db.insert(deliveries).values(print))).toBe('deliveries_one_document');
    expect(
      await violatedConstraint(database.db.insert(deliveries).values({ ...print, invoiceId: invoice!.id, statementId: statement!.id })),
    ).toBe('deliveries_one_document');
    const row = { billedClientNumber: 20001, kind: 'normal' as const, language: 'fr' as const, closingCents: 0, createdBy: clerkId };
    expect(
      await violatedConstraint(
        database.db.insert(statements).values({
          ...row,
          periodFrom: statement!.periodFrom,
          periodTo: statement!.periodTo,
          billedClientNumber: statement!.billedClientNumber,
        }),
      ),
    ).toBe('statements_client_period');
    expect(
      await violatedConstraint(database.db.insert(statements).values({ ...row, periodFrom: '2026-12-31', periodTo: '2026-12-01' })),
    ).toBe('statements_period');
  });
});
