/**
 * Invoice PDFs, print batches and e-mails measured beside their floor. The data is prepared
 * here (a grouped account of 500 members and 50,000 calls, 1,000 clients billed by e-mail);
 * each measure runs in its own process (documents.tsx, bundled with esbuild as ECMAScript
 * modules) for a peak memory of its own.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { bundleEsm } from '@/lib/esm-bundle';
import type { DocumentMeasure } from './documents';
import { percentile } from './measure';

export type BenchRow = { measure: string; product: string; floor: string; ratio: string; target: string; verdict: string };

const LONG_HEAD = 900000;
const LONG_MEMBERS = 500;
const LONG_CALLS_PER_MEMBER = 100;
const EMAIL_CLIENTS = 1000;

/** Before generation: 1,000 clients not grouped receive their invoices by e-mail (and on paper). */
export async function prepareEmailClients(db: Db): Promise<void> {
  await db.execute(sql`
    update clients set invoice_emails = array['factures-' || number || '@bench.test'], delivery_method = 'both'
     where number in (select number from clients where grouped_client_number is null order by number limit ${EMAIL_CLIENTS})`);
}

/** A grouped account of 500 members with 100 calls each, billed in its own grouped run: one invoice of 50,000 lines. */
async function prepareLongInvoice(db: Db): Promise<number> {
  await db.execute(sql`
    insert into clients (number, name, address_line1, city, postal_code, tariff_id, grouped_client_number)
    select ${LONG_HEAD}, 'Réseau Santé Laurentides — compte regroupé', '1000, boul. Curé-Labelle', 'Laval', 'H7V 2W4', min(id), ${LONG_HEAD} from tariffs`);
  await db.execute(sql`
    insert into clients (number, name, address_line1, city, postal_code, tariff_id, grouped_client_number)
    select ${LONG_HEAD} + m, 'Clinique Laurentides ' || m, m || ', rue Principale', 'Saint-Jérôme', 'J7Z 1X1',
           (select id from tariffs order by id offset m % 4 limit 1), ${LONG_HEAD}
      from generate_series(1, ${LONG_MEMBERS}) m`);
  await db.execute(sql`
    insert into calls (client_number, service_at, service_date, pickup_address, destination_address, client_reference,
                       tariff_id, tariff_code, gross_cents, discount_cents, price_cents, status)
    select ${LONG_HEAD} + m, timestamptz '2026-10-01 12:00Z' + (i || ' hours')::interval, date '2026-10-01' + (i / 24),
           i || ', rue Saint-Georges, Saint-Jérôme', m || ', boul. Labelle, Blainville', 'BC-' || m || '-' || i,
           c.tariff_id, t.code, 1500 + (i * 37) % 3000, 0, 1500 + (i * 37) % 3000, 'completed'
      from generate_series(1, ${LONG_MEMBERS}) m
      join clients c on c.number = ${LONG_HEAD} + m
      join tariffs t on t.id = c.tariff_id
     cross join generate_series(1, ${LONG_CALLS_PER_MEMBER}) i`);
  const input = billingInput.parse({
    cutoff: '2026-10-31',
    cycle: 'all',
    clientFrom: String(LONG_HEAD),
    clientTo: String(LONG_HEAD),
    isGrouped: 'on',
  });
  await generateInvoices(db, 1, input, '2026-11-01');
  const [invoice] = await queryRows<{ number: number }>(
    db,
    sql`select number from invoices where billed_client_number = ${LONG_HEAD} and status = 'issued'`,
  );
  return Number(invoice!.number);
}

export async function bundle(): Promise<string> {
  const outfile = path.join(process.cwd(), 'node_modules', '.cache', 'bench', 'documents.mjs');
  await bundleEsm('scripts/bench/documents.tsx', outfile);
  return outfile;
}

/**
 * One measure of documents.tsx in a process of its own, with `nodeOptions` (e.g. a heap limit)
 * and settings of its own (e.g. PDF_WORKERS).
 */
export function measure(
  script: string,
  args: string[],
  options: { nodeOptions?: string[]; env?: Record<string, string> } = {},
): DocumentMeasure {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as DocumentMeasure;
}

const rate = (count: number, seconds: number) => (count / seconds).toFixed(1);

/** A document's peak memory against the target of 512 MB, with its time and pages per second. */
const memoryRow = (label: string, figure: DocumentMeasure): BenchRow => ({
  measure: label,
  product: `mémoire max ${figure.maxRssMb} Mo, ${figure.seconds.toFixed(1)} s, ${rate(figure.pages!, figure.seconds)} pages/s`,
  floor: '—',
  ratio: '—',
  target: '≤ 512 Mo',
  verdict: figure.maxRssMb <= 512 ? 'atteint' : 'MANQUÉ',
});

/**
 * Invoices of the print batches rendered with 1 and with 2 threads, beside one thread without
 * the pool: the first ones by number, grouped invoices of many pages among them.
 */
const SCALING_BATCH = 100;

/** Pages of the print batch compared in size with the same pages as one document (held whole in memory). */
const SIZE_PAGES = 200;

/**
 * Print pages per second with the rendering threads (PDF_WORKERS 1, then 2) against the same
 * batch rendered on the process's own thread: each should give at least 0.8 × its threads × that
 * rate where the machine has a core for each thread besides the one that joins the parts (the
 * default pool, cores less one); on fewer cores the figure is reported, not judged.
 */
function printThreadRows(script: string, url: string, count: number): BenchRow[] {
  const floor = measure(script, ['print-bare', url, String(count)]);
  const floorRate = floor.pages! / floor.seconds;
  return [1, 2].map((threads) => {
    const product = measure(script, ['print', url, String(count)], { env: { PDF_WORKERS: String(threads) } });
    if (product.pages !== floor.pages) throw new Error(`the batch has ${product.pages} pages, its floor ${floor.pages}`);
    const ratio = product.pages! / product.seconds / floorRate;
    return {
      measure: `lot d’impression de ${count} factures, ${product.pages} pages, PDF_WORKERS=${threads}`,
      product: `${rate(product.pages!, product.seconds)} pages/s (${product.seconds.toFixed(1)} s, ${product.maxRssMb} Mo)`,
      floor: `${rate(floor.pages!, floor.seconds)} pages/s sur un fil (${floor.seconds.toFixed(1)} s)`,
      ratio: ratio.toFixed(2),
      ...(threads <= Math.max(1, os.availableParallelism() - 1)
        ? { target: `≥ ${(0.8 * threads).toLocaleString('fr-CA')}× plancher`, verdict: ratio >= 0.8 * threads ? 'atteint' : 'MANQUÉ' }
        : {
            target: `≥ ${(0.8 * threads).toLocaleString('fr-CA')}× plancher avec ${threads + 1} cœurs (${os.availableParallelism()} ici)`,
            verdict: 'mesuré',
          }),
    };
  });
}

/** A merged print batch's size against the same pages rendered by react-pdf as one document. */
function printSizeRow(script: string, url: string): BenchRow {
  const whole = measure(script, ['print-whole', url, String(SIZE_PAGES)]);
  const count = whole.messages!;
  const merged = measure(script, ['print', url, String(count)]);
  if (merged.pages !== whole.pages) throw new Error(`the batch has ${merged.pages} pages, the document ${whole.pages}`);
  const ratio = merged.bytes! / whole.bytes!;
  const size = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} Mo`;
  return {
    measure: `taille du lot d’impression fusionné de ${count} factures, ${merged.pages} pages`,
    product: size(merged.bytes!),
    floor: `${size(whole.bytes!)} (les mêmes pages en un document)`,
    ratio: ratio.toFixed(2),
    target: '≤ 1,5× plancher',
    verdict: ratio <= 1.5 ? 'atteint' : 'MANQUÉ',
  };
}

/** Statements of account may render at most this much slower than invoices, page for page. */
const STATEMENT_SLOWDOWN = 1.2;

/** Rounds of the statements and of the invoices beside them, measured in turn. */
const STATEMENT_ROUNDS = 3;

/**
 * A merged batch of `count` statements of account for October (documents.tsx statements) beside
 * a print batch of the first invoices of as many pages (print-pages), each in a process of its
 * own, in turn (a busy moment of the machine falls on both): their medians' pages per second
 * within STATEMENT_SLOWDOWN. Needs October's invoices and payments (receivables-bench.ts,
 * writeHistory).
 */
export async function statementsRow(url: string, count: number): Promise<BenchRow> {
  const script = await bundle();
  const statements: DocumentMeasure[] = [];
  const invoices: DocumentMeasure[] = [];
  for (let round = 0; round < STATEMENT_ROUNDS; round++) {
    const batch = measure(script, ['statements', url, String(count)]);
    statements.push(batch);
    invoices.push(measure(script, ['print-pages', url, String(batch.pages)]));
  }
  const median = (runs: DocumentMeasure[]) =>
    percentile(
      runs.map((run) => run.pages! / run.seconds),
      0.5,
    );
  const batch = statements[0]!;
  const statementRate = median(statements);
  const invoiceRate = median(invoices);
  const ratio = statementRate / invoiceRate;
  return {
    measure: `lot de ${batch.messages} états de compte (octobre), ${batch.pages} pages (${(batch.bytes! / 2 ** 20).toFixed(1)} Mo), médiane de ${STATEMENT_ROUNDS} mesures en alternance avec un lot de factures`,
    product: `${statementRate.toFixed(1)} pages/s (${batch.seconds.toFixed(1)} s, ${Math.max(...statements.map((run) => run.maxRssMb))} Mo)`,
    floor: `${invoiceRate.toFixed(1)} pages/s (les premières factures, ${invoices[0]!.pages} pages)`,
    ratio: ratio.toFixed(2),
    target: `≥ ${(1 / STATEMENT_SLOWDOWN).toFixed(2).replace('.', ',')}× les factures`,
    verdict: ratio >= 1 / STATEMENT_SLOWDOWN ? 'atteint' : 'MANQUÉ',
  };
}

/** Runs the document measures after generation; `normalRunId` is the normal run holding the e-mail clients' invoices. */
export async function measureDocuments(db: Db, url: string, options: { normalRunId: number; printCount: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const script = await bundle();

  // Pages per second: a grouped invoice of about 2,000 lines, and the same document rendered by react-pdf alone.
  const [mid] = await queryRows<{ number: number; line_count: number }>(
    db,
    sql`select number, line_count from invoices where kind = 'grouped' order by abs(line_count - 2000), number limit 1`,
  );
  const floor = measure(script, ['invoice-bare', url, String(mid!.number)]);
  const product = measure(script, ['invoice', url, String(mid!.number)]);
  const productRate = product.pages! / product.seconds;
  const floorRate = floor.pages! / floor.seconds;
  rows.push({
    measure: `PDF d’une facture regroupée de ${mid!.line_count} lignes, ${product.pages} pages`,
    product: `${rate(product.pages!, product.seconds)} pages/s (${product.seconds.toFixed(1)} s, ${product.maxRssMb} Mo)`,
    floor: `${rate(floor.pages!, floor.seconds)} pages/s (${floor.seconds.toFixed(1)} s, ${floor.maxRssMb} Mo)`,
    ratio: (productRate / floorRate).toFixed(2),
    target: '≥ 0,8× plancher',
    verdict: productRate >= 0.8 * floorRate ? 'atteint' : 'MANQUÉ',
  });

  const longNumber = await prepareLongInvoice(db);
  const long = measure(script, ['invoice', url, String(longNumber)]);
  rows.push(
    memoryRow(
      `PDF de la facture regroupée de ${LONG_MEMBERS * LONG_CALLS_PER_MEMBER} lignes (${LONG_MEMBERS} membres), ${long.pages} pages`,
      long,
    ),
  );
  // The same with V8's heap held to 256 MB: what the rendering needs, rather than what V8 lets
  // the heap grow to on a machine with plenty of memory.
  const capped = measure(script, ['invoice', url, String(longNumber)], { nodeOptions: ['--max-old-space-size=256'] });
  rows.push(memoryRow('la même, tas V8 limité à 256 Mo (node --max-old-space-size=256)', capped));

  const batch = measure(script, ['print', url, String(options.printCount)]);
  rows.push(
    memoryRow(
      `lot d’impression fusionné de ${options.printCount} factures, ${batch.pages} pages (${(batch.bytes! / 2 ** 20).toFixed(0)} Mo), réglages par défaut`,
      batch,
    ),
  );
  rows.push(...printThreadRows(script, url, Math.min(options.printCount, SCALING_BATCH)));
  rows.push(printSizeRow(script, url));

  const bareMail = measure(script, ['email-bare', url, String(options.normalRunId)]);
  const mail = measure(script, ['email', url, String(options.normalRunId)]);
  if (mail.messages !== bareMail.messages) throw new Error(`the queue sent ${mail.messages} messages, the floor ${bareMail.messages}`);
  rows.push({
    measure: `courriels : ${mail.messages} factures en PDF à un serveur SMTP local`,
    product: `${rate(mail.messages!, mail.seconds)} courriels/s (${mail.seconds.toFixed(1)} s)`,
    floor: `${rate(bareMail.messages!, bareMail.seconds)} courriels/s (${bareMail.seconds.toFixed(1)} s)`,
    ratio: (bareMail.seconds / mail.seconds).toFixed(2),
    // The ratio here is the floor's time over the product's: the queue's rate against the loop's.
    target: '≥ 1,5× la boucle simple',
    verdict: bareMail.seconds / mail.seconds >= 1.5 ? 'atteint' : 'MANQUÉ',
  });
  return rows;
}
