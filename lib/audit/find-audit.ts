/**
 * The audit log (G6) as the administrator reads it: newest first, 50 a page, filtered by client,
 * by Montréal dates and by kind of record. Rows are written by the database triggers of
 * migration 0002; this module only reads them.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/index';
import { auditLog, users } from '@/db/schema';
import { isRole, type Role } from '@/lib/auth/roles';
import { BUSINESS_TIME_ZONE } from '@/lib/dates/montreal';
import { isLocale, type Locale } from '@/lib/i18n/locale';
import { defineUrlState } from '@/lib/url-state';

export const AUDIT_ENTITIES = ['client', 'tariff', 'user', 'settings', 'payment', 'api_token', 'portal_user'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_PAGE_SIZE = 50;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is refused). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const calendarDate = z.string().trim().refine(isCalendarDate);

/** The log's query string, validated: anything unexpected means "no filter". */
export const auditSearchParams = z.object({
  client: z
    .string()
    .trim()
    .regex(/^\d{1,8}$/)
    .transform(Number)
    .refine((n) => n >= 1)
    .optional()
    .catch(undefined),
  from: calendarDate.optional().catch(undefined),
  to: calendarDate.optional().catch(undefined),
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditSearch = z.output<typeof auditSearchParams>;
export const auditSearchUrl = defineUrlState('/admin/audit', auditSearchParams);

export type AuditRow = {
  id: number;
  at: Date;
  userId: number | null;
  /** null: a change made outside the application's screens (script, migration): "Système". */
  userName: string | null;
  entity: AuditEntity;
  entityKey: string;
  clientNumber: number | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
};

export async function findAudit(db: Executor, search: AuditSearch): Promise<{ rows: AuditRow[]; total: number; pages: number }> {
  const conditions: SQL[] = [];
  if (search.client !== undefined) conditions.push(eq(auditLog.clientNumber, search.client));
  if (search.entity) conditions.push(eq(auditLog.entity, search.entity));
  /*
   * Dates are Montréal dates: "from 2026-11-02" starts at midnight in Montréal (05:00 UTC in
   * winter), "to 2026-11-02" includes the whole day. Written as bounds on `at` rather than as
   * `(at at time zone 'America/Toronto')::date` — the same rows, but the index on `at` serves it.
   */
  if (search.from) conditions.push(sql`${auditLog.at} >= (${search.from}::date::timestamp at time zone ${BUSINESS_TIME_ZONE})`);
  if (search.to) conditions.push(sql`${auditLog.at} < ((${search.to}::date + 1)::timestamp at time zone ${BUSINESS_TIME_ZONE})`);
  const where = conditions.length ? and(...conditions) : undefined;

  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      entity: auditLog.entity,
      entityKey: auditLog.entityKey,
      clientNumber: auditLog.clientNumber,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((search.page - 1) * AUDIT_PAGE_SIZE);

  // Past the last page, count(*) over () has no row to ride on: count separately.
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && search.page > 1) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(where);
    total = counted?.n ?? 0;
  }
  return {
    rows: rows.map(({ total: _total, ...row }) => ({ ...row, entity: row.entity as AuditEntity })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** What a stored value means, for the screen to show it in the reader's language. */
export type AuditValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'money'; cents: number }
  | { kind: 'rate'; value: string; unit: 'km' | 'min' }
  | { kind: 'percent'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'role'; role: Role }
  | { kind: 'language'; locale: Locale }
  | { kind: 'choice'; group: ChoiceGroup; key: string }
  | { kind: 'allocation'; invoice: number; cents: number }
  | { kind: 'duesRate'; date: string; cents: number }
  | { kind: 'tariff'; id: number }
  | { kind: 'image' };

const MONEY_FIELDS = new Set(['base_cents', 'minimum_charge_cents', 'credit_limit_cents', 'amount_cents']);
const BOOLEAN_FIELDS = new Set(['is_active', 'gst_exempt', 'qst_exempt', 'is_passenger', 'is_dues_exempt']);
type ChoiceGroup = 'deliveryMethods' | 'billingCycles' | 'paymentStatuses' | 'creditPolicies' | 'billingTypes' | 'duesExemptions';
const CHOICES: Record<string, { group: ChoiceGroup; keys: string[] }> = {
  delivery_method: { group: 'deliveryMethods', keys: ['print', 'email', 'both'] },
  billing_cycle: { group: 'billingCycles', keys: ['weekly', 'monthly'] },
  status: { group: 'paymentStatuses', keys: ['pending', 'posted', 'reversed'] },
  credit_policy: { group: 'creditPolicies', keys: ['none', 'warn', 'block'] },
  default_billing_type: {
    group: 'billingTypes',
    keys: ['taxi', 'odometer', 'fixed_regular', 'fixed_contract', 'hourly', 'adapted', 'collective', 'app'],
  },
  dues_exemption: { group: 'duesExemptions', keys: ['municipal_contract', 'transit_contract', 'act'] },
};

/**
 * Reads a value as the trigger stored it (the column's JSON text: cents as digits, numerics as
 * "1.8750", booleans as "true", arrays as JSON). A value it does not recognize stays as text.
 */
export function describeAuditValue(field: string, value: string | null): AuditValue {
  if (value === null || value === '') return { kind: 'empty' };
  if (MONEY_FIELDS.has(field) && /^\d{1,15}$/.test(value)) return { kind: 'money', cents: Number(value) };
  if ((field === 'per_km' || field === 'per_minute') && /^\d+(\.\d+)?$/.test(value))
    return { kind: 'rate', value, unit: field === 'per_km' ? 'km' : 'min' };
  if (field === 'discount_percent' && /^\d+(\.\d+)?$/.test(value)) return { kind: 'percent', value };
  if (BOOLEAN_FIELDS.has(field) && (value === 'true' || value === 'false')) return { kind: 'boolean', value: value === 'true' };
  if (field === 'role' && isRole(value)) return { kind: 'role', role: value };
  if ((field === 'language' || field === 'locale') && isLocale(value)) return { kind: 'language', locale: value };
  const choice = CHOICES[field];
  if (choice?.keys.includes(value)) return { kind: 'choice', group: choice.group, key: value };
  if (field === 'tariff_id' && /^\d{1,9}$/.test(value)) return { kind: 'tariff', id: Number(value) };
  if (field === 'logo_png_base64') return { kind: 'image' };
  // A payment's allocation: "invoice:cents".
  const allocation = (field === 'allocation' || field === 'allocation_released') && /^(\d{1,15}):(\d{1,15})$/.exec(value);
  if (allocation) return { kind: 'allocation', invoice: Number(allocation[1]), cents: Number(allocation[2]) };
  // A dues rate: "effective date:cents".
  const duesRate = field === 'dues_rate' && /^(\d{4}-\d{2}-\d{2}):(\d{1,9})$/.exec(value);
  if (duesRate) return { kind: 'duesRate', date: duesRate[1]!, cents: Number(duesRate[2]) };
  if (field === 'invoice_emails' && value.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(value);
      if (Array.isArray(list)) return list.length ? { kind: 'text', text: list.map(String).join(', ') } : { kind: 'empty' };
    } catch {
      // Not JSON after all: shown as stored.
    }
  }
  return { kind: 'text', text: value };
}
