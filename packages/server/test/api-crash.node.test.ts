// Crash safety: the server runs as a child process on a file-backed PGlite; writes are fired at
// it and it is killed with SIGKILL while some are in flight. After a restart on the same files,
// every acknowledged write is there, and no record is half-written: each payment has its
// idempotency key and its effect on the balance, each hunt group all its members, each ticket
// its first message. Retrying every attempted payment with its key then charges each exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';

const RUN = resolve(dirname(fileURLToPath(import.meta.url)), '../src/api/run.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'ringside-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `run.mjs` on the data folder and resolves with its URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [RUN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RINGSIDE_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: `${match[1]}/api/v1`, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

async function call(url: string, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function signIn(url: string): Promise<string> {
  const { status, body } = await call(url, 'POST', '/session', null, { username: 'demo-business', password: 'ringside-demo' });
  expect(status).toBe(201);
  return body.token;
}

const exited = (child: ChildProcess) => new Promise<void>((resolvePromise) => (child.exitCode !== null || child.signalCode !== null ? resolvePromise() : child.once('exit', () => resolvePromise())));

describe('killing the server in the middle of writes', () => {
  it('loses no acknowledged write and leaves no half-written record', async () => {
    const first = await startServer();
    const token = await signIn(first.url);
    const startBalance = (await call(first.url, 'GET', '/billing/balance', token)).body.balance as number;

    const attemptedKeys: string[] = [];
    const acknowledged = { payments: new Map<string, string>(), groups: [] as string[], tickets: [] as string[] };
    let killed = false;
    let n = 0;
    const payment = { amount: { amount: 5, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' } };

    // Eight writers in parallel, each a multi-row transaction, until the server dies under them.
    const writer = async (w: number) => {
      while (!killed) {
        const i = n++;
        try {
          if (i % 3 === 0) {
            const key = `crash-pay-${i}`;
            attemptedKeys.push(key);
            const { status, body } = await call(first.url, 'POST', '/payments', token, payment, { 'Idempotency-Key': key });
            if (status === 201) acknowledged.payments.set(key, body.id);
          } else if (i % 3 === 1) {
            const number = String(300 + i);
            const { status, body } = await call(first.url, 'POST', '/hunt-groups', token, {
              number: number.slice(-3),
              name: `Crash group ${i}`,
              sequence: 'order',
              callerIdMode: 'keep_original',
              pickupAllowed: false,
              members: [
                { extensionId: 'ext-1', ringDelay: 0, ringTime: 20, ignoreFollowMe: false, primary: false },
                { extensionId: 'ext-2', ringDelay: 5, ringTime: 20, ignoreFollowMe: false, primary: false },
              ],
              includedGroups: [],
            });
            if (status === 201) acknowledged.groups.push(body.id);
          } else {
            const { status, body } = await call(first.url, 'POST', '/tickets', token, { subject: `Crash ticket ${i} (${w})`, description: 'written before the crash' });
            if (status === 201) acknowledged.tickets.push(body.id);
          }
        } catch {
          // the connection died with the server
        }
        if (!killed && acknowledged.payments.size + acknowledged.groups.length + acknowledged.tickets.length >= 60) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(attemptedKeys.length).toBeGreaterThan(acknowledged.payments.size);

    // Restart on the same files: PostgreSQL recovers from its WAL.
    const second = await startServer();
    const token2 = await signIn(second.url);
    for (const [key, id] of acknowledged.payments) {
      const { status, body } = await call(second.url, 'GET', `/payments/${id}`, token2);
      expect(status, `payment ${key}`).toBe(200);
      expect(body).toMatchObject({ id, status: 'succeeded', amount: payment.amount });
    }
    for (const id of acknowledged.groups) {
      const { status, body } = await call(second.url, 'GET', `/hunt-groups/${id}`, token2);
      expect(status, `group ${id}`).toBe(200);
      expect(body.members).toHaveLength(2);
    }
    for (const id of acknowledged.tickets) {
      const { status, body } = await call(second.url, 'GET', `/tickets/${id}/messages`, token2);
      expect(status, `ticket ${id}`).toBe(200);
      expect(body.items[0].body).toBe('written before the crash');
    }

    // A client retries every payment it sent with the same key: each is charged exactly once.
    for (const key of attemptedKeys) {
      const { status, body } = await call(second.url, 'POST', '/payments', token2, payment, { 'Idempotency-Key': key });
      expect(status).toBe(201);
      if (acknowledged.payments.has(key)) expect(body).toMatchObject({ id: acknowledged.payments.get(key), replayed: true });
    }
    const endBalance = (await call(second.url, 'GET', '/billing/balance', token2)).body.balance as number;
    expect(Math.round((startBalance - endBalance) * 100)).toBe(attemptedKeys.length * 500);

    second.child.kill('SIGTERM');
    await exited(second.child);

    // The files themselves: every record whole.
    const db = await openDatabase({ dataDir });
    try {
      const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]!.n);
      expect(await count(`SELECT count(*)::int AS n FROM payments WHERE customer_id = 'cust-harbor'`)).toBe(attemptedKeys.length);
      expect(await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE customer_id = 'cust-harbor' AND scope = 'payment'`)).toBe(attemptedKeys.length);
      expect(await count(`SELECT count(*)::int AS n FROM hunt_groups g WHERE name LIKE 'Crash group%' AND (SELECT count(*) FROM hunt_group_members m WHERE m.customer_id = g.customer_id AND m.group_id = g.id) <> 2`)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM tickets t WHERE subject LIKE 'Crash ticket%' AND NOT EXISTS (SELECT 1 FROM ticket_messages m WHERE m.customer_id = t.customer_id AND m.ticket_id = t.id)`)).toBe(0);
    } finally {
      await db.close();
    }
  }, 180_000);
});
