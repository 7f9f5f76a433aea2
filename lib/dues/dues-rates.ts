/**
 * The dues rates an administrator sets (Administration › Paramètres, Redevance par course): a rate
 * applies from its date until the next one, and 0 ends the dues (lib/dues/dues.ts). Rates are only
 * added or replaced, never removed, so that the rate an invoice line was billed with stays in the
 * list; a date that already has a rate takes the new amount. Each change is in the audit log
 * (entity "settings", field "dues_rate", value "date:cents"), written in the same transaction.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/index';
import { duesRates } from '@/db/schema';
import { recordChanges } from '@/lib/audit/record-changes';
import { withActor } from '@/lib/audit/with-actor';
import { isoDate } from '@/lib/forms/dates';
import { moneyCents } from '@/lib/forms/fields';
import type { DuesRate } from './dues';

/** The dues on passenger trips start on this date (0,90 $, migration 0024): no rate before it. */
export const FIRST_DUES_DATE = '2021-01-01';
/** 100,00 $ a trip at most (check dues_rates_rate). */
export const MAX_DUES_RATE_CENTS = 10_000;

/** The rate form: "En vigueur le" (YYYY-MM-DD) and the amount as typed ("0,90"; 0 ends the dues). */
export const duesRateInput = z.object({
  effectiveFrom: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .pipe(isoDate)
    .refine((date) => date >= FIRST_DUES_DATE, { error: 'dues.beforeFirstDate' }),
  rateCents: moneyCents.refine((cents) => cents <= MAX_DUES_RATE_CENTS, { error: 'dues.rateTooLarge' }),
});
export type DuesRateInput = z.output<typeof duesRateInput>;

export type DuesRateRow = DuesRate & { createdAt: Date; updatedAt: Date };

/** Every rate, the newest date first. */
export async function listDuesRates(db: Executor): Promise<DuesRateRow[]> {
  return db
    .select({
      effectiveFrom: duesRates.effectiveFrom,
      rateCents: duesRates.rateCents,
      createdAt: duesRates.createdAt,
      updatedAt: duesRates.updatedAt,
    })
    .from(duesRates)
    .orderBy(desc(duesRates.effectiveFrom));
}

/** The audit log's value of a rate: "2026-01-01:90". */
const auditValue = (rate: DuesRate | undefined) => (rate ? `${rate.effectiveFrom}:${rate.rateCents}` : null);

/**
 * Adds the rate of a date, or replaces the one that date has. `previousCents`: the amount it
 * had, null for a new date. The same amount again changes nothing and writes no audit line.
 */
export async function setDuesRate(db: Db, actorId: number, input: DuesRateInput): Promise<{ previousCents: number | null }> {
  return withActor(db, actorId, async (tx) => {
    const [before] = await tx
      .select({ effectiveFrom: duesRates.effectiveFrom, rateCents: duesRates.rateCents })
      .from(duesRates)
      .where(eq(duesRates.effectiveFrom, input.effectiveFrom))
      .for('update');
    if (before?.rateCents === input.rateCents) return { previousCents: before.rateCents };
    await tx
      .insert(duesRates)
      .values({ effectiveFrom: input.effectiveFrom, rateCents: input.rateCents, createdBy: actorId })
      .onConflictDoUpdate({ target: duesRates.effectiveFrom, set: { rateCents: input.rateCents, updatedAt: sql`now()` } });
    await recordChanges(
      tx,
      actorId,
      { entity: 'settings', entityKey: input.effectiveFrom },
      { dues_rate: auditValue(before) },
      { dues_rate: auditValue(input) },
    );
    return { previousCents: before?.rateCents ?? null };
  });
}
