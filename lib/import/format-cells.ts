/**
 * A client, a tariff or a call as the cells of its line in an import file: what the exports
 * write, and what an existing record contributes to a line that leaves some of its columns out.
 * Parsing these cells gives the record back (the round trip export → import is the identity),
 * and two records are the same when their cells are.
 */
import { clientContactText, type ClientContact } from '@/lib/clients/client-text';
import type { BillingType } from '@/lib/calls/call-input';
import { csvAmount } from '@/lib/csv/write-csv';
import type { ReferenceValues } from '@/lib/references/reference-rules';
import type { CallColumnKey, ClientColumnKey, TariffColumnKey } from './columns';
import { referencesCell } from './reference-cells';
import {
  billingCycleWords,
  billingTypeWords,
  callStatusWords,
  deliveryMethodWords,
  duesExemptionWords,
  languageWords,
  serviceTypeWords,
  yesNoWords,
} from './vocabulary';

export type DecimalMark = ',' | '.';
export type ClientCells = Record<ClientColumnKey, string>;
export type TariffCells = Record<TariffColumnKey, string>;
export type CallCells = Record<CallColumnKey, string>;

const yesNo = (value: boolean) => yesNoWords.write(value ? 'yes' : 'no');

/** A stored decimal ("7.50", "1.8750") with the file's decimal mark. */
const decimal = (value: string, mark: DecimalMark) => (mark === ',' ? value.replace('.', ',') : value);

export type ClientRecord = ClientContact & {
  language: 'fr' | 'en';
  deliveryMethod: 'print' | 'email' | 'both';
  paymentTermsDays: number;
  billingCycle: 'weekly' | 'monthly';
  gstExempt: boolean;
  gstExemptionNumber: string | null;
  qstExempt: boolean;
  qstExemptionNumber: string | null;
  /** The dues exemption (absent: none). */
  duesExemption?: 'municipal_contract' | 'transit_contract' | 'act' | null;
  duesExemptionDetail?: string | null;
  duesExemptFrom?: string | null;
  duesExemptTo?: string | null;
  tariffCode: string;
  discountPercent: string;
  groupedClientNumber: number | null;
  isActive: boolean;
  notes: string | null;
};

export function clientCells(client: ClientRecord, mark: DecimalMark): ClientCells {
  return {
    ...clientContactText(client),
    language: languageWords.write(client.language),
    deliveryMethod: deliveryMethodWords.write(client.deliveryMethod),
    paymentTermsDays: String(client.paymentTermsDays),
    billingCycle: billingCycleWords.write(client.billingCycle),
    gstExempt: yesNo(client.gstExempt),
    gstExemptionNumber: client.gstExemptionNumber ?? '',
    qstExempt: yesNo(client.qstExempt),
    qstExemptionNumber: client.qstExemptionNumber ?? '',
    duesExemption: duesExemptionWords.write(client.duesExemption ?? 'none'),
    duesExemptionDetail: client.duesExemptionDetail ?? '',
    duesExemptFrom: client.duesExemptFrom ?? '',
    duesExemptTo: client.duesExemptTo ?? '',
    tariff: client.tariffCode,
    discountPercent: decimal(client.discountPercent, mark),
    groupedClientNumber: client.groupedClientNumber === null ? '' : String(client.groupedClientNumber),
    // Only a change of group reads it; an export has none to tell.
    groupedEffectiveDate: '',
    isActive: yesNo(client.isActive),
    notes: client.notes ?? '',
  };
}

export type TariffRecord = {
  code: string;
  name: string;
  baseCents: number;
  perKm: string;
  perMinute: string;
  minimumChargeCents: number;
  isActive: boolean;
};

export function tariffCells(tariff: TariffRecord, mark: DecimalMark): TariffCells {
  return {
    code: tariff.code,
    name: tariff.name,
    baseCents: csvAmount(tariff.baseCents, mark),
    perKm: decimal(tariff.perKm, mark),
    perMinute: decimal(tariff.perMinute, mark),
    minimumChargeCents: csvAmount(tariff.minimumChargeCents, mark),
    isActive: yesNo(tariff.isActive),
  };
}

export type CallRecord = {
  callId: string;
  clientNumber: number;
  serviceDate: string;
  serviceTime: string;
  caller: string | null;
  pickupAddress: string;
  destinationAddress: string;
  distanceKm: string;
  waitingMinutes: number;
  serviceType: 'standard' | 'express' | 'taxi';
  clientReference: string | null;
  notes: string | null;
  status: 'open' | 'dispatched' | 'completed' | 'cancelled';
  tariffCode: string;
  grossCents: number;
  discountPercent: string;
  discountCents: number;
  priceCents: number;
  invoiceNumber: string | null;
  /**
   * A passenger trip's (absent: none): how its price was set, its hours in tenths, its
   * municipalities by name (as the file writes them, then as the list does once found) and
   * its SEV bill number.
   */
  billingType?: BillingType | null;
  billingHoursTenths?: number | null;
  originMunicipality?: string | null;
  destinationMunicipality?: string | null;
  sevNumber?: string | null;
  /**
   * The values of its required references, by label (absent: none): as the line gives them, then
   * as checked by the rules of its client and head, as stored (calls.reference_values).
   */
  references?: ReferenceValues;
};

export function callCells(call: CallRecord, mark: DecimalMark): CallCells {
  return {
    callId: call.callId,
    clientNumber: String(call.clientNumber),
    serviceDate: call.serviceDate,
    serviceTime: call.serviceTime,
    caller: call.caller ?? '',
    pickupAddress: call.pickupAddress,
    destinationAddress: call.destinationAddress,
    distanceKm: decimal(call.distanceKm, mark),
    waitingMinutes: String(call.waitingMinutes),
    serviceType: serviceTypeWords.write(call.serviceType),
    clientReference: call.clientReference ?? '',
    notes: call.notes ?? '',
    status: callStatusWords.write(call.status),
    tariff: call.tariffCode,
    grossCents: csvAmount(call.grossCents, mark),
    discountPercent: decimal(call.discountPercent, mark),
    discountCents: csvAmount(call.discountCents, mark),
    priceCents: csvAmount(call.priceCents, mark),
    invoiceNumber: call.invoiceNumber ?? '',
    billingType: call.billingType ? billingTypeWords.write(call.billingType) : '',
    billingHours: call.billingHoursTenths ? decimal((call.billingHoursTenths / 10).toFixed(1), mark) : '',
    originMunicipality: call.originMunicipality ?? '',
    destinationMunicipality: call.destinationMunicipality ?? '',
    sevNumber: call.sevNumber ?? '',
    references: referencesCell(call.references),
  };
}

/** Whether two records' cells are the same, but for `ignored` (a column that is not data). */
export function isSameCells<K extends string>(a: Record<K, string>, b: Record<K, string>, ignored: readonly K[] = []): boolean {
  return (Object.keys(a) as K[]).every((key) => ignored.includes(key) || a[key] === b[key]);
}
