import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What queries need: PGlite, a pg pool, or a transaction of either. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`: a real PostgreSQL through `pg`. Wins over `dataDir`. */
  url?: string;
  /** A directory for an embedded PostgreSQL (PGlite) that survives restarts; in memory when absent. */
  dataDir?: string;
  /** Connections of the pg pool (default 10). */
  poolSize?: number;
}

/** Opens the database the options name: PostgreSQL by URL, else PGlite on disk or in memory. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize) : openPGlite(options.dataDir);
}

/**
 * Embedded PostgreSQL. PGlite has one connection and runs one query or transaction at a time;
 * concurrent requests queue. Files are written as PostgreSQL writes them (WAL first), so a
 * killed process loses no committed transaction.
 */
export async function openPGlite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const run = async <R,>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<R>(sql, params ? [...params] : undefined);
    return { rows: result.rows };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    close: () => db.close(),
  };
}

/** A real PostgreSQL: a `pg` pool; a transaction holds one client from BEGIN to COMMIT. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  const run = async <R,>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const result = await target.query(sql, params ? [...params] : undefined);
    return { rows: result.rows as R[] };
  };
  await run(pool, 'SELECT 1');
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
