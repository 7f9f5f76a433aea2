/**
 * A line of a tariff file as the tariff form would take it (the same zod schema, tariffInput):
 * amounts in dollars with a decimal comma or point, rates with up to four decimals. A column the
 * file leaves out keeps the existing tariff's value.
 */
import { tariffInput, type TariffInput } from '@/lib/tariffs/tariff-input';
import type { TariffColumnKey } from './columns';
import type { TariffCells } from './format-cells';
import type { ProblemList } from './import-problems';
import type { CsvRow } from './read-csv';
import { RowCheck } from './row-check';
import { yesNoWords } from './vocabulary';

export function parseTariffRow(row: CsvRow, existing: TariffCells | null, problems: ProblemList): TariffInput | null {
  const check = new RowCheck<TariffColumnKey>('tariffs', row, problems);
  const cells: Partial<TariffCells> = { ...existing, ...row.cells };
  const form = {
    code: cells.code ?? '',
    name: cells.name ?? '',
    baseCents: cells.baseCents ?? '',
    perKm: cells.perKm ?? '',
    perMinute: cells.perMinute ?? '',
    minimumChargeCents: cells.minimumChargeCents,
    isActive: check.choice('isActive', cells.isActive, yesNoWords, 'yes') === 'yes' ? 'on' : undefined,
  };
  const parsed = tariffInput.safeParse(form);
  if (!parsed.success) check.addIssues(parsed.error, (field) => field as TariffColumnKey);
  return check.isValid && parsed.success ? parsed.data : null;
}
