/**
 * The one database module. `DATABASE_URL` set → a real PostgreSQL server through postgres.js;
 * unset → the embedded PostgreSQL (PGlite) persisted in `.data/pglite`, locked to this process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema';
import { lockDataDir } from './embedded-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What data functions take first: the database or a transaction. */
export type Executor = Db | Tx;

export type AppDatabase = {
  db: Db;
  kind: 'postgres' | 'embedded';
  /** Applies the committed migrations (serialized across instances on a real server). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
export const DEFAULT_EMBEDDED_DIR = path.join(process.cwd(), '.data', 'pglite');
/** Any constant: the key of the advisory lock that serializes migrations of several instances. */
const MIGRATION_LOCK_KEY = 72_420_001;
/** How long closing waits for queries still running before it cuts the connections. */
const CLOSE_GRACE_SECONDS = 5;

/** Longest statement kept prepared on a connection: past it, a statement is a bulk one, planned once. */
const PREPARED_STATEMENT_MAX_LENGTH = 8_000;

declare global {
  var __preparingStatements: AsyncLocalStorage<true> | undefined;
}

// One per process, as the database is (getAppDatabase): the server's bundles each hold their own
// copy of this module, and the driver may have been opened by another copy than the caller's.
const preparing = (globalThis.__preparingStatements ??= new AsyncLocalStorage<true>());

/**
 * Runs `work` with the statements it sends prepared on their connection: postgres.js keeps each
 * one by its text and PostgreSQL parses it once and, after a few runs, keeps one plan for all its
 * values. For lookups by key, whose best plan does not depend on the values (the session's user,
 * the dispatch API, saving a call): parsing and planning again was most of PostgreSQL's work
 * there. Everything else is planned for its own values each time (Drizzle's unnamed statements):
 * a search planned once for all its values ran up to nine times slower.
 */
export function withPreparedStatements<T>(work: () => Promise<T>): Promise<T> {
  return preparing.run(true, work);
}

/**
 * A transaction whose last writes are not waited for before its COMMIT: `work` reads and checks
 * what it needs, then starts its last statements and hands back their promise (`last`). The
 * COMMIT goes out right behind them, in the same round trip, where it would otherwise wait one
 * round trip for their answer: under load, each round trip is one more wait for the server's turn.
 * Every last statement must be started before `work` returns: one sent only once another has
 * answered would come after the COMMIT.
 *
 * A last statement that PostgreSQL refuses leaves the transaction failed; the COMMIT is then
 * answered by ROLLBACK, which the driver throws (scripts/patch-postgres.mjs; PGlite does so
 * itself), and the refused statement's own error is thrown here, as from any transaction. The
 * driver sends no refused statement again in a failed transaction, where it would run after the
 * COMMIT. Nothing is taken as done before the COMMIT is answered. Only PostgreSQL's refusals roll
 * back: what `last` does with the rows in its own code must not fail. And as with any COMMIT, a
 * connection lost before its answer leaves the outcome unknown; here that moment starts with the
 * last statements.
 *
 * The last statements reach the driver through a few promise steps: one turn of the event loop
 * later they are queued on the transaction's connection (or the embedded database's queue),
 * ahead of the COMMIT, which goes out after them.
 */
export async function transactionCommittedBehind<T>(db: Db, work: (tx: Tx) => Promise<{ last: Promise<T> }>): Promise<T> {
  let last: Promise<T> | undefined;
  try {
    await db.transaction(async (tx) => {
      // Started once: a query of Drizzle's runs again each time it is awaited.
      last = Promise.resolve((await work(tx)).last);
      // Handled while the COMMIT is in flight; awaited, with its error, once the COMMIT is answered.
      last.catch(() => {});
      await new Promise((resolve) => setImmediate(resolve));
    });
  } catch (error) {
    // Rolled back: a refused last statement says why, else the transaction's own error.
    await last;
    throw error;
  }
  return last!;
}

/**
 * The driver as Drizzle sees it: a statement with parameters, sent within
 * `withPreparedStatements`, is prepared (Drizzle prepares none of its own). Statements without
 * parameters keep the simple protocol; long ones (bulk inserts) are never kept.
 */
function preparingDriver<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  // A transaction (begin) and a savepoint hand their body a driver of their own: it prepares too.
  const scoped =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const body = args.pop() as (scope: postgres.TransactionSql) => unknown;
      return open(...args, (scope: postgres.TransactionSql) => body(preparingDriver(scope)));
    };
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'unsafe')
        return (query: string, parameters?: unknown[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters as never, {
            ...queryOptions,
            prepare:
              queryOptions?.prepare === true ||
              (preparing.getStore() === true && (parameters?.length ?? 0) > 0 && query.length <= PREPARED_STATEMENT_MAX_LENGTH),
          });
      if (property === 'begin' || property === 'savepoint') return scoped(value as (...args: unknown[]) => unknown);
      return value;
    },
  });
}

export function openPostgres(url: string, options: { max?: number } = {}): AppDatabase {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(preparingDriver(client), { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // One dedicated connection holds the advisory lock while it migrates.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(single), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await single.end();
      }
    },
    // postgres.js 3.4 never ends a connection that lost a query to a broken socket
    // (porsager/postgres#1097): past the grace period the pool's sockets are destroyed.
    close: () => client.end({ timeout: CLOSE_GRACE_SECONDS }),
  };
}

export function openEmbedded(dataDir: string): AppDatabase {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const release = lockDataDir(dataDir, path.join(parent, `${path.basename(dataDir)}.lock`));
  mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, { extensions: { pg_trgm } });
  const pgliteDb = drizzlePglite(pglite, { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'embedded',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

declare global {
  var __appDatabase: AppDatabase | undefined;
}

/** The process's database, opened on first use (kept across hot reloads in development). */
export function getAppDatabase(): AppDatabase {
  globalThis.__appDatabase ??= process.env.DATABASE_URL
    ? openPostgres(process.env.DATABASE_URL)
    : openEmbedded(process.env.EMBEDDED_DATA_DIR ?? DEFAULT_EMBEDDED_DIR);
  return globalThis.__appDatabase;
}

export function getDb(): Db {
  return getAppDatabase().db;
}

/** The embedded database is the zero-setup demo: its sign-in page lists the demo users. */
export function isDemoMode(): boolean {
  return !process.env.DATABASE_URL || process.env.DEMO_MODE === '1';
}

/**
 * Rows of a raw SQL query on either driver (postgres.js returns an array of rows, PGlite an
 * object with `rows`). For hand-written set-based SQL that Drizzle's builder does not express.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
