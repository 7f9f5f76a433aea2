import { describe, expect, test } from 'vitest';
import { callCells } from './format-cells';
import { ProblemList } from './import-problems';
import { parseCallRow } from './parse-call-row';
import { readReferencesCell, referencesCell } from './reference-cells';

const record = {
  callId: 'R-1',
  clientNumber: 12347,
  serviceDate: '2026-10-03',
  serviceTime: '14:30',
  caller: null,
  pickupAddress: '1, rue A',
  destinationAddress: '2, rue B',
  distanceKm: '12.40',
  waitingMinutes: 0,
  serviceType: 'standard' as const,
  clientReference: null,
  notes: null,
  status: 'completed' as const,
  tariffCode: 'STD',
  grossCents: 2500,
  discountPercent: '0.00',
  discountCents: 0,
  priceCents: 2500,
  invoiceNumber: null,
  references: { 'Centre de coûts': '4410', 'Bon de commande': 'BC-004512' },
};
const row = (cells: Record<string, string>) => ({ line: 2, cells, rejected: new Set<string>() });

describe('the references’ cell', () => {
  test('entries split at their first colon, trimmed; an empty cell or entry is none', () => {
    expect(readReferencesCell('Bon de commande : BC-004512 ;Heure:10:30 ; ')).toEqual({
      values: { 'Bon de commande': 'BC-004512', Heure: '10:30' },
    });
    expect(readReferencesCell('')).toEqual({ values: {} });
    expect(readReferencesCell(' ; ')).toEqual({ values: {} });
  });

  test('an entry without a colon or a label, a label given twice, a line break: refused', () => {
    expect(readReferencesCell('BC-004512')).toEqual({ problem: 'invalid' });
    expect(readReferencesCell('Bon de commande : 1 ; : 2')).toEqual({ problem: 'invalid' });
    expect(readReferencesCell('Bon de commande : 1 ; BON DE COMMANDE : 2')).toEqual({ problem: 'invalid' });
    expect(readReferencesCell('Bon de commande : 1\nCentre : 2')).toEqual({ problem: 'text.singleLine' });
  });

  test('written by label whatever the order stored, and read back the same', () => {
    const cell = referencesCell(record.references);
    expect(cell).toBe('Bon de commande : BC-004512 ; Centre de coûts : 4410');
    expect(referencesCell({ 'Bon de commande': 'BC-004512', 'Centre de coûts': '4410' })).toBe(cell);
    expect(readReferencesCell(cell)).toEqual({ values: record.references });
    expect(referencesCell(undefined)).toBe('');
  });

  test('a call’s exported cells parse back with its references; a malformed cell is named by its column', () => {
    const problems = new ProblemList();
    expect(parseCallRow(row(callCells(record, ',')), new Set(['STD']), problems)).toEqual(record);
    expect(problems.sorted()).toEqual([]);
    const refused = new ProblemList();
    expect(parseCallRow(row({ ...callCells(record, ','), references: 'BC-004512' }), new Set(['STD']), refused)).toBeNull();
    expect(refused.sorted().map((p) => [p.line, p.column, p.code])).toEqual([[2, 'Références', 'invalid']]);
  });
});
