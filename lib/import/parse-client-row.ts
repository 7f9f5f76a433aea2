/**
 * A line of a client file as the client form would take it: the same zod schema (clientInput)
 * checks every field, so that the import and the form accept the same clients. The file gives
 * the tariff by its code and the choices by their words; a column the file leaves out keeps the
 * existing client's value, or takes the form's default for a new client.
 */
import { clientInput, type ClientInput } from '@/lib/clients/client-input';
import type { ClientColumnKey } from './columns';
import type { ClientCells } from './format-cells';
import type { ProblemList } from './import-problems';
import type { CsvRow } from './read-csv';
import { RowCheck } from './row-check';
import { billingCycleWords, deliveryMethodWords, duesExemptionWords, languageWords, yesNoWords } from './vocabulary';

/** A new client's cells before the file's: the defaults of the client form. */
const NEW_CLIENT: Partial<ClientCells> = { paymentTermsDays: '30', discountPercent: '0' };

export type TariffRef = { id: number; code: string };

/** The schema's fields named as the file's columns (the tariff is given by its code). */
function columnOf(field: string): ClientColumnKey {
  return field === 'tariffId' ? 'tariff' : (field as ClientColumnKey);
}

export function parseClientRow(
  row: CsvRow,
  context: { existing: ClientCells | null; tariffs: ReadonlyMap<string, TariffRef> },
  problems: ProblemList,
): ClientInput | null {
  const check = new RowCheck<ClientColumnKey>('clients', row, problems);
  const cells: Partial<ClientCells> = { ...(context.existing ?? NEW_CLIENT), ...row.cells };
  const yes = (key: 'gstExempt' | 'qstExempt' | 'isActive', fallback: 'yes' | 'no') =>
    check.choice(key, cells[key], yesNoWords, fallback) === 'yes' ? 'on' : undefined;

  const duesExemption = check.choice('duesExemption', cells.duesExemption, duesExemptionWords, 'none');

  const tariffCode = (cells.tariff ?? '').trim().toUpperCase();
  const tariff = context.tariffs.get(tariffCode);
  if (tariffCode === '') check.fail('tariff', 'required');
  else if (!tariff) check.fail('tariff', 'import.unknownTariff', { code: tariffCode });

  const form = {
    number: cells.number,
    name: cells.name ?? '',
    contactName: cells.contactName,
    phone: cells.phone,
    addressLine1: cells.addressLine1 ?? '',
    addressLine2: cells.addressLine2,
    city: cells.city ?? '',
    province: (cells.province || 'QC').toUpperCase(),
    postalCode: cells.postalCode ?? '',
    invoiceEmails: cells.invoiceEmails,
    language: check.choice('language', cells.language, languageWords, 'fr'),
    deliveryMethod: check.choice('deliveryMethod', cells.deliveryMethod, deliveryMethodWords, 'print'),
    paymentTermsDays: cells.paymentTermsDays || '30',
    billingCycle: check.choice('billingCycle', cells.billingCycle, billingCycleWords, 'monthly'),
    gstExempt: yes('gstExempt', 'no'),
    gstExemptionNumber: cells.gstExemptionNumber,
    qstExempt: yes('qstExempt', 'no'),
    qstExemptionNumber: cells.qstExemptionNumber,
    duesExemption: duesExemption === 'none' ? '' : duesExemption,
    duesExemptionDetail: cells.duesExemptionDetail,
    duesExemptFrom: cells.duesExemptFrom,
    duesExemptTo: cells.duesExemptTo,
    // Any id passes the schema: the code was checked above.
    tariffId: String(tariff?.id ?? 1),
    discountPercent: cells.discountPercent,
    groupedClientNumber: cells.groupedClientNumber,
    groupedEffectiveDate: cells.groupedEffectiveDate,
    isActive: yes('isActive', 'yes'),
    notes: cells.notes,
  };
  const parsed = clientInput.safeParse(form);
  if (!parsed.success) check.addIssues(parsed.error, columnOf);
  return check.isValid && parsed.success ? parsed.data : null;
}
