import type { clients } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { clientContactText } from '@/lib/clients/client-text';
import type { ClientFormValues } from './client-form';

/** "7.50" → "7,5" in French, "7.5" in English: as a person would type it. */
function percentForInput(value: string, locale: Locale): string {
  const trimmed = value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
  return locale === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

/** The billing fields a grouped invoice takes from the head, as the member's form shows them. */
export type HeadBilling = {
  number: number;
  language: string;
  deliveryMethod: string;
  paymentTermsDays: number;
  billingCycle: string;
  gstExempt: boolean;
  qstExempt: boolean;
  invoiceEmails: string;
  /** Its dues exemption (rule G3: a grouped invoice takes the head's), null when none. */
  duesExemption: { reason: string; detail: string | null; from: string; to: string | null } | null;
};

export function headBillingOf(head: typeof clients.$inferSelect): HeadBilling {
  return {
    number: head.number,
    language: head.language,
    deliveryMethod: head.deliveryMethod,
    paymentTermsDays: head.paymentTermsDays,
    billingCycle: head.billingCycle,
    gstExempt: head.gstExempt,
    qstExempt: head.qstExempt,
    invoiceEmails: head.invoiceEmails.join(', '),
    duesExemption:
      head.duesExemption && head.duesExemptFrom
        ? { reason: head.duesExemption, detail: head.duesExemptionDetail, from: head.duesExemptFrom, to: head.duesExemptTo }
        : null,
  };
}

/** `today`: the default of "En vigueur le", asked when the grouped number changes. */
export function clientToFormValues(client: typeof clients.$inferSelect, locale: Locale, today: string): ClientFormValues {
  return {
    ...clientContactText(client),
    language: client.language,
    deliveryMethod: client.deliveryMethod,
    paymentTermsDays: String(client.paymentTermsDays),
    billingCycle: client.billingCycle,
    gstExempt: client.gstExempt,
    gstExemptionNumber: client.gstExemptionNumber ?? '',
    qstExempt: client.qstExempt,
    qstExemptionNumber: client.qstExemptionNumber ?? '',
    duesExemption: client.duesExemption ?? '',
    duesExemptionDetail: client.duesExemptionDetail ?? '',
    duesExemptFrom: client.duesExemptFrom ?? '',
    duesExemptTo: client.duesExemptTo ?? '',
    tariffId: String(client.tariffId),
    discountPercent: percentForInput(client.discountPercent, locale),
    groupedClientNumber: client.groupedClientNumber === null ? '' : String(client.groupedClientNumber),
    groupedEffectiveDate: today,
    isActive: client.isActive,
    notes: client.notes ?? '',
  };
}

export function emptyClientFormValues(defaultTariffId: number | undefined): ClientFormValues {
  return {
    number: '',
    name: '',
    contactName: '',
    phone: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    province: 'QC',
    postalCode: '',
    invoiceEmails: '',
    language: 'fr',
    deliveryMethod: 'print',
    paymentTermsDays: '30',
    billingCycle: 'monthly',
    gstExempt: false,
    gstExemptionNumber: '',
    qstExempt: false,
    qstExemptionNumber: '',
    duesExemption: '',
    duesExemptionDetail: '',
    duesExemptFrom: '',
    duesExemptTo: '',
    tariffId: defaultTariffId === undefined ? '' : String(defaultTariffId),
    discountPercent: '0',
    groupedClientNumber: '',
    groupedEffectiveDate: '',
    isActive: true,
    notes: '',
  };
}
