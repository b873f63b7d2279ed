// The conformance suite of @ringside/adapter-kit against createOpenApiAdapter talking over HTTP to
// a freshly started reference server (127.0.0.1, in-memory PGlite). Each check gets a fresh
// tenant, so checks see the demo data as it was seeded and never each other's changes, and
// every answer is checked against openapi/ringside.yaml.
import { defineConformanceTests, runConformance } from '@ringside/adapter-kit';
import { createOpenApiAdapter, getSession } from '@ringside/openapi-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './api-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const fixtures = { voucherCode: 'RS-DEMO-10' };

describe('reference server, business customer', () => {
  defineConformanceTests(describe, it, () => server.adapterForNewTenant('business'), { fixtures });
});

describe('reference server, other customers', () => {
  it('passes for the residential customer (no extensions, no hunt groups)', async () => {
    const report = await runConformance(() => server.adapterForNewTenant('residential'), { fixtures });
    expect(report.results.filter((result) => result.status === 'failed')).toEqual([]);
    expect(report.results.find((result) => result.id === 'contract.undeclared-domains')?.status).toBe('passed');
  }, 120_000);

  it('passes with writes and features the client declares off, which answer unsupported without a request', async () => {
    const create = async () => {
      const { token } = await server.addTenant('business');
      const { capabilities } = await getSession({ baseUrl: server.api, getToken: () => token });
      capabilities.tickets.read = capabilities.tickets.write = false;
      capabilities.schedules.write = false;
      Object.assign(capabilities.payments, { autoPay: false, savedMethods: false });
      capabilities.billing.charges = false;
      return createOpenApiAdapter({ baseUrl: server.api, getToken: () => token, capabilities });
    };
    const report = await runConformance(create, { fixtures });
    expect(report.results.filter((result) => result.status === 'failed')).toEqual([]);
    for (const id of ['contract.undeclared-domains', 'contract.undeclared-writes', 'contract.undeclared-features']) {
      expect(report.results.find((result) => result.id === id)?.status, id).toBe('passed');
    }
  }, 120_000);

  it('passes for a customer opened today (no billing yet)', async () => {
    const report = await runConformance(() => server.adapterForNewTenant('new'), {});
    expect(report.results.filter((result) => result.status === 'failed')).toEqual([]);
  }, 120_000);
});
