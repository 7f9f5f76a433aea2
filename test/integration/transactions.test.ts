/**
 * Transactions on a real server (Drizzle's over postgres.js, db/index.ts): all or nothing, a
 * nested one rolled back alone, and connections back in the pool outside any transaction after
 * failures, including a session the server ends in the middle of one. Then the driver's repairs
 * (scripts/patch-postgres.mjs): a transaction keeps its connection to itself, so that nobody
 * else's statement runs inside it; and a transaction whose COMMIT goes out behind its last
 * statements (transactionCommittedBehind) keeps them all or none, a refused one never sent again
 * after the COMMIT.
 */
import net from 'node:net';
import { count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queryRows, transactionCommittedBehind, withPreparedStatements } from '@/db/index';
import { refusalCode } from '@/test/support/fixtures';
import { municipalities } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

// Names of no municipality the migrations seed.
const town = (name: string) => ({ name: `Essai ${name}`, nameFolded: `essai ${name.toLowerCase()}` });

/** The statement that stores the municipality `name` (town), for a driver used directly. */
function insertTown(driver: postgres.Sql | postgres.TransactionSql, name: string) {
  const { name: stored, nameFolded } = town(name);
  return driver`insert into municipalities (name, name_folded) values (${stored}, ${nameFolded})`;
}

async function stored(name: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(municipalities)
    .where(eq(municipalities.name, town(name).name));
  return row!.n;
}

/** What a transaction's refusal says, with the statement's own error under Drizzle's. */
async function failure(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)),
  );
}

test('a body that writes and then fails in its code or in a statement writes nothing', async () => {
  const byCode = failure(
    database.db.transaction(async (tx) => {
      await tx.insert(municipalities).values(town('Acton Vale'));
      throw new Error('refused after the write');
    }),
  );
  expect(await byCode).toMatch(/refused after the write/);
  const byStatement = failure(
    database.db.transaction(async (tx) => {
      await tx.insert(municipalities).values(town('Bedford'));
      await tx.execute(sql`select 1 / 0`);
    }),
  );
  expect(await byStatement).toMatch(/division by zero/);
  expect(await stored('Acton Vale')).toBe(0);
  expect(await stored('Bedford')).toBe(0);
});

test('a nested transaction rolls back its own part only', async () => {
  await database.db.transaction(async (tx) => {
    await tx.insert(municipalities).values(town('Hatley'));
    const nested = failure(
      tx.transaction(async (inner) => {
        await inner.insert(municipalities).values(town('Irlande'));
        throw new Error('rolled back to its savepoint');
      }),
    );
    expect(await nested).toMatch(/rolled back to its savepoint/);
    await tx.transaction((inner) => inner.insert(municipalities).values(town('Jonquière')));
  });
  expect([await stored('Hatley'), await stored('Irlande'), await stored('Jonquière')]).toEqual([1, 0, 1]);
});

test('after many failures, every connection of the pool is back outside any transaction', async () => {
  // Twice the pool's five connections, each failing in its code or in a statement.
  const failures = Array.from({ length: 10 }, (_, i) =>
    failure(
      database.db.transaction(async (tx) => {
        await tx.insert(municipalities).values(town(`Kamouraska ${i}`));
        if (i % 2 === 0) throw new Error('refused');
        await tx.execute(sql`select 1 / 0`);
      }),
    ),
  );
  expect((await Promise.all(failures)).every((error) => error !== null)).toBe(true);
  // A statement outside a transaction is its own: now() moves with each.
  const states = await Promise.all(
    Array.from({ length: 10 }, () =>
      queryRows<{ isInTransaction: boolean }>(database.db, sql`select now() <> statement_timestamp() as "isInTransaction"`),
    ),
  );
  expect(states.flat().map((row) => row.isInTransaction)).toEqual(Array(10).fill(false));
  const [left] = await database.db
    .select({ n: count() })
    .from(municipalities)
    .where(sql`${municipalities.name} like 'Essai Kamouraska%'`);
  expect(left!.n).toBe(0);
});

test('a transaction whose session the server ends fails whole, and the pool goes on with sessions that answer', async () => {
  const ended = failure(
    database.db.transaction(async (tx) => {
      await tx.insert(municipalities).values(town('Lac-Etchemin'));
      const [own] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      await queryRows(database.db, sql`select pg_terminate_backend(${own!.pid})`);
      await tx.insert(municipalities).values(town('Magog'));
    }),
  );
  expect(await ended).toMatch(/terminat|CONNECTION_CLOSED/i);
  // Twice the pool's connections, each answering.
  const answers = await Promise.all(Array.from({ length: 10 }, () => queryRows<{ one: number }>(database.db, sql`select 1 as one`)));
  expect(answers.flat()).toEqual(Array(10).fill({ one: 1 }));
  expect([await stored('Lac-Etchemin'), await stored('Magog')]).toEqual([0, 0]);
});

test('a transaction whose BEGIN fills its connection’s pipeline keeps the connection to itself', async () => {
  // One connection taking two statements at a time: BEGIN goes out behind two others, the last
  // the connection takes before it is full (porsager/postgres#1189).
  // max_pipeline: a setting of the driver that its types do not declare.
  const settings = { max: 1, max_pipeline: 2, onnotice: () => {} };
  const driver = postgres(database.url, settings);
  try {
    await driver`select 1`;
    const ahead = [driver`select pg_sleep(0.1)`.execute(), driver`select 2`.execute()];
    const rolledBack = failure(
      driver.begin(async (tx) => {
        await insertTown(tx, 'Nicolet');
        await tx`select pg_sleep(0.1)`;
        throw new Error('rolled back');
      }),
    );
    // Sent while the transaction runs: it waits for the connection and runs on its own.
    const outside = insertTown(driver, 'Oka').execute();
    await Promise.all(ahead);
    expect(await rolledBack).toMatch(/rolled back/);
    await outside;
  } finally {
    await driver.end({ timeout: 1 });
  }
  // Read by the application's own connections.
  expect([await stored('Nicolet'), await stored('Oka')]).toEqual([0, 1]);
});

test('a transaction keeps its connection when the connection’s socket drains between its statements', async () => {
  const driver = postgres(database.url, { max: 1, onnotice: () => {} });
  const { write } = net.Socket.prototype;
  const sockets = new Set<net.Socket>();
  // The socket that sends the transaction's first statement.
  net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<net.Socket['write']>) {
    if (Buffer.isBuffer(args[0]) && args[0].includes('essai pabos')) sockets.add(this);
    return write.apply(this, args);
  } as net.Socket['write'];
  try {
    let outside: Promise<unknown> | undefined;
    const rolledBack = failure(
      driver.begin(async (tx) => {
        await insertTown(tx, 'Pabos');
        expect(sockets.size).toBe(1);
        // What the socket says once a large write has gone out (porsager/postgres#823).
        for (const socket of sockets) socket.emit('drain');
        outside = insertTown(driver, 'Quyon').execute();
        await tx`select pg_sleep(0.1)`;
        throw new Error('rolled back');
      }),
    );
    expect(await rolledBack).toMatch(/rolled back/);
    await outside;
  } finally {
    net.Socket.prototype.write = write;
    await driver.end({ timeout: 1 });
  }
  expect([await stored('Pabos'), await stored('Quyon')]).toEqual([0, 1]);
});

test('a transaction committed behind its last statements keeps them all, or loses them all with the last one’s error', async () => {
  const kept = await transactionCommittedBehind(database.db, async (tx) => {
    await tx.insert(municipalities).values(town('Rawdon'));
    return { last: tx.insert(municipalities).values(town('Sutton')).returning({ name: municipalities.name }) };
  });
  expect(kept).toEqual([{ name: 'Essai Sutton' }]);
  expect([await stored('Rawdon'), await stored('Sutton')]).toEqual([1, 1]);
  // A last statement refused after the COMMIT went out, another behind it: the COMMIT rolls
  // everything back, and the refused statement's own error is thrown.
  const refused = refusalCode(
    transactionCommittedBehind(database.db, async (tx) => {
      await tx.insert(municipalities).values(town('Tadoussac'));
      return { last: Promise.all([tx.execute(sql`select 1 / 0`), tx.insert(municipalities).values(town('Upton'))]) };
    }),
  );
  expect(await refused).toBe('22012');
  expect([await stored('Tadoussac'), await stored('Upton')]).toEqual([0, 0]);
  // A statement refused outside the last ones: a COMMIT answered by ROLLBACK is not taken as done.
  const unseen = failure(
    transactionCommittedBehind(database.db, async (tx) => {
      await tx.insert(municipalities).values(town('Upton Sud'));
      tx.execute(sql`select 1 / 0`).catch(() => {});
      return { last: Promise.resolve('fait') };
    }),
  );
  expect(await unseen).toMatch(/division by zero/);
  expect(await stored('Upton Sud')).toBe(0);
  // Refused in its body, before its last statements: rolled back as any transaction.
  const early = failure(
    transactionCommittedBehind(database.db, async (tx) => {
      await tx.insert(municipalities).values(town('Val-David'));
      throw new Error('refused before the last statements');
    }),
  );
  expect(await early).toMatch(/refused before the last statements/);
  expect(await stored('Val-David')).toBe(0);
  // The pool's connections are outside any transaction after it.
  const states = await Promise.all(
    Array.from({ length: 10 }, () =>
      queryRows<{ isInTransaction: boolean }>(database.db, sql`select now() <> statement_timestamp() as "isInTransaction"`),
    ),
  );
  expect(states.flat().map((row) => row.isInTransaction)).toEqual(Array(10).fill(false));
});

test('a prepared statement refused inside a transaction committed behind it is not sent again after its COMMIT', async () => {
  // The statement PostgreSQL no longer knows (deallocated) is one the driver would send again
  // once refused: behind the COMMIT, it would run alone, outside the transaction.
  const refused = refusalCode(
    withPreparedStatements(() =>
      transactionCommittedBehind(database.db, async (tx) => {
        await tx.insert(municipalities).values(town('Warwick'));
        await tx.execute(sql`deallocate all`);
        return { last: tx.insert(municipalities).values(town('Yamachiche')) };
      }),
    ),
  );
  expect(await refused).toBe('26000');
  expect([await stored('Warwick'), await stored('Yamachiche')]).toEqual([0, 0]);
});
