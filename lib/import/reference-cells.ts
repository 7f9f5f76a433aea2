/**
 * A call's required references in one cell of a call file (docs/business-rules.md, Import), as a
 * person types them in a spreadsheet: `Libellé : valeur ; Libellé : valeur`, each entry split at
 * its first colon. The labels and values are taken as given here; the rules of the call's client
 * and head judge them once the batch has read those rules (import-calls.ts).
 */
import type { ErrorCode } from '@/lib/errors';
import type { ReferenceValues } from '@/lib/references/reference-rules';
import { hasForbiddenCharacters } from '@/lib/text/control-characters';

const ENTRY_SEPARATOR = ';';
const LABEL_SEPARATOR = ':';

const folded = (label: string) => label.toLocaleLowerCase('fr-CA');

/**
 * The cell of a call's references, by label: the database keeps them in no order (jsonb), so
 * that a line and its stored call, or an export and its file, always write the same cell.
 */
export function referencesCell(values: ReferenceValues | undefined): string {
  return Object.entries(values ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, value]) => `${label} ${LABEL_SEPARATOR} ${value}`)
    .join(` ${ENTRY_SEPARATOR} `);
}

/**
 * The references a cell gives, by label (an empty cell: none; an empty entry, as a trailing `;`
 * leaves, is skipped), or why the cell cannot be read: a line break (a reference is a single-line
 * field, Text fields), an entry without a colon or without a label, a label given twice (whatever
 * its case, as the rules' labels are unique).
 */
export function readReferencesCell(cell: string): { values: ReferenceValues } | { problem: ErrorCode } {
  if (hasForbiddenCharacters(cell, 'singleLine')) return { problem: 'text.singleLine' };
  const values: ReferenceValues = {};
  for (const entry of cell.split(ENTRY_SEPARATOR)) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(LABEL_SEPARATOR);
    const label = colon < 0 ? '' : entry.slice(0, colon).trim();
    if (label === '' || Object.keys(values).some((given) => folded(given) === folded(label))) return { problem: 'invalid' };
    values[label] = entry.slice(colon + 1).trim();
  }
  return { values };
}
