/**
 * Tariffs from a file, identified by their code: a new code creates a tariff, a known one is
 * brought to the file's values, a line equal to the tariff changes nothing (and writes no audit
 * line). Written set-based, in the caller's transaction, whose user the audit triggers record.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/index';
import { normalizeTariffCode, type TariffInput } from '@/lib/tariffs/tariff-input';
import { tariffRecordColumns } from './record-columns';
import { headerOf } from './columns';
import { noCounts, type ImportCounts, type ImportSettings } from './import-counts';
import { isSameCells, tariffCells, type TariffRecord } from './format-cells';
import { parseTariffRow } from './parse-tariff-row';
import type { CsvRow } from './read-csv';
import { booleanTexts, intArray, textArray } from './sql-arrays';

async function readTariffs(tx: Tx, codes: string[]): Promise<Map<string, TariffRecord>> {
  const rows = await queryRows<TariffRecord>(
    tx,
    sql`select ${tariffRecordColumns}
          from tariffs t where t.code = any(${textArray(codes)})`,
  );
  return new Map(rows.map((row) => [row.code, row]));
}

export async function importTariffs(tx: Tx, rows: AsyncIterable<CsvRow>, settings: ImportSettings): Promise<ImportCounts> {
  const { problems } = settings;
  const counts = noCounts();
  const firstLineOf = new Map<string, number>();
  const lines: CsvRow[] = [];
  for await (const row of rows) {
    counts.rows++;
    const code = normalizeTariffCode(row.cells.code ?? '');
    const first = code === null ? undefined : firstLineOf.get(code);
    if (first !== undefined) {
      problems.add(row.line, headerOf('tariffs', 'code'), 'import.duplicateTariff', { code: code!, first });
      continue;
    }
    if (code !== null) firstLineOf.set(code, row.line);
    lines.push(row);
  }
  settings.onRows(counts.rows);

  const existing = await readTariffs(tx, [...firstLineOf.keys()]);
  const created: TariffInput[] = [];
  const changed: TariffInput[] = [];
  for (const row of lines) {
    const code = normalizeTariffCode(row.cells.code ?? '');
    const current = code === null ? undefined : existing.get(code);
    const tariff = parseTariffRow(row, current ? tariffCells(current, ',') : null, problems);
    if (!tariff) continue;
    if (!current) created.push(tariff);
    else if (isSameCells(tariffCells(tariff, ','), tariffCells(current, ','))) counts.unchanged++;
    else changed.push(tariff);
  }
  counts.created = created.length;
  counts.updated = changed.length;
  if (!settings.isApplied || !problems.isEmpty) return counts;

  const columns = (tariffs: TariffInput[]) => sql`unnest(
      ${textArray(tariffs.map((t) => t.code))}, ${textArray(tariffs.map((t) => t.name))},
      ${intArray(tariffs.map((t) => t.baseCents))}, ${textArray(tariffs.map((t) => t.perKm))},
      ${textArray(tariffs.map((t) => t.perMinute))}, ${intArray(tariffs.map((t) => t.minimumChargeCents))},
      ${booleanTexts(tariffs.map((t) => t.isActive))}
    ) as s(code, name, base_cents, per_km, per_minute, minimum_charge_cents, is_active)`;
  if (created.length > 0) {
    await tx.execute(sql`insert into tariffs (code, name, base_cents, per_km, per_minute, minimum_charge_cents, is_active)
      select s.code, s.name, s.base_cents, s.per_km::numeric, s.per_minute::numeric, s.minimum_charge_cents, s.is_active::boolean
        from ${columns(created)}`);
  }
  if (changed.length > 0) {
    await tx.execute(sql`update tariffs t
         set name = s.name, base_cents = s.base_cents, per_km = s.per_km::numeric, per_minute = s.per_minute::numeric,
             minimum_charge_cents = s.minimum_charge_cents, is_active = s.is_active::boolean, updated_at = now()
        from ${columns(changed)}
       where t.code = s.code`);
  }
  return counts;
}
