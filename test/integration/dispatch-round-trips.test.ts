/**
 * The round trips of a call created through the dispatch API (lib/api/put-dispatch-call.ts) and
 * at the form (lib/calls/save-call.ts), counted on the wire: each time the client writes again
 * after the server answered. A creation is three: begin with the reads sent together (the call by
 * its id and its invoice, the price, the credit hold, the municipalities it names, the required
 * references; BEGIN goes out with them, scripts/patch-postgres.mjs), the insert with its status
 * line and its review flags, commit. Naming municipalities adds a statement to the reads sent
 * together, not a round trip. At the form, the COMMIT goes out with the insert
 * (transactionCommittedBehind): two round trips.
 */
import net from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { users } from '@/db/schema';
import { dispatchCallInput } from '@/lib/api/dispatch-call-input';
import { putDispatchCall } from '@/lib/api/put-dispatch-call';
import { callInput } from '@/lib/calls/call-input';
import { createCall } from '@/lib/calls/save-call';
import { createApiToken } from '@/lib/api/tokens';
import { insertClient, insertTariff } from '@/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;
let tokenId: number;
let adminId: number;
let turns = 0;
let isCounting = false;
const lastEvent = new WeakMap<net.Socket, 'write' | 'data'>();
const { write, emit } = net.Socket.prototype;

beforeAll(async () => {
  database = await createTestDatabase();
  const [admin] = await database.db
    .insert(users)
    .values({ email: 'admin@test.local', name: 'Administratrice', role: 'admin', passwordHash: 'x' })
    .returning();
  adminId = admin!.id;
  tokenId = (await createApiToken(database.db, admin!.id, { name: 'Répartition', scope: 'write' })).id;
  const passenger = await insertTariff(database.db, { code: 'PAX', isPassenger: true });
  const courier = await insertTariff(database.db, { code: 'STD' });
  await insertClient(database.db, 88001, passenger.id);
  await insertClient(database.db, 88002, courier.id);
  // A write after the server's answer is a new round trip; writes one after the other are one.
  net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<net.Socket['write']>) {
    if (isCounting && lastEvent.get(this) !== 'write') turns++;
    lastEvent.set(this, 'write');
    return write.apply(this, args);
  } as net.Socket['write'];
  const emitAny = emit as (this: net.Socket, event: string | symbol, ...args: unknown[]) => boolean;
  net.Socket.prototype.emit = function (this: net.Socket, event: string | symbol, ...args: unknown[]) {
    if (event === 'data') lastEvent.set(this, 'data');
    return emitAny.call(this, event, ...args);
  } as net.Socket['emit'];
});
afterAll(async () => {
  net.Socket.prototype.write = write;
  net.Socket.prototype.emit = emit;
  await database.drop();
});

const sent = { serviceDate: '2026-11-10', serviceTime: '08:45', pickupAddress: '1, rue A', destinationAddress: '2, rue B', distanceKm: 3 };

/** The round trips of each of `times` runs of `create`, after one that opens the connection and prepares the statements. */
async function roundTripsOf(create: (i: number) => Promise<unknown>, times: number): Promise<number[]> {
  await create(0);
  const counts: number[] = [];
  for (let i = 1; i <= times; i++) {
    turns = 0;
    isCounting = true;
    await create(i).finally(() => (isCounting = false));
    counts.push(turns);
  }
  return counts;
}

/** The round trips of each of `times` creations through the dispatch API. */
function roundTripsOfCreations(prefix: string, body: unknown, times: number): Promise<number[]> {
  const input = dispatchCallInput.parse(body);
  return roundTripsOf(async (i) => {
    const { isCreated } = await putDispatchCall(database.db, tokenId, `${prefix}-${i}`, input);
    expect(isCreated).toBe(true);
  }, times);
}

test('a courier call and a passenger trip naming its municipalities are each created in three round trips', async () => {
  expect(await roundTripsOfCreations('C', { ...sent, clientNumber: 88002 }, 3)).toEqual([3, 3, 3]);
  const trip = { ...sent, clientNumber: 88001, originMunicipality: 'laval', destinationMunicipality: 'MONTRÉAL' };
  expect(await roundTripsOfCreations('P', trip, 3)).toEqual([3, 3, 3]);
});

test('a call taken at the form is saved in two round trips, its COMMIT sent with its insert', async () => {
  const input = callInput.parse({
    clientNumber: '88002',
    serviceDate: sent.serviceDate,
    serviceTime: sent.serviceTime,
    pickupAddress: sent.pickupAddress,
    destinationAddress: sent.destinationAddress,
    distanceKm: '3',
    waitingMinutes: '0',
    serviceType: 'standard',
  });
  expect(await roundTripsOf(() => createCall(database.db, adminId, input), 3)).toEqual([2, 2, 2]);
});
