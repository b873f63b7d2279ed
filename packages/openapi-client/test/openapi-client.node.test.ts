import { NO_CAPABILITIES, RingsideError, requireSection } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { OPENAPI_CAPABILITIES, connectOpenApiAdapter, createOpenApiAdapter, signIn, signOut } from '../src/index.js';

const BASE = 'http://api.test/api/v1';

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

type Reply = Response | (() => Response | Promise<Response>) | Error;

/** A fetch that records every request and answers from a queue (the last answer repeats). */
function fakeFetch(...replies: Reply[]) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: request.body ? await request.text() : '' });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const errorBody = (code: string, message = 'nope', extra: Record<string, unknown> = {}): Record<string, unknown> => ({ code, message, ...extra });

async function rejection(promise: Promise<unknown>): Promise<RingsideError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RingsideError);
    return error as RingsideError;
  }
  throw new Error('expected a rejection');
}

const page = (items: unknown[] = []) => ({ items, total: items.length, page: 1, pageSize: 50 });

describe('createOpenApiAdapter: requests', () => {
  it('sends the bearer token from getToken on every call, and none when there is no token', async () => {
    const { fetch, seen } = fakeFetch(json(200, { items: [] }));
    let token: string | null = 'secret-1';
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => token, fetch });
    await adapter.extensions!.listPhoneLines();
    token = null;
    await adapter.extensions!.listPhoneLines();
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer secret-1');
    expect(seen[1]!.headers.get('authorization')).toBeNull();
    expect(seen[0]!.url.pathname).toBe('/api/v1/phone-lines');
  });

  it('asks for a token per request (an async getToken is awaited)', async () => {
    const { fetch, seen } = fakeFetch(json(200, page()));
    let calls = 0;
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: async () => `t${++calls}`, fetch });
    await adapter.schedules!.list({});
    await adapter.schedules!.list({});
    expect(seen.map((request) => request.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('serializes paging, sorting, search and filters with the one list convention', async () => {
    const { fetch, seen } = fakeFetch(json(200, page()));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await adapter.extensions!.list({
      page: 2,
      pageSize: 25,
      sort: [
        { field: 'name', direction: 'asc' },
        { field: 'number', direction: 'desc' },
      ],
      search: 'okafor',
      filter: { groupId: 'hg-1' },
    });
    await adapter.tickets!.list({ filter: { status: ['new', 'open'], createdAfter: '2024-01-01T00:00:00Z' } });
    await adapter.huntGroups!.list({});
    const [extensions, tickets, groups] = seen;
    expect(Object.fromEntries(extensions!.url.searchParams)).toEqual({
      page: '2',
      pageSize: '25',
      sort: 'name:asc,number:desc',
      search: 'okafor',
      'filter[groupId]': 'hg-1',
    });
    expect(Object.fromEntries(tickets!.url.searchParams)).toEqual({ 'filter[status]': 'new,open', 'filter[createdAfter]': '2024-01-01T00:00:00Z' });
    expect(groups!.url.search).toBe('');
  });

  it('sends If-Match with the version as an entity tag, and only the input fields', async () => {
    const extension = { id: 'ext-1', version: '4', number: '101', name: 'Front desk', phoneLineId: null, primaryGroupId: null, published: true, hasRecordedName: false, groupIds: [] };
    const { fetch, seen } = fakeFetch(json(200, { ...extension, version: '5' }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const updated = await adapter.extensions!.update('ext-1', extension, { ifMatch: '4' });
    expect(updated.version).toBe('5');
    expect(seen[0]!.method).toBe('PUT');
    expect(seen[0]!.url.pathname).toBe('/api/v1/extensions/ext-1');
    expect(seen[0]!.headers.get('if-match')).toBe('"4"');
    expect(JSON.parse(seen[0]!.body)).toEqual({ number: '101', name: 'Front desk', phoneLineId: null, primaryGroupId: null, published: true });
  });

  it('deletes without If-Match when no version is given (a deliberate overwrite)', async () => {
    const { fetch, seen } = fakeFetch(new Response(null, { status: 204 }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await expect(adapter.schedules!.delete('sch-1')).resolves.toBeUndefined();
    expect(seen[0]!.method).toBe('DELETE');
    expect(seen[0]!.headers.get('if-match')).toBeNull();
  });

  it('sends the idempotency key as a header, never in the body', async () => {
    const result = { id: 'pay-1', status: 'succeeded', amount: { amount: 20, currency: 'USD' }, reference: 'R-1' };
    const { fetch, seen } = fakeFetch(json(201, result));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await expect(
      adapter.payments!.makePayment({ amount: { amount: 20, currency: 'USD' }, source: { savedMethodId: 'pm-1' }, idempotencyKey: 'key-123' }),
    ).resolves.toEqual(result);
    expect(seen[0]!.headers.get('idempotency-key')).toBe('key-123');
    expect(JSON.parse(seen[0]!.body)).toEqual({ amount: { amount: 20, currency: 'USD' }, source: { savedMethodId: 'pm-1' } });
  });

  it('uploads an attachment as the raw file with its media type and name', async () => {
    const attachment = { id: 'att-1', name: 'notes.txt', size: 5, contentType: 'text/plain' };
    const { fetch, seen } = fakeFetch(json(201, attachment));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const progress: [number, number][] = [];
    const file = new Blob(['hello'], { type: 'text/plain' });
    await expect(adapter.tickets!.uploadAttachment(file, 'notes.txt', { onProgress: (sent, total) => progress.push([sent, total]) })).resolves.toEqual(attachment);
    expect(seen[0]!.url.searchParams.get('name')).toBe('notes.txt');
    expect(seen[0]!.headers.get('content-type')).toBe('text/plain');
    expect(seen[0]!.body).toBe('hello');
    expect(progress).toEqual([
      [0, 5],
      [5, 5],
    ]);
  });

  it('keeps empty strings in bodies (an empty ticket description is a description)', async () => {
    const ticket = { id: '1', version: '1', subject: 's', status: 'new', priority: null, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', requestors: [], category: [], accountId: null, escalated: false };
    const { fetch, seen } = fakeFetch(json(201, ticket));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await adapter.tickets!.create({ subject: 's', description: '' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ subject: 's', description: '' });
  });

  it('answers null for an account without billing (204)', async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 204 }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await expect(adapter.billing!.getBalance()).resolves.toBeNull();
  });

  it('unwraps list envelopes that are not paged (charges, phone lines, payment methods)', async () => {
    const charges = [{ date: '2024-05-01', service: 'calls', amount: 3.5 }];
    const { fetch, seen } = fakeFetch(json(200, { items: charges }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    await expect(adapter.billing!.getCharges({ from: '2024-05-01', to: '2024-05-31' })).resolves.toEqual(charges);
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({ from: '2024-05-01', to: '2024-05-31' });
  });
});

describe('createOpenApiAdapter: errors', () => {
  const cases: [number, string, boolean][] = [
    [400, 'validation', false],
    [401, 'unauthorized', false],
    [402, 'payment_declined', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [412, 'conflict', false],
    [413, 'validation', false],
    [415, 'validation', false],
    [422, 'validation', false],
    [429, 'rate_limited', true],
    [500, 'unavailable', true],
    [501, 'unsupported', false],
    [502, 'unavailable', true],
    [503, 'unavailable', true],
  ];
  for (const [status, code, retryable] of cases) {
    it(`maps HTTP ${status} to ${code}`, async () => {
      const { fetch } = fakeFetch(json(status, errorBody(code)));
      const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
      const error = await rejection(adapter.extensions!.get('ext-1'));
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(retryable);
      expect(error.detail).toContain(`HTTP ${status}`);
    });
  }

  it('keeps the per-field reasons of a validation error', async () => {
    const body = errorBody('validation', 'The request is not valid.', {
      fields: [
        { field: 'number', reason: 'taken' },
        { field: 'name', reason: 'too_long', params: { max: 100 } },
      ],
    });
    const { fetch } = fakeFetch(json(400, body));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const error = await rejection(adapter.extensions!.create({ number: '101', name: 'x' }));
    expect(error.fields).toEqual(body.fields);
    expect(error.reasonsFor('name')[0]!.params).toEqual({ max: 100 });
  });

  it('names a too-large body even when the server (or a proxy) gave no fields', async () => {
    const { fetch } = fakeFetch(new Response('<html>413 Request Entity Too Large</html>', { status: 413, headers: { 'Content-Type': 'text/html' } }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const error = await rejection(adapter.tickets!.uploadAttachment(new Blob(['x']), 'x.bin'));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ field: 'body', reason: 'too_large' }]);
  });

  it('reads Retry-After on 429, in seconds or as a date', async () => {
    const { fetch } = fakeFetch(json(429, errorBody('rate_limited'), { 'Retry-After': '7' }), json(429, errorBody('rate_limited'), { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    expect((await rejection(adapter.schedules!.list({}))).retryAfter).toBe(7);
    const later = (await rejection(adapter.schedules!.list({}))).retryAfter!;
    expect(later).toBeGreaterThanOrEqual(28);
    expect(later).toBeLessThanOrEqual(31);
  });

  it('never lets server text become a field reason or anything but detail', async () => {
    const body = { code: 'validation', message: '<img src=x onerror=alert(1)>', fields: [{ field: 'name', reason: '<b>bad</b>', params: { evil: { nested: 1 }, ok: 3 } }, 'junk'] };
    const { fetch } = fakeFetch(json(400, body));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const error = await rejection(adapter.schedules!.create({ name: 'x', period: 'wd {mo}', timeZone: 'UTC' }));
    expect(error.fields).toEqual([{ field: 'name', reason: 'invalid', params: { ok: 3 } }]);
    expect(error.detail).toContain('<img');
    expect(error.code).toBe('validation');
  });

  it('takes the retry hint of the error body over the default of its code', async () => {
    const { fetch } = fakeFetch(json(503, { code: 'unavailable', message: 'maintenance', retryable: false }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    expect((await rejection(adapter.schedules!.list({}))).retryable).toBe(false);
  });

  it('maps a failed fetch (TypeError) to network, retryable', async () => {
    const { fetch } = fakeFetch(new TypeError('fetch failed'));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    const error = await rejection(adapter.billing!.getBalance());
    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('maps an abort to network', async () => {
    const controller = new AbortController();
    controller.abort();
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch: globalThis.fetch });
    expect((await rejection(adapter.billing!.getBalance({ signal: controller.signal }))).code).toBe('network');
  });

  it('maps an unreadable success answer to invalid_response', async () => {
    const { fetch } = fakeFetch(new Response('{not json', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    expect((await rejection(adapter.extensions!.settings())).code).toBe('invalid_response');
  });
});

describe('capabilities', () => {
  it('declares everything the YAML describes by default', () => {
    const adapter = createOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch: fakeFetch(json(200, {})).fetch });
    expect(adapter.capabilities).toEqual(OPENAPI_CAPABILITIES);
    for (const domain of ['billing', 'extensions', 'huntGroups', 'schedules', 'payments', 'tickets'] as const) expect(adapter[domain]).toBeDefined();
  });

  it('leaves out sections the account cannot read, and refuses writes it cannot do without a request', async () => {
    const { fetch, seen } = fakeFetch(json(200, {}));
    const adapter = createOpenApiAdapter({
      baseUrl: BASE,
      getToken: () => 't',
      fetch,
      capabilities: { ...NO_CAPABILITIES, schedules: { read: true, write: false } },
    });
    expect(adapter.extensions).toBeUndefined();
    expect(() => requireSection(adapter, 'extensions')).toThrow(RingsideError);
    const error = await rejection(adapter.schedules!.create({ name: 'x', period: 'wd {mo}', timeZone: 'UTC' }));
    expect(error.code).toBe('unsupported');
    expect(seen).toHaveLength(0);
  });

  it('connectOpenApiAdapter reads the capabilities of the signed-in account from GET /session', async () => {
    const capabilities = { ...NO_CAPABILITIES, billing: { read: true, write: false, charges: false } };
    const session = { user: { id: 'u1', username: 'demo', name: 'Demo' }, customer: { id: 'c1', name: 'C' }, capabilities, expiresAt: '2030-01-01T00:00:00Z' };
    const { fetch, seen } = fakeFetch(json(200, session));
    const adapter = await connectOpenApiAdapter({ baseUrl: BASE, getToken: () => 't', fetch });
    expect(seen[0]!.url.pathname).toBe('/api/v1/session');
    expect(adapter.capabilities).toEqual(capabilities);
    expect(adapter.billing).toBeDefined();
    expect(adapter.tickets).toBeUndefined();
  });

  it('connectOpenApiAdapter rejects with unauthorized without a session', async () => {
    const { fetch } = fakeFetch(json(401, errorBody('unauthorized')));
    expect((await rejection(connectOpenApiAdapter({ baseUrl: BASE, getToken: () => null, fetch }))).code).toBe('unauthorized');
  });
});

describe('session helpers', () => {
  it('signIn posts the credentials and answers the token; signOut sends it', async () => {
    const newSession = { token: 'tok', session: { user: { id: 'u', username: 'demo', name: 'D' }, customer: { id: 'c', name: 'C' }, capabilities: OPENAPI_CAPABILITIES, expiresAt: '2030-01-01T00:00:00Z' } };
    const { fetch, seen } = fakeFetch(json(201, newSession), new Response(null, { status: 204 }));
    await expect(signIn({ baseUrl: BASE, fetch }, { username: 'demo', password: 'pw' })).resolves.toEqual(newSession);
    expect(JSON.parse(seen[0]!.body)).toEqual({ username: 'demo', password: 'pw' });
    expect(seen[0]!.headers.get('authorization')).toBeNull();
    await signOut({ baseUrl: BASE, getToken: () => 'tok', fetch });
    expect(seen[1]!.method).toBe('DELETE');
    expect(seen[1]!.headers.get('authorization')).toBe('Bearer tok');
  });

  it('signIn with wrong credentials rejects with unauthorized', async () => {
    const { fetch } = fakeFetch(json(401, errorBody('unauthorized', 'wrong username or password')));
    expect((await rejection(signIn({ baseUrl: BASE, fetch }, { username: 'x', password: 'y' }))).code).toBe('unauthorized');
  });
});
