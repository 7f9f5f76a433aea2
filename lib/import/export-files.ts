/**
 * The exports of the import's shapes (docs/business-rules.md, Import): clients with their
 * grouped number, tariffs, and the calls of a period, in the same columns and words as the
 * import reads, so that a file exported here imports as is into another database (a round
 * trip export → import → export gives the same file). Written by writeCsv, which neutralizes a
 * text a spreadsheet would run as a formula; the calls are written page by page, never whole.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@/db/index';
import { writeCsv, type CsvSeparator } from '@/lib/csv/write-csv';
import { COLUMNS_BY_KIND, type ImportKind } from './columns';
import { callCells, clientCells, tariffCells, type CallRecord, type ClientRecord, type TariffRecord } from './format-cells';
import { callRecordColumns, clientRecordColumns, tariffRecordColumns } from './record-columns';

/** Calls read and written at a time. */
const CALL_PAGE = 5000;

const markOf = (separator: CsvSeparator) => (separator === 'semicolon' ? ',' : '.');
const headersOf = (kind: ImportKind) => COLUMNS_BY_KIND[kind].map((column) => column.header);
/** A record's cells in the order of its kind's columns. */
const lineOf = (kind: ImportKind, cells: Record<string, string>) => COLUMNS_BY_KIND[kind].map((column) => cells[column.key] ?? '');

/** The file of a kind with its headers only: the template offered for download. */
export function templateCsv(kind: ImportKind, separator: CsvSeparator): string {
  return writeCsv([headersOf(kind)], { separator });
}

export async function exportClientsCsv(db: Executor, separator: CsvSeparator): Promise<string> {
  const clients = await queryRows<ClientRecord>(
    db,
    sql`select ${clientRecordColumns} from clients c join tariffs t on t.id = c.tariff_id order by c.number`,
  );
  return writeCsv([headersOf('clients'), ...clients.map((client) => lineOf('clients', clientCells(client, markOf(separator))))], {
    separator,
  });
}

export async function exportTariffsCsv(db: Executor, separator: CsvSeparator): Promise<string> {
  const tariffs = await queryRows<TariffRecord>(db, sql`select ${tariffRecordColumns} from tariffs t order by t.code`);
  return writeCsv([headersOf('tariffs'), ...tariffs.map((tariff) => lineOf('tariffs', tariffCells(tariff, markOf(separator))))], {
    separator,
  });
}

export type CallPeriod = { from: string | null; to: string | null };

/**
 * The calls whose service date is in the period (both ends included, either open), by service
 * date and time then number: the order they are numbered in when imported, so that the file
 * exported from the imported calls is the same. Yields the file in parts.
 */
export async function* exportCallsCsv(db: Executor, period: CallPeriod, separator: CsvSeparator): AsyncGenerator<string> {
  yield writeCsv([headersOf('calls')], { separator });
  let after: { at: string; number: string } | null = null;
  for (;;) {
    const page: (CallRecord & { cursorAt: string; cursorNumber: string })[] = await queryRows(
      db,
      sql`select ${callRecordColumns}, k.service_at::text as "cursorAt", k.number::text as "cursorNumber"
            from calls k
           where ${period.from === null ? sql`true` : sql`k.service_date >= ${period.from}::date`}
             and ${period.to === null ? sql`true` : sql`k.service_date <= ${period.to}::date`}
             and ${after === null ? sql`true` : sql`(k.service_at, k.number) > (${after.at}::timestamptz, ${after.number}::bigint)`}
           order by k.service_at, k.number
           limit ${CALL_PAGE}`,
    );
    if (page.length === 0) return;
    // Each part is a CSV of its own: the byte-order mark belongs to the first one only.
    yield writeCsv(
      page.map((call) => lineOf('calls', callCells(call, markOf(separator)))),
      { separator },
    ).replace(/^\uFEFF/, '');
    const last = page.at(-1)!;
    after = { at: last.cursorAt, number: last.cursorNumber };
    if (page.length < CALL_PAGE) return;
  }
}

/**
 * The calls of a period as a byte stream, read a page at a time as the browser takes them: a
 * period may hold a million calls. A page that fails to read breaks the download off, logged.
 */
export function exportCallsStream(db: Executor, period: CallPeriod, separator: CsvSeparator): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = exportCallsCsv(db, period, separator);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await parts.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error('[import] calls export failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}
