// The same server on a real PostgreSQL (`DATABASE_URL`), where requests run in parallel on a
// pool: runs when RINGSIDE_TEST_DATABASE_URL names a server the tests may create databases on,
// e.g. `RINGSIDE_TEST_DATABASE_URL=postgres://ringside@127.0.0.1:55432/postgres`. Each run gets
// a fresh database, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { runConformance } from '@ringside/adapter-kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './api-helpers.js';

const adminUrl = process.env.RINGSIDE_TEST_DATABASE_URL;
const database = `ringside_test_${randomBytes(4).toString('hex')}`;

describe.skipIf(!adminUrl)('reference server on PostgreSQL', () => {
  let server: TestServer;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    server = await startTestServer({ url: url.toString() });
    expect(server.db.kind).toBe('postgres');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await admin(`DROP DATABASE IF EXISTS ${database}`);
  });

  it('passes the conformance suite through the OpenAPI adapter', async () => {
    const report = await runConformance(() => server.adapterForNewTenant('business'), { fixtures: { voucherCode: 'RS-DEMO-10' } });
    expect(report.results.filter((result) => result.status === 'failed')).toEqual([]);
    expect(report.passed).toBeGreaterThan(60);
  }, 180_000);

  it('gives a number to one of many parallel creations, and charges once for parallel retries of a payment', async () => {
    const t = await server.addTenant('business');
    const creations = await Promise.all(Array.from({ length: 12 }, (_, i) => server.call('POST', '/extensions', { token: t.token, body: { number: '999', name: `Racer ${i}` } })));
    expect(creations.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of creations.filter((candidate) => candidate.status !== 201)) expect(response.body.fields).toEqual([{ field: 'number', reason: 'taken' }]);

    const before = (await server.call('GET', '/billing/balance', { token: t.token })).body.balance;
    const payments = await Promise.all(
      Array.from({ length: 12 }, () =>
        server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'parallel' }, body: { amount: { amount: 7, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' } } }),
      ),
    );
    expect(new Set(payments.map((response) => response.body.id)).size).toBe(1);
    expect((await server.call('GET', '/billing/balance', { token: t.token })).body.balance).toBeCloseTo(before - 7, 2);
  }, 60_000);

  it('keeps customers apart', async () => {
    const a = await server.addTenant('business');
    const b = await server.addTenant('business');
    const created = await server.call('POST', '/schedules', { token: b.token, body: { name: 'B only', period: 'hr {9}', timeZone: 'UTC' } });
    expect((await server.call('GET', `/schedules/${created.body.id}`, { token: a.token })).status).toBe(404);
    expect((await server.call('GET', '/schedules?search=B%20only', { token: a.token })).body.total).toBe(0);
  });
});
