// Helpers for the API server's tests: a server on 127.0.0.1 with a fresh in-memory PGlite, fresh
// tenants (copies of the demo customers) to sign in as, and plain HTTP calls.
import { randomBytes } from 'node:crypto';
import { createSeedData, type CustomerData, type DemoCustomerId } from '@ringside/adapter-memory';
import { connectOpenApiAdapter, type OpenApiAdapter } from '@ringside/openapi-client';
import { hashToken, newToken } from '../src/api/auth.js';
import { hashPassword } from '../src/db/passwords.js';
import { insertTenant } from '../src/db/seed.js';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../src/api/index.js';

export interface Tenant {
  customerId: string;
  username: string;
  password: string;
  token: string;
}

export interface TestServer extends ApiServer {
  api: string;
  /** A new customer with the data of a demo customer, and a signed-in user of it. */
  addTenant(kind?: DemoCustomerId, change?: (data: CustomerData) => void): Promise<Tenant>;
  signIn(username: string, password: string): Promise<string>;
  /** An adapter for a fresh tenant, with the capabilities its session declares. */
  adapterForNewTenant(kind?: DemoCustomerId): Promise<OpenApiAdapter>;
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit }): Promise<{ status: number; headers: Headers; body: any }>;
}

export const TEST_PASSWORD = 'test-password';

export async function startTestServer(options: ApiServerOptions = {}): Promise<TestServer> {
  const errors: unknown[] = [];
  const server = await startApiServer({
    port: 0,
    validateResponses: true,
    logError: (message, error) => {
      errors.push(error);
      console.error(message, error);
    },
    ...options,
  });
  const api = `${server.url}/api/v1`;
  const passwordHash = await hashPassword(TEST_PASSWORD);

  async function call(method: string, path: string, { token, body, headers = {}, raw }: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}) {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as any };
  }

  async function signIn(username: string, password: string): Promise<string> {
    const { status, body } = await call('POST', '/session', { body: { username, password } });
    if (status !== 201) throw new Error(`sign-in as ${username} answered ${status}: ${JSON.stringify(body)}`);
    return body.token;
  }

  async function addTenant(kind: DemoCustomerId = 'business', change?: (data: CustomerData) => void): Promise<Tenant> {
    const suffix = randomBytes(5).toString('hex');
    const data = structuredClone(createSeedData()[kind]);
    data.id = `cust-test-${suffix}`;
    change?.(data);
    const user = { id: `user-test-${suffix}`, username: `test-${kind}-${suffix}`, name: `Tester ${suffix}`, password: TEST_PASSWORD };
    // The session is written directly (sign-in itself is tested elsewhere): scrypt per tenant would slow the suite.
    const token = newToken();
    await server.db.transaction(async (tx) => {
      await insertTenant(tx, data, [user], new Map([[user.id, passwordHash]]));
      await tx.query(`INSERT INTO sessions (token_hash, user_id, customer_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [hashToken(token), user.id, data.id]);
    });
    return { customerId: data.id, username: user.username, password: TEST_PASSWORD, token };
  }

  async function adapterForNewTenant(kind: DemoCustomerId = 'business'): Promise<OpenApiAdapter> {
    const { token } = await addTenant(kind);
    return connectOpenApiAdapter({ baseUrl: api, getToken: () => token });
  }

  return {
    ...server,
    api,
    addTenant,
    signIn,
    adapterForNewTenant,
    call,
    async close() {
      await server.close();
      if (errors.length) throw new Error(`the server logged ${errors.length} error(s); see above`);
    },
  };
}
