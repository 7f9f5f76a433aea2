import { z } from 'zod';
import { isoDate } from '@/lib/forms/dates';
import { checkbox, optionalText, requiredText, wholeNumber } from '@/lib/forms/fields';
import { normalizePostalCode } from './postal-code';

export const PROVINCES = ['QC', 'ON', 'NB', 'NS', 'PE', 'NL', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'] as const;
export const MAX_CLIENT_NUMBER = 99_999_999;
/**
 * Why a billed client pays no dues on its passenger trips: a contract with a municipality, with
 * a public transit authority, or another exemption of the Act, which the client's record names.
 */
export const DUES_EXEMPTIONS = ['municipal_contract', 'transit_contract', 'act'] as const;
export type DuesExemption = (typeof DUES_EXEMPTIONS)[number];

const clientNumber = wholeNumber(1, MAX_CLIENT_NUMBER, 'client.numberRange');

/** "a@b.ca, c@d.ca; e@f.ca" → a list of lower-case addresses. */
const emailList = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const emails = (text ?? '')
      .split(/[\s,;]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
    if (emails.length > 10 || emails.some((e) => !z.email().safeParse(e).success)) {
      ctx.addIssue({ code: 'custom', message: 'client.emails' });
      return z.NEVER;
    }
    return [...new Set(emails)];
  });

/** Discount percent with at most two decimals, "7,5" or "7.5" → "7.50". */
export const discountPercent = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = (text ?? '').trim().replace(',', '.') || '0';
    const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(value);
    const normalized = match ? `${Number(match[1])}.${(match[2] ?? '').padEnd(2, '0')}` : null;
    if (!normalized || Number(normalized) > 100) {
      ctx.addIssue({ code: 'custom', message: 'client.discount' });
      return z.NEVER;
    }
    return normalized;
  });

/** Empty → null; digits → the number; anything else is refused. */
export const groupedClientNumberField = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const value = (text ?? '').trim();
    if (value === '') return null;
    if (!/^\d{1,8}$/.test(value) || Number(value) < 1) {
      ctx.addIssue({ code: 'custom', message: 'grouped.invalid' });
      return z.NEVER;
    }
    return Number(value);
  });

/** "En vigueur le": the date a change of the group takes effect; empty → today. */
export const effectiveDateField = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim())
  .pipe(z.union([z.literal('').transform(() => null), isoDate]));

/** A select's value: empty is not exempt. */
const duesExemption = z
  .string()
  .optional()
  .transform((text) => text?.trim() || null)
  .pipe(z.enum(DUES_EXEMPTIONS, { error: 'invalid' }).nullable());

/** A date that may be left empty: null. */
const optionalDate = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim())
  .pipe(z.union([z.literal('').transform(() => null), isoDate]));

/** Every field of the client form: its group (docs/business-rules.md, Grouping) and its billing parameters. */
export const clientInput = z
  .object({
    number: clientNumber,
    name: requiredText(200),
    contactName: optionalText(120),
    phone: optionalText(40),
    addressLine1: requiredText(200, 'multiline'),
    addressLine2: optionalText(200, 'multiline'),
    city: requiredText(100),
    province: z.enum(PROVINCES, { error: 'client.province' }),
    postalCode: z.string({ error: 'required' }).transform((text, ctx) => {
      const code = normalizePostalCode(text);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: text.trim() ? 'client.postalCode' : 'required' });
        return z.NEVER;
      }
      return code;
    }),
    invoiceEmails: emailList,
    language: z.enum(['fr', 'en'], { error: 'invalid' }),
    deliveryMethod: z.enum(['print', 'email', 'both'], { error: 'invalid' }),
    paymentTermsDays: wholeNumber(0, 365, 'client.terms'),
    billingCycle: z.enum(['weekly', 'monthly'], { error: 'invalid' }),
    gstExempt: checkbox,
    gstExemptionNumber: optionalText(60),
    qstExempt: checkbox,
    qstExemptionNumber: optionalText(60),
    duesExemption,
    duesExemptionDetail: optionalText(200),
    duesExemptFrom: optionalDate,
    duesExemptTo: optionalDate,
    tariffId: wholeNumber(1, 2_147_483_647, 'client.tariffInactive'),
    discountPercent,
    groupedClientNumber: groupedClientNumberField,
    groupedEffectiveDate: effectiveDateField,
    isActive: checkbox,
    notes: optionalText(2000, 'multiline'),
  })
  .superRefine((client, ctx) => {
    if (client.deliveryMethod !== 'print' && client.invoiceEmails.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['invoiceEmails'], message: 'client.emailRequired' });
    }
    if (client.gstExempt && !client.gstExemptionNumber) {
      ctx.addIssue({ code: 'custom', path: ['gstExemptionNumber'], message: 'client.exemptionNumber' });
    }
    if (client.qstExempt && !client.qstExemptionNumber) {
      ctx.addIssue({ code: 'custom', path: ['qstExemptionNumber'], message: 'client.exemptionNumber' });
    }
    // The dues exemption (checks clients_dues_exemption_*): from a date, the Act's own named.
    if (client.duesExemption && !client.duesExemptFrom) {
      ctx.addIssue({ code: 'custom', path: ['duesExemptFrom'], message: 'client.duesExemptFrom' });
    }
    if (client.duesExemption === 'act' && !client.duesExemptionDetail) {
      ctx.addIssue({ code: 'custom', path: ['duesExemptionDetail'], message: 'client.duesExemptionDetail' });
    }
    if (client.duesExemption && client.duesExemptFrom && client.duesExemptTo && client.duesExemptTo < client.duesExemptFrom) {
      ctx.addIssue({ code: 'custom', path: ['duesExemptTo'], message: 'client.duesExemptPeriod' });
    }
  })
  .transform((client) => ({
    ...client,
    // An exemption number without the exemption means nothing: not kept.
    gstExemptionNumber: client.gstExempt ? client.gstExemptionNumber : null,
    qstExemptionNumber: client.qstExempt ? client.qstExemptionNumber : null,
    // Nor the details of a dues exemption without the exemption; the Act's other exemption alone is named.
    duesExemptionDetail: client.duesExemption === 'act' ? client.duesExemptionDetail : null,
    duesExemptFrom: client.duesExemption ? client.duesExemptFrom : null,
    duesExemptTo: client.duesExemption ? client.duesExemptTo : null,
  }));

export type ClientInput = z.output<typeof clientInput>;
