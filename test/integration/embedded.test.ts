import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEmbedded, queryRows, transactionCommittedBehind, type AppDatabase } from '@/db/index';
import { refusalCode } from '@/test/support/fixtures';
import { prepareDatabase } from '@/scripts/demo/prepare-database';
import { calls, clients, creditNoteLines, invoices, tariffs, users } from '@/db/schema';
import { checkCredentials } from '@/lib/auth/credentials';
import { billingInput } from '@/lib/billing/billing-input';
import { callInput } from '@/lib/calls/call-input';
import { createCall } from '@/lib/calls/save-call';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { todayInMontreal } from '@/lib/dates/montreal';
import { computeTaxes } from '@/lib/money/taxes';

function openFromAnotherProcess(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'test/support/open-embedded.ts', dir], { encoding: 'utf8', timeout: 60_000 });
}

describe('the embedded database (zero-setup demo mode)', () => {
  let folder: string;
  let dataDir: string;
  let app: AppDatabase;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'embedded-'));
    dataDir = path.join(folder, '.data', 'pglite'); // the parent folders do not exist yet
    app = openEmbedded(dataDir);
    await prepareDatabase(app, () => {});
  });

  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('starts from an empty folder, migrated and seeded with the demo data', async () => {
    const demoUsers = await app.db.select({ email: users.email, role: users.role }).from(users).orderBy(asc(users.email));
    expect(demoUsers).toEqual([
      { email: 'admin@demo.local', role: 'admin' },
      { email: 'facturation@demo.local', role: 'billing' },
      { email: 'portail@demo.local', role: 'portal' },
      { email: 'repartition@demo.local', role: 'dispatcher' },
    ]);
    const [clientCount] = await app.db.select({ n: count() }).from(clients);
    expect(clientCount!.n).toBeGreaterThanOrEqual(24);
  });

  test('holds the group of the user guide: head 12345 with members 12346 and 12347, each member with another tariff', async () => {
    const group = await app.db
      .select({ number: clients.number, grouped: clients.groupedClientNumber, tariff: tariffs.code })
      .from(clients)
      .innerJoin(tariffs, eq(tariffs.id, clients.tariffId))
      .where(eq(clients.groupedClientNumber, 12345))
      .orderBy(clients.number);
    expect(group.map((c) => [c.number, c.grouped])).toEqual([
      [12345, 12345],
      [12346, 12345],
      [12347, 12345],
    ]);
    const headTariff = group[0]!.tariff;
    expect(group.slice(1).every((member) => member.tariff !== headTariff)).toBe(true);
  });

  test('has about two months of calls in every status, for the group and for clients billed normally', async () => {
    const byStatus = await app.db.select({ status: calls.status, n: count() }).from(calls).groupBy(calls.status);
    expect(byStatus.map((s) => s.status).sort()).toEqual(['cancelled', 'completed', 'dispatched', 'open']);
    const [groupCalls] = await app.db
      .select({ n: count() })
      .from(calls)
      .where(inArray(calls.clientNumber, [12345, 12346, 12347]));
    expect(groupCalls!.n).toBeGreaterThan(0);
    const dates = await app.db.selectDistinct({ date: calls.serviceDate }).from(calls);
    expect(dates.length).toBeGreaterThanOrEqual(55);
  });

  test('holds the memberships as PostgreSQL does: open-ended ones for the demo group, and no overlap', async () => {
    const periods = await queryRows<{ client_number: number; head_number: number; valid_to: string | null }>(
      app.db,
      sql`select client_number, head_number, valid_to::text from group_memberships where head_number = 12345 order by client_number`,
    );
    expect(periods).toEqual([
      { client_number: 12345, head_number: 12345, valid_to: null },
      { client_number: 12346, head_number: 12345, valid_to: null },
      { client_number: 12347, head_number: 12345, valid_to: null },
    ]);
    const code = await refusalCode(
      app.db.execute(sql`insert into group_memberships (client_number, head_number, valid_from) values (12347, 30000, '2026-01-01')`),
    );
    expect(code).toBe('23P01');
  });

  test('the demo users sign in with the password "demo"', async () => {
    const result = await checkCredentials(app.db, 'facturation@demo.local', 'demo');
    expect(result).toMatchObject({ ok: true, user: { role: 'billing' } });
  });

  test('a print batch of 70,000 invoice ids and a credit note of several lines, each id list bound as one parameter', async () => {
    const [clerk] = await app.db.select({ id: users.id }).from(users).where(eq(users.email, 'facturation@demo.local'));
    const run = await generateInvoices(
      app.db,
      clerk!.id,
      billingInput.parse({ cutoff: todayInMontreal(), cycle: 'all', isGrouped: 'on' }),
      todayInMontreal(),
    );
    const [invoice] = await app.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.billingRunId, run.runId!));
    const unknownIds = Array.from({ length: 70_000 }, (_, i) => 1_000_000 + i);
    const [found, ...others] = await getInvoicesWithBlocks(app.db, [...unknownIds, invoice!.id]);
    expect(others).toEqual([]);
    expect(found!.blocks.map((b) => b.clientNumber)).toEqual([12345, 12346, 12347]);

    const lines = found!.blocks[1]!.lines.slice(0, 2);
    const input = creditNoteInput.parse({
      invoiceNumber: String(found!.invoice.number),
      lineIds: lines.map((l) => String(l.id)),
      reason: 'Course annulée',
    });
    const note = await createCreditNote(app.db, clerk!.id, input, todayInMontreal());
    // The two lines with their GST and QST (the head is not exempt).
    expect(note.totalCents).toBe(computeTaxes(lines[0]!.amountCents + lines[1]!.amountCents).totalCents);
    const written = await app.db
      .select({ lineId: creditNoteLines.invoiceLineId })
      .from(creditNoteLines)
      .orderBy(asc(creditNoteLines.invoiceLineId));
    expect(written.map((w) => w.lineId)).toEqual(lines.map((l) => l.id).sort((a, b) => a - b));
  });

  test('a call taken at the form is kept; a transaction whose last statement is refused keeps nothing and says why', async () => {
    const [dispatcher] = await app.db.select({ id: users.id }).from(users).where(eq(users.email, 'repartition@demo.local'));
    const input = callInput.parse({
      clientNumber: '12346',
      serviceDate: todayInMontreal(),
      serviceTime: '09:15',
      pickupAddress: '10, rue Saint-Paul',
      destinationAddress: '20, rue Notre-Dame',
      distanceKm: '4',
      waitingMinutes: '0',
      serviceType: 'standard',
    });
    const { number } = await createCall(app.db, dispatcher!.id, input, { role: 'dispatcher' });
    const [kept] = await app.db.select({ clientNumber: calls.clientNumber }).from(calls).where(eq(calls.number, number));
    expect(kept).toEqual({ clientNumber: 12346 });

    const refused = transactionCommittedBehind(app.db, async (tx) => {
      await tx.update(calls).set({ notes: 'écrit avant le refus' }).where(eq(calls.number, number));
      return { last: tx.execute(sql`select 1 / 0`) };
    });
    expect(await refusalCode(refused)).toBe('22012');
    const [after] = await app.db.select({ notes: calls.notes }).from(calls).where(eq(calls.number, number));
    expect(after!.notes).toBeNull();
  });

  test('a second process on the same folder is refused with a clear message', () => {
    const second = openFromAnotherProcess(dataDir);
    expect(second.status).toBe(3);
    expect(second.stderr).toContain('est déjà utilisée par le processus');
  });

  test('once closed, the folder opens again in another process, with its data kept', async () => {
    await app.close();
    const next = openFromAnotherProcess(dataDir);
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain('opened');
    app = openEmbedded(dataDir);
    await prepareDatabase(app, () => {});
    const [userCount] = await app.db.select({ n: count() }).from(users);
    expect(userCount!.n).toBe(4);
  });
});
