import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { openDatabase, type Database, type DatabaseOptions } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seedDemoData } from '../db/seed.js';
import { createApiApp, type ApiAppOptions } from './app.js';

/** Opens the database (PostgreSQL by URL, else PGlite on disk or in memory), migrates it and seeds the demo tenants when empty. */
export async function prepareDatabase(options: DatabaseOptions & { seed?: boolean } = {}): Promise<Database> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
    if (options.seed !== false) await seedDemoData(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

export interface ApiServerOptions extends Omit<ApiAppOptions, 'db'>, DatabaseOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** An open database to use instead of opening one. */
  db?: Database;
  /** Seed the demo tenants into an empty database (default true). */
  seed?: boolean;
}

export interface ApiServer {
  url: string;
  port: number;
  db: Database;
  server: Server;
  /** Stops taking connections, waits for the open ones, closes the database. */
  close(): Promise<void>;
}

/** The reference server on its own: the API under /api/v1 and nothing else. */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const db = options.db ?? (await prepareDatabase(options));
  const app = await createApiApp({ ...options, db });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (!options.db) await db.close();
    },
  };
}
