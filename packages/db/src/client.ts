// Opens the SQL database behind one port: PostgreSQL through @prisma/adapter-pg when a URL is given,
// otherwise the embedded PGlite. Both hand out the same Prisma client and a small raw-SQL surface for
// the few things Prisma does not do (multi-statement migration scripts, LISTEN/NOTIFY).
import { createHash } from "node:crypto";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { listenPersistently } from "./listener";
import { DEFAULT_DATA_DIR } from "./paths";

export type DatabaseKind = "postgres" | "pglite";

/** One connection's worth of raw SQL: used for migrations and for anything that needs a session. */
export interface SqlSession {
  /** Runs one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** A connection pool's occupancy at one moment (for metrics). */
export interface PoolStats {
  /** Connections checked out: running a query or held by a session or transaction. */
  inUse: number;
  /** Open connections waiting in the pool. */
  idle: number;
  /** Callers waiting for a connection because every one is in use. */
  waiting: number;
  /** The most connections the pool opens. */
  max: number;
}

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Raw SQL on a connection from the pool (any connection; no session state survives between calls). */
  readonly sql: SqlSession;
  /** Runs `fn` on one dedicated connection (advisory locks, multi-step session work). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction on raw SQL, committed when it resolves and rolled back when it throws.
   * Much cheaper than an interactive Prisma transaction, for hot paths that are raw SQL anyway.
   */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on a channel; returns an unsubscribe function. If the connection drops it
   * listens again on a new one and calls `onGap`: what was notified in between is lost, so the caller
   * re-reads what it watches.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
  /** A description safe to log (no password). */
  readonly description: string;
  /**
   * The pool's occupancy now — Prisma's queries included, as Prisma runs on the same pool; null on
   * PGlite, which is one connection and no pool.
   */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

/**
 * A Prisma client (or interactive transaction) seen as a raw SQL session, so SQL written for the fast
 * raw path (`Database.transaction`) also runs inside the Prisma transactions of colder code paths.
 */
export function prismaSession(tx: Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">): SqlSession {
  return {
    async exec(sql) {
      await tx.$executeRawUnsafe(sql);
    },
    query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return tx.$queryRawUnsafe<Row[]>(sql, ...params);
    },
  };
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory for the embedded database (default `<repo>/.data`); PGlite lives in `<dataDir>/pglite`. */
  dataDir?: string | undefined;
  /** Keep the embedded database in memory only (tests). */
  inMemory?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /**
   * PostgreSQL cancels a statement that runs longer than this (default 30 s; 0 turns it off), so a
   * runaway query or a lock wait cannot hold a pooled connection forever.
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL ends a session that sits idle inside an open transaction longer than this (default
   * 60 s; 0 turns it off), releasing the row locks a stalled caller would otherwise keep.
   */
  idleInTransactionTimeoutMs?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, {
        max: options.poolSize ?? 10,
        statement_timeout: options.statementTimeoutMs ?? 30_000,
        idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
      })
    : openPGlite(options.inMemory ? undefined : path.join(options.dataDir ?? DEFAULT_DATA_DIR, "pglite"));
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://(unparseable url)";
  }
}

// Raw statements run as named prepared statements, so PostgreSQL parses and plans each text once per
// connection instead of on every call (on the saga's hot paths that parsing was most of its CPU).
// node-postgres prepares a name on a connection the first time it is used there. The texts are the
// code's own — fixed, or varying only in how many rows a VALUES list has — so the set stays small;
// past a cap, further texts run unnamed rather than growing every connection's statement cache.
const MAX_PREPARED = 256;
const statementNames = new Map<string, string>();

function statementName(sql: string): string | undefined {
  const known = statementNames.get(sql);
  if (known || statementNames.size >= MAX_PREPARED) return known;
  const name = `emporium_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
  statementNames.set(sql, name);
  return name;
}

function pgSession(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const name = statementName(sql);
      const result = await client.query<Row>(
        name ? { name, text: sql, values: params } : { text: sql, values: params },
      );
      return result.rows;
    },
  };
}

/**
 * Runs `fn` on a connection checked out of the pool. A checked-out connection that the server ends (a
 * timeout, a restart) emits an error no pool listener sees, which would crash the process; it is caught
 * here, the call fails instead, and the broken connection is discarded rather than pooled again.
 */
async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on("error", onError);
  try {
    return await fn(client);
  } finally {
    client.off("error", onError);
    client.release(broken ?? false);
  }
}

type PoolLimits = Required<
  Pick<pg.PoolConfig, "max" | "statement_timeout" | "idle_in_transaction_session_timeout">
>;

async function openPostgres(url: string, limits: PoolLimits): Promise<Database> {
  // The timeouts are sent as startup parameters: every pooled connection (Prisma's too) starts with them.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000, ...limits });
  // A dropped idle connection must not crash the process; the pool replaces it on the next checkout.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    sql: pgSession(pool),
    description: `PostgreSQL ${redact(url)}`,
    poolStats: () => ({
      inUse: pool.totalCount - pool.idleCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: limits.max,
    }),
    withSession: (fn) => withClient(pool, (client) => fn(pgSession(client))),
    transaction: (fn) =>
      withClient(pool, async (client) => {
        await client.query("BEGIN");
        try {
          const result = await fn(pgSession(client));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw err;
        }
      }),
    listen: (channel, onNotify, onGap) => listenPersistently({ url, channel, onNotify, onGap }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
  };
}

async function openPGlite(dir: string | undefined): Promise<Database> {
  // Loaded on demand: a process on PostgreSQL never pays for the WebAssembly Postgres.
  const [{ createPGlite }, { PrismaPGlite }] = await Promise.all([
    import("./pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const pglite = await createPGlite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const session = pgliteSession(pglite);
  return {
    kind: "pglite",
    prisma,
    sql: session,
    description: dir ? `PGlite (embedded) at ${dir}` : "PGlite (embedded, in memory)",
    poolStats: () => null,
    // PGlite is one connection: every caller already shares the one session.
    withSession: (fn) => fn(session),
    // PGlite's own transactions hold its connection exclusively, so Prisma's queries wait meanwhile.
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
            return (await tx.query<Row>(sql, params)).rows;
          },
        }),
      ),
    async listen(channel, onNotify) {
      return pglite.listen(channel, onNotify);
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
