/**
 * The document measures of `npm run bench`, one per process so that each peak memory is its
 * own (process.resourceUsage().maxRSS). Bundled as ECMAScript modules by documents-bench.ts,
 * since react-pdf's packages cannot be loaded as CommonJS. Prints one line of JSON.
 *
 *   invoice <url> <number>       the product: /invoices/[number]/pdf's rendering, data read included
 *   invoice-bare <url> <number>  the floor: react-pdf renders the same document in one piece
 *   print <url> <count>          a merged print batch of the first <count> invoices, streamed
 *                                (rendered by PDF_WORKERS threads)
 *   print-bare <url> <count>     the floor: the same batch rendered on the process's own thread
 *   print-whole <url> <pages>    the first invoices, up to <pages> pages (at least two), as one
 *                                react-pdf document
 *   print-pages <url> <pages>    a merged print batch of the same invoices, streamed (rendered
 *                                by PDF_WORKERS threads): the invoices beside the statements
 *   email <url> <runId>          the e-mail queue sends the run's invoices to a local SMTP server
 *   email-bare <url> <runId>     the floor: the same messages, rendered and sent in a plain loop
 *   statements <url> <count>     a merged batch of <count> statements of account for October 2026,
 *                                read a batch at a time and rendered by PDF_WORKERS threads
 */
import { renderToBuffer } from '@react-pdf/renderer';
import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows, type Db } from '@/db/index';
import { companySettings } from '@/db/schema';
import { InvoiceDocument, invoicePages } from '@/lib/pdf/templates/invoice';
import { getInvoice, getInvoicesWithBlocks } from '@/lib/billing/find-invoices';
import { invoicePdfStream } from '@/lib/pdf/invoice-pdf';
import { deliverySelection } from '@/lib/delivery/delivery-input';
import { enqueueEmails, processPendingEmails } from '@/lib/delivery/email-queue';
import { invoiceEmailContent } from '@/lib/delivery/email-content';
import { mailerFromEnvironment } from '@/lib/delivery/mailer';
import { invoiceDelivery, renderPrintBatch } from '@/lib/delivery/kinds/invoice';
import { registerPdfFonts } from '@/lib/pdf/fonts';
import { renderJob, type InvoicePiece } from '@/lib/pdf/render-job';
import type { LoadedInvoice } from '@/lib/pdf/render-invoices';
import { renderPool, type RenderPool } from '@/lib/pdf/render-pool';
import { renderStatementsPdf } from '@/lib/pdf/render-statements';
import { loadTextMeasure } from '@/lib/pdf/templates/text-measure';
import { requireCompanySettings } from '@/lib/settings/company-settings';
import { readStatements } from '@/lib/statements/statement';
import { startSmtpServer } from '@/test/support/smtp';
import { timed } from './measure';

export type DocumentMeasure = { seconds: number; pages?: number; bytes?: number; messages?: number; maxRssMb: number };

const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * One small document rendered before a measure, by the way the measure renders (`pool`, or this
 * thread): a server renders many documents, so neither side is timed with what its first one
 * costs (the threads starting and loading react-pdf, the fonts read, the layout code compiled).
 */
async function warmUp(db: Db, pool: RenderPool): Promise<void> {
  const [id] = await firstIssued(db, 1);
  const [{ invoice, blocks }] = (await getInvoicesWithBlocks(db, [id!])) as [LoadedInvoice];
  const pages = invoicePages(invoice, blocks).slice(0, 1);
  registerPdfFonts();
  await pool.render({
    kind: 'invoices',
    title: 'Essai',
    company: await requireCompanySettings(db),
    pieces: [{ invoice, pages, from: 0, pageCount: 1 }],
  });
}

async function invoice(db: Db, number: number, isBare: boolean): Promise<DocumentMeasure> {
  const found = await getInvoice(db, number);
  if (!found) throw new Error(`no invoice ${number}`);
  const pages = invoicePages(found.invoice, found.blocks).length;
  await warmUp(db, isBare ? ownThread : renderPool());
  if (!isBare) {
    const { value, seconds } = await timed(async () => (await new Response(await invoicePdfStream(db, number)).arrayBuffer()).byteLength);
    return { seconds, pages, bytes: value, maxRssMb: maxRssMb() };
  }
  const [company] = await db.select().from(companySettings).limit(1);
  registerPdfFonts();
  const { value, seconds } = await timed(() =>
    renderToBuffer(<InvoiceDocument invoice={found.invoice} blocks={found.blocks} company={company!} />),
  );
  return { seconds, pages, bytes: value.length, maxRssMb: maxRssMb() };
}

/** Counts the page objects of a merged PDF as it streams (each is written whole within one chunk, lib/pdf/merge-pdf.ts). */
const pagesIn = (chunk: Uint8Array) =>
  Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
    .toString('latin1')
    .match(/\/Type \/Page\s/g)?.length ?? 0;

const firstIssued = async (db: Db, count: number) =>
  (await queryRows<{ id: number }>(db, sql`select id from invoices where status = 'issued' order by number limit ${count}`)).map((r) =>
    Number(r.id),
  );

/** The rendering threads' work done on this thread, one document after the other. */
const ownThread: RenderPool = { size: 1, render: renderJob, threads: [], close: async () => {} };

async function print(db: Db, ids: number[], isBare: boolean): Promise<DocumentMeasure> {
  const pool = isBare ? ownThread : renderPool();
  await warmUp(db, pool);
  const { value, seconds } = await timed(async () => {
    let bytes = 0;
    let pages = 0;
    const reader = (await renderPrintBatch(db, 1, ids, pool)).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.length;
      pages += pagesIn(next.value);
    }
    return { bytes, pages };
  });
  return { seconds, ...value, maxRssMb: maxRssMb() };
}

/** The first invoices, whole, up to `maxPages` pages (two invoices at least), cut into their pages. */
async function firstPages(db: Db, maxPages: number): Promise<InvoicePiece[]> {
  const pieces: InvoicePiece[] = [];
  let pages = 0;
  for (const id of await firstIssued(db, maxPages)) {
    const [{ invoice, blocks }] = (await getInvoicesWithBlocks(db, [id])) as [LoadedInvoice];
    const invoicePagesOf = invoicePages(invoice, blocks);
    if (pieces.length > 1 && pages + invoicePagesOf.length > maxPages) break;
    pieces.push({ invoice, pages: invoicePagesOf, from: 0, pageCount: invoicePagesOf.length });
    pages += invoicePagesOf.length;
  }
  return pieces;
}

/**
 * The first invoices, up to `maxPages` pages, as one document in one piece: the size a merged
 * batch of the same invoices is compared with (`messages` is how many invoices).
 */
async function printWhole(db: Db, maxPages: number): Promise<DocumentMeasure> {
  const company = await requireCompanySettings(db);
  const pieces = await firstPages(db, maxPages);
  const pages = pieces.reduce((sum, piece) => sum + piece.pageCount, 0);
  const { value, seconds } = await timed(() => renderJob({ kind: 'invoices', title: 'Lot', company, pieces }));
  return { seconds, bytes: value.length, pages, messages: pieces.length, maxRssMb: maxRssMb() };
}

/**
 * A merged batch of statements: read a batch at a time (readStatements) and rendered in parts by
 * the threads, after the same warm-up as the invoices' (and the fonts' measures loaded, as a
 * server has them after its first statement).
 */
async function statements(db: Db, count: number): Promise<DocumentMeasure> {
  const clients = (
    await queryRows<{ number: number }>(
      db,
      sql`select distinct billed_client_number as number from invoices where issue_date between '2026-10-01' and '2026-10-31' order by 1 limit ${count}`,
    )
  ).map((r) => Number(r.number));
  const [company] = await db.select().from(companySettings).limit(1);
  await warmUp(db, renderPool());
  await loadTextMeasure();
  const { value, seconds } = await timed(async () => {
    let bytes = 0;
    let pages = 0;
    const read = readStatements(db, clients, { from: '2026-10-01', to: '2026-10-31' });
    for await (const chunk of renderStatementsPdf(read, company!, 'Banc d’essai')) {
      bytes += chunk.length;
      pages += pagesIn(chunk);
    }
    return { bytes, pages };
  });
  return { seconds, ...value, messages: clients.length, maxRssMb: maxRssMb() };
}

async function email(db: Db, runId: number, isBare: boolean): Promise<DocumentMeasure> {
  const sink = await startSmtpServer({ isParsing: false });
  try {
    if (!isBare) {
      // The mailer the e-mail worker would have for this server (SMTP_CONNECTIONS and
      // SMTP_RATE_PER_SECOND read as in production).
      process.env.SMTP_URL = sink.url;
      process.env.SMTP_FROM = 'facturation@bench.local';
      const mailer = mailerFromEnvironment(db);
      try {
        const { value, seconds } = await timed(async () => {
          await enqueueEmails(db, invoiceDelivery, 1, deliverySelection.parse({ runId: String(runId), method: 'email' }));
          return processPendingEmails(db, mailer);
        });
        if (value.failed + value.retried > 0) throw new Error(`e-mails not sent: ${JSON.stringify(value)}`);
        return { seconds, messages: sink.acceptedCount(), maxRssMb: maxRssMb() };
      } finally {
        mailer.close();
      }
    }
    const ids = (
      await queryRows<{ id: number }>(
        db,
        sql`select id from invoices where billing_run_id = ${runId} and cardinality(bill_to_emails) > 0 order by number`,
      )
    ).map((r) => Number(r.id));
    const [company] = await db.select().from(companySettings).limit(1);
    registerPdfFonts();
    const transport = nodemailer.createTransport(sink.url);
    const { seconds } = await timed(async () => {
      for (const id of ids) {
        const [found] = await getInvoicesWithBlocks(db, [id]);
        const pdf = await renderToBuffer(<InvoiceDocument invoice={found!.invoice} blocks={found!.blocks} company={company!} />);
        const content = invoiceEmailContent(found!.invoice, company!.name);
        await transport.sendMail({
          from: 'facturation@bench.local',
          to: found!.invoice.billToEmails,
          subject: content.subject,
          text: content.text,
          attachments: [{ filename: content.filename, content: pdf }],
        });
      }
    });
    return { seconds, messages: sink.acceptedCount(), maxRssMb: maxRssMb() };
  } finally {
    await sink.close();
  }
}

async function main() {
  const [mode, url, argument] = process.argv.slice(2);
  const app = openPostgres(url!, { max: 4 });
  try {
    const value = Number(argument);
    const measure =
      mode === 'invoice' || mode === 'invoice-bare'
        ? await invoice(app.db, value, mode === 'invoice-bare')
        : mode === 'print' || mode === 'print-bare'
          ? await print(app.db, await firstIssued(app.db, value), mode === 'print-bare')
          : mode === 'print-pages'
            ? await print(
                app.db,
                (await firstPages(app.db, value)).map((piece) => piece.invoice.id),
                false,
              )
            : mode === 'print-whole'
              ? await printWhole(app.db, value)
              : mode === 'email' || mode === 'email-bare'
                ? await email(app.db, value, mode === 'email-bare')
                : mode === 'statements'
                  ? await statements(app.db, value)
                  : null;
    if (!measure) throw new Error(`unknown measure ${mode}`);
    console.log(JSON.stringify(measure));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
