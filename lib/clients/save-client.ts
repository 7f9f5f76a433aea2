/**
 * Creating and editing a client. The grouping rules are checked first to explain them; the
 * database checks them again (foreign key, trigger) and its verdict is translated the same way.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/index';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, RG_HEAD_HAS_MEMBERS, RG_INACTIVE_HEAD, pgErrorOf } from '@/db/errors';
import { clients, tariffs } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AppError, type ErrorCode } from '@/lib/errors';
import type { ClientInput } from './client-input';
import { formatMemberList } from './grouping';
import { listMemberNumbers, verifyGrouping } from './verify-grouping';
import {
  checkEffectiveDate,
  explainMembershipRefusal,
  readHeadSince,
  readMembershipLimits,
  setMembershipDate,
  takeMembershipLock,
} from './membership';
import { todayInMontreal } from '@/lib/dates/montreal';

async function assertGroupingAllowed(tx: Tx, input: ClientInput, effectiveDate?: string): Promise<void> {
  const verdict = await verifyGrouping(tx, input.number, input.groupedClientNumber, effectiveDate);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.params, { groupedClientNumber: [verdict.code] });
}

/**
 * A change of client C's group takes effect on the date typed ("En vigueur le", today when
 * empty), within the limits of docs/business-rules.md (Dated group membership); the database
 * turns it into memberships and checks the same limits again.
 */
async function prepareMembershipChange(tx: Tx, client: number, value: number | null, effectiveDate: string): Promise<void> {
  const limits = (await readMembershipLimits(tx, [client])).get(client)!;
  const head = value !== null && value !== client ? { number: value, since: await readHeadSince(tx, value) } : undefined;
  const verdict = checkEffectiveDate({ clientNumber: client, effective: effectiveDate, today: todayInMontreal(), limits, head });
  if (!verdict.ok) throw new AppError(verdict.code, verdict.params, { groupedEffectiveDate: [verdict.code] });
  await setMembershipDate(tx, effectiveDate);
}

async function assertTariffUsable(tx: Tx, tariffId: number, currentTariffId?: number): Promise<void> {
  const [tariff] = await tx.select({ isActive: tariffs.isActive }).from(tariffs).where(eq(tariffs.id, tariffId)).limit(1);
  // A client may keep an inactive tariff it already has; a new choice must be active.
  if (!tariff || (!tariff.isActive && tariffId !== currentTariffId)) {
    throw new AppError('client.tariffInactive', {}, { tariffId: ['client.tariffInactive'] });
  }
}

/** The dues exemption's checks, by the field each one is about (the form checks the same first). */
const DUES_EXEMPTION_CHECKS: Record<string, [field: string, code: ErrorCode]> = {
  clients_dues_exemption_dates: ['duesExemptFrom', 'client.duesExemptFrom'],
  clients_dues_exemption_period: ['duesExemptTo', 'client.duesExemptPeriod'],
  clients_dues_exemption_named: ['duesExemptionDetail', 'client.duesExemptionDetail'],
};

/** A refusal of the database, explained; anything else is rethrown. */
async function explainDatabaseRefusal(db: Db, error: unknown, input: ClientInput): Promise<never> {
  const membershipRefusal = explainMembershipRefusal(error, input.number, input.groupedEffectiveDate ?? todayInMontreal());
  if (membershipRefusal) throw membershipRefusal;
  const pg = pgErrorOf(error);
  if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'clients_pkey') {
    throw new AppError('client.numberTaken', { number: input.number }, { number: ['client.numberTaken'] });
  }
  const duesCheck = pg?.constraint ? DUES_EXEMPTION_CHECKS[pg.constraint] : undefined;
  if (duesCheck) throw new AppError(duesCheck[1], {}, { [duesCheck[0]]: [duesCheck[1]] });
  if (pg?.code === RG_INACTIVE_HEAD) {
    throw new AppError(
      'grouped.inactiveHead',
      { target: input.groupedClientNumber ?? '' },
      { groupedClientNumber: ['grouped.inactiveHead'] },
    );
  }
  if (pg?.code === RG_HEAD_HAS_MEMBERS) {
    throw new AppError(
      'grouped.cannotDeactivate',
      { client: input.number, members: pg.detail ?? '' },
      { isActive: ['grouped.cannotDeactivate'] },
    );
  }
  if (pg?.code === PG_FOREIGN_KEY_VIOLATION && pg.constraint === 'clients_grouped_client_is_head') {
    // Someone changed the group between our check and our write: explain with the state now.
    const verdict = await verifyGrouping(db, input.number, input.groupedClientNumber);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.params, { groupedClientNumber: [verdict.code] });
    throw new AppError('grouped.conflict');
  }
  throw error;
}

export async function createClient(db: Db, actorId: number, input: ClientInput): Promise<{ number: number }> {
  try {
    return await withActor(db, actorId, async (tx) => {
      await assertTariffUsable(tx, input.tariffId);
      await assertGroupingAllowed(tx, input);
      // A client created with a grouped number is in that group from its creation on.
      const { groupedEffectiveDate: _fromCreation, ...values } = input;
      const [created] = await tx.insert(clients).values(values).returning({ number: clients.number });
      return created!;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainDatabaseRefusal(db, error, input);
  }
}

/** Edits client `number` (its number itself cannot change: calls and invoices refer to it). */
export async function updateClient(db: Db, actorId: number, number: number, input: ClientInput): Promise<{ number: number }> {
  if (input.number !== number) throw new AppError('invalid', {}, { number: ['invalid'] });
  try {
    return await withActor(db, actorId, async (tx) => {
      const [before] = await tx.select({ grouped: clients.groupedClientNumber }).from(clients).where(eq(clients.number, number));
      if (before && before.grouped !== input.groupedClientNumber) await takeMembershipLock(tx);
      const [current] = await tx
        .select({
          tariffId: clients.tariffId,
          groupedClientNumber: clients.groupedClientNumber,
        })
        .from(clients)
        .where(eq(clients.number, number))
        .for('update');
      if (!current) throw new AppError('client.notFound', { number });
      await assertTariffUsable(tx, input.tariffId, current.tariffId);
      const isGroupChanged = current.groupedClientNumber !== input.groupedClientNumber;
      const effectiveDate = input.groupedEffectiveDate ?? todayInMontreal();
      await assertGroupingAllowed(tx, input, isGroupChanged ? effectiveDate : undefined);
      if (isGroupChanged) await prepareMembershipChange(tx, number, input.groupedClientNumber, effectiveDate);
      const { number: _unchanged, groupedEffectiveDate: _applied, ...changes } = input;
      await tx
        .update(clients)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(clients.number, number));
      return { number };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return explainDatabaseRefusal(db, error, input);
  }
}

/**
 * Deletes a client that has no history. A head with members is refused with the list of its
 * members (G2); a client with calls or invoices is refused too: deactivate it instead.
 */
export async function deleteClient(db: Db, actorId: number, number: number): Promise<void> {
  try {
    await withActor(db, actorId, async (tx) => {
      const [client] = await tx.select({ number: clients.number }).from(clients).where(eq(clients.number, number)).for('update');
      if (!client) throw new AppError('client.notFound', { number });
      const members = await listMemberNumbers(tx, number);
      if (members.length > 0) throw new AppError('grouped.cannotDelete', { client: number, members: formatMemberList(members) });
      await tx.delete(clients).where(eq(clients.number, number));
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === PG_FOREIGN_KEY_VIOLATION && pg.constraint !== 'clients_grouped_client_is_head')
      throw new AppError('client.hasHistory', { number });
    if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw new AppError('grouped.conflict');
    throw error;
  }
}
