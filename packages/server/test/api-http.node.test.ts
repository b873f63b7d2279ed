// The reference server over HTTP: tenancy, the common error body (400/401/404/405/413/415/429),
// versions (ETag, If-Match, 412), idempotent payments and vouchers, and no leaked internals.
import { createOpenApiAdapter } from '@ringside/openapi-client';
import { RingsideError } from '@ringside/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, type Database } from '../src/api/index.js';
import { startTestServer, type Tenant, type TestServer } from './api-helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxJsonBytes: 16 * 1024 });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const schedule = (name: string) => ({ name, period: 'wd {mo-fr} hr {9-16}', timeZone: 'Europe/Berlin' });

/** The shape every error answer has, whatever the status. */
function expectErrorBody(body: unknown, code: string) {
  expect(body).toMatchObject({ code, message: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js|mjs):\d+|node_modules|Error:/);
}

describe('tenancy: one customer never reads or changes another’s data', () => {
  let a: Tenant;
  let b: Tenant;
  const bIds: Record<string, string> = {};

  beforeAll(async () => {
    a = await server.addTenant('business');
    b = await server.addTenant('business');
    const s = await server.call('POST', '/schedules', { token: b.token, body: schedule('B only schedule') });
    bIds.schedule = s.body.id;
    const e = await server.call('POST', '/extensions', { token: b.token, body: { number: '555', name: 'B only extension' } });
    bIds.extension = e.body.id;
    const g = await server.call('POST', '/hunt-groups', {
      token: b.token,
      body: { number: '556', name: 'B only group', sequence: 'order', callerIdMode: 'keep_original', pickupAllowed: false, members: [], includedGroups: [] },
    });
    bIds.group = g.body.id;
    const t = await server.call('POST', '/tickets', { token: b.token, body: { subject: 'B only ticket', description: 'secret' } });
    bIds.ticket = t.body.id;
    const m = await server.call('POST', '/payment-methods', { token: b.token, body: { kind: 'card', token: 'tok_visa', brand: 'visa', last4: '1111' } });
    bIds.method = m.body.id;
    const p = await server.call('POST', '/payments', { token: b.token, headers: { 'Idempotency-Key': 'shared-key-1' }, body: { amount: { amount: 10, currency: 'USD' }, source: { savedMethodId: bIds.method } } });
    bIds.payment = p.body.id;
    const u = await server.call('POST', '/attachments?name=b.txt', { token: b.token, headers: { 'Content-Type': 'text/plain' }, raw: 'B secret file' });
    bIds.attachment = u.body.id;
    for (const [what, id] of Object.entries(bIds)) expect(id, what).toEqual(expect.any(String));
  });

  it('answers 404 for every read of another customer’s ids, as for ids that do not exist', async () => {
    for (const path of [
      `/schedules/${bIds.schedule}`,
      `/extensions/${bIds.extension}`,
      `/hunt-groups/${bIds.group}`,
      `/tickets/${bIds.ticket}`,
      `/tickets/${bIds.ticket}/messages`,
      `/payments/${bIds.payment}`,
    ]) {
      const { status, body } = await server.call('GET', path, { token: a.token });
      expect(status, path).toBe(404);
      expectErrorBody(body, 'not_found');
    }
  });

  it('answers 404 for every change of another customer’s records, and changes nothing', async () => {
    const writes: [string, string, unknown?][] = [
      ['PUT', `/schedules/${bIds.schedule}`, schedule('taken over')],
      ['DELETE', `/schedules/${bIds.schedule}`],
      ['PUT', `/extensions/${bIds.extension}`, { number: '555', name: 'taken over' }],
      ['DELETE', `/extensions/${bIds.extension}`],
      ['DELETE', `/hunt-groups/${bIds.group}`],
      ['POST', `/tickets/${bIds.ticket}/messages`, { body: 'hello' }],
      ['PUT', `/tickets/${bIds.ticket}/status`, { status: 'resolved' }],
      ['POST', `/tickets/${bIds.ticket}/escalation`, { reason: 'now' }],
      ['DELETE', `/payment-methods/${bIds.method}`],
      ['POST', `/payment-methods/${bIds.method}/preferred`],
    ];
    for (const [method, path, body] of writes) {
      const response = await server.call(method, path, { token: a.token, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorBody(response.body, 'not_found');
    }
    expect((await server.call('GET', `/schedules/${bIds.schedule}`, { token: b.token })).body.name).toBe('B only schedule');
    expect((await server.call('GET', `/extensions/${bIds.extension}`, { token: b.token })).status).toBe(200);
    expect((await server.call('GET', `/tickets/${bIds.ticket}`, { token: b.token })).body.status).toBe('new');
  });

  it('rejects another customer’s ids inside bodies as unknown', async () => {
    const pay = await server.call('POST', '/payments', { token: a.token, headers: { 'Idempotency-Key': 'a-key-x' }, body: { amount: { amount: 10, currency: 'USD' }, source: { savedMethodId: bIds.method } } });
    expect(pay.status).toBe(400);
    expect(pay.body.fields).toContainEqual({ field: 'source.savedMethodId', reason: 'unknown' });
    const ticket = await server.call('POST', '/tickets', { token: a.token, body: { subject: 'steal', description: 'x', attachmentIds: [bIds.attachment] } });
    expect(ticket.status).toBe(400);
    expect(ticket.body.fields).toContainEqual({ field: 'attachmentIds.0', reason: 'unknown' });
    const group = await server.call('POST', '/hunt-groups', {
      token: a.token,
      body: { number: '557', name: 'x', sequence: 'order', callerIdMode: 'keep_original', pickupAllowed: false, members: [{ extensionId: bIds.extension, ringDelay: 0, ringTime: null, ignoreFollowMe: false, primary: false }], includedGroups: [] },
    });
    expect(group.status).toBe(400);
    expect(group.body.fields).toContainEqual({ field: 'members.0.extensionId', reason: 'unknown' });
  });

  it('never lists another customer’s records', async () => {
    const lists: [string, string][] = [
      ['/schedules?pageSize=500', bIds.schedule!],
      ['/extensions?pageSize=500', bIds.extension!],
      ['/hunt-groups?pageSize=500', bIds.group!],
      ['/tickets?pageSize=500', bIds.ticket!],
      ['/payment-methods', bIds.method!],
    ];
    for (const [path, id] of lists) {
      const { status, body } = await server.call('GET', path, { token: a.token });
      expect(status, path).toBe(200);
      expect(body.items.map((item: { id: string }) => item.id), path).not.toContain(id);
    }
    const searched = await server.call('GET', '/schedules?search=B%20only', { token: a.token });
    expect(searched.body).toMatchObject({ items: [], total: 0 });
  });

  it('keeps idempotency keys per customer', async () => {
    const methods = await server.call('GET', '/payment-methods', { token: a.token });
    const { status, body } = await server.call('POST', '/payments', {
      token: a.token,
      headers: { 'Idempotency-Key': 'shared-key-1' },
      body: { amount: { amount: 12, currency: 'USD' }, source: { savedMethodId: methods.body.items[0].id } },
    });
    expect(status).toBe(201);
    expect(body.replayed).toBeUndefined();
    expect(body.id).not.toBe(bIds.payment);
  });

  it('shows each user their own customer in the session', async () => {
    const mine = await server.call('GET', '/session', { token: a.token });
    expect(mine.body.customer.id).toBe(a.customerId);
    expect((await server.call('GET', '/session', { token: b.token })).body.customer.id).toBe(b.customerId);
  });
});

describe('the common error body', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await server.addTenant('business');
  });

  it('answers 400 naming every field that does not match the schema', async () => {
    const { status, body } = await server.call('POST', '/extensions', { token: t.token, body: { number: '12a', name: '', phoneLineId: 5, color: 'red' } });
    expect(status).toBe(400);
    expectErrorBody(body, 'validation');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: 'number', reason: 'digits_only' },
        { field: 'name', reason: 'required' },
        { field: 'phoneLineId', reason: 'invalid' },
        { field: 'color', reason: 'unknown_field' },
      ]),
    );
  });

  it('names nested fields by their path, and the branch of a payment source that was meant', async () => {
    const group = await server.call('POST', '/hunt-groups', {
      token: t.token,
      body: { number: '777', name: 'x', sequence: 'sometimes', callerIdMode: 'keep_original', pickupAllowed: false, members: [{ extensionId: 'ext-1', ringDelay: -1, ringTime: 9999, ignoreFollowMe: false, primary: false }], includedGroups: [] },
    });
    expect(group.status).toBe(400);
    expect(group.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'sequence', reason: 'invalid', params: { allowed: 'order, random, simultaneous, least_used' } },
        { field: 'members.0.ringDelay', reason: 'too_small', params: { min: 0 } },
        { field: 'members.0.ringTime', reason: 'too_large', params: { max: 600 } },
      ]),
    );
    const pay = await server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'k-branch' }, body: { amount: { amount: 10, currency: 'USD' }, source: { tokenized: { kind: 'card' } } } });
    expect(pay.status).toBe(400);
    expect(pay.body.fields).toEqual([{ field: 'source.tokenized.token', reason: 'required' }]);
  });

  it('answers 400 for business rules beyond the schema, with the shared rules’ reasons', async () => {
    const taken = await server.call('POST', '/extensions', { token: t.token, body: { number: '101', name: 'Twin' } });
    expect(taken.status).toBe(400);
    expect(taken.body.fields).toEqual([{ field: 'number', reason: 'taken' }]);
    const length = await server.call('POST', '/extensions', { token: t.token, body: { number: '1234', name: 'Long' } });
    expect(length.body.fields).toEqual([{ field: 'number', reason: 'length', params: { length: 3 } }]);
    const period = await server.call('POST', '/schedules', { token: t.token, body: { name: 'Broken', period: 'wd {mo-xx}', timeZone: 'Mars/Base' } });
    expect(period.status).toBe(400);
    expect(period.body.fields.map((field: { field: string; reason: string }) => `${field.field} ${field.reason}`)).toEqual(['period invalid', 'timeZone invalid']);
  });

  it('answers 400 for bad query parameters, headers and JSON', async () => {
    const query = await server.call('GET', '/extensions?page=0&pageSize=501&sort=color:asc&filter[nope]=1&extra=1', { token: t.token });
    expect(query.status).toBe(400);
    expect(query.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'page', reason: 'too_small', params: { min: 1 } },
        { field: 'pageSize', reason: 'too_large', params: { max: 500 } },
        { field: 'sort', reason: 'invalid' },
        { field: 'filter[nope]', reason: 'unknown_field' },
        { field: 'extra', reason: 'unknown_field' },
      ]),
    );
    const header = await server.call('POST', '/payments', { token: t.token, body: { amount: { amount: 10, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' } } });
    expect(header.status).toBe(400);
    expect(header.body.fields).toEqual([{ field: 'Idempotency-Key', reason: 'required' }]);
    const json = await server.call('POST', '/schedules', { token: t.token, raw: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(400);
    expect(json.body.fields).toEqual([{ field: 'body', reason: 'invalid_json' }]);
    const missing = await server.call('POST', '/schedules', { token: t.token, headers: { 'Content-Type': 'application/json' } });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([{ field: 'body', reason: 'required' }]);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { status, body } = await server.call('POST', '/schedules', { token: t.token, raw: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(status).toBe(415);
    expectErrorBody(body, 'validation');
  });

  it('answers 404 in the same body for unknown routes, inside and outside the API root, and 405 for a wrong method', async () => {
    for (const path of ['/nope', '/extensions/ext-1/nope', '/../../etc/passwd']) {
      const { status, body, headers } = await server.call('GET', path, { token: t.token });
      expect(status, path).toBe(404);
      expectErrorBody(body, 'not_found');
      expect(headers.get('content-type')).toMatch(/application\/json/);
    }
    const outside = await fetch(`${server.url}/not-the-api`);
    expect(outside.status).toBe(404);
    expectErrorBody(await outside.json(), 'not_found');
    const wrong = await server.call('PATCH', '/schedules', { token: t.token, body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expectErrorBody(wrong.body, 'not_found');
  });

  it('answers 413 for an oversized JSON body, and for an attachment above the customer’s limit', async () => {
    const big = await server.call('POST', '/schedules', { token: t.token, body: { name: 'x'.repeat(20_000), period: 'hr {9}', timeZone: 'UTC' } });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'validation', fields: [{ field: 'body', reason: 'too_large', params: { max: 16 * 1024 } }] });
    const small = await server.addTenant('business', (data) => {
      data.tickets.settings.attachments.maxBytes = 1000;
    });
    const upload = await server.call('POST', '/attachments?name=big.txt', { token: small.token, headers: { 'Content-Type': 'text/plain' }, raw: 'x'.repeat(1001) });
    expect(upload.status).toBe(413);
    expect(upload.body.fields).toContainEqual({ field: 'file', reason: 'too_large', params: { max: 1000 } });
    const wrongType = await server.call('POST', '/attachments?name=run.exe', { token: small.token, headers: { 'Content-Type': 'application/x-msdownload' }, raw: 'MZ' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.fields).toContainEqual({ field: 'file', reason: 'type', params: { types: 'image/png, image/jpeg, application/pdf, text/plain' } });
  });

  it('answers 413 for an upload above the server’s hard limit before reading it all', async () => {
    const huge = new Uint8Array(11 * 1024 * 1024);
    const { status, body } = await server.call('POST', '/attachments?name=huge.txt', { token: t.token, headers: { 'Content-Type': 'text/plain' }, raw: huge });
    expect(status).toBe(413);
    expect(body.fields).toEqual([{ field: 'file', reason: 'too_large', params: { max: 10 * 1024 * 1024 } }]);
  });

  it('answers 501 unsupported for a domain the customer’s account does not offer', async () => {
    const home = await server.addTenant('residential');
    const { status, body } = await server.call('GET', '/extensions', { token: home.token });
    expect(status).toBe(501);
    expectErrorBody(body, 'unsupported');
  });
});

describe('sessions', () => {
  it('answers 401 without a token, with an unknown one, and after signing out', async () => {
    const t = await server.addTenant('business');
    for (const token of [undefined, 'not-a-token']) {
      const { status, body, headers } = await server.call('GET', '/session', { token });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer');
      expectErrorBody(body, 'unauthorized');
    }
    expect((await server.call('DELETE', '/session', { token: t.token })).status).toBe(204);
    expect((await server.call('GET', '/schedules', { token: t.token })).status).toBe(401);
  });

  it('makes the OpenAPI adapter raise unauthorized once the session is gone (widgets then emit rs-auth-required)', async () => {
    const t = await server.addTenant('business');
    const adapter = createOpenApiAdapter({ baseUrl: server.api, getToken: () => t.token });
    await expect(adapter.schedules!.list({})).resolves.toMatchObject({ total: 3 });
    await server.call('DELETE', '/session', { token: t.token });
    const error = await adapter.schedules!.list({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RingsideError);
    expect((error as RingsideError).code).toBe('unauthorized');
  });

  it('signs the demo users in with the documented password, and refuses a wrong one', async () => {
    expect(await server.signIn('demo-business', 'ringside-demo')).toEqual(expect.any(String));
    expect(await server.signIn('demo-residential', 'ringside-demo')).toEqual(expect.any(String));
    const wrong = await server.call('POST', '/session', { body: { username: 'demo-business', password: 'guess' } });
    expect(wrong.status).toBe(401);
    expectErrorBody(wrong.body, 'unauthorized');
    const unknown = await server.call('POST', '/session', { body: { username: 'nobody', password: 'guess' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('answers 429 with Retry-After after repeated failed sign-ins for a username', async () => {
    const t = await server.addTenant('business');
    for (let i = 0; i < 10; i++) expect((await server.call('POST', '/session', { body: { username: t.username, password: 'wrong' } })).status).toBe(401);
    const limited = await server.call('POST', '/session', { body: { username: t.username, password: t.password } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectErrorBody(limited.body, 'rate_limited');
  });
});

describe('versions: ETag and If-Match', () => {
  it('sends the version as ETag, accepts it back, and answers 412 to a stale one without changing anything', async () => {
    const t = await server.addTenant('business');
    const created = await server.call('POST', '/schedules', { token: t.token, body: schedule('Versioned') });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(`"${created.body.version}"`);
    expect(created.headers.get('location')).toBe(`/api/v1/schedules/${created.body.id}`);
    const etag = created.headers.get('etag')!;
    const updated = await server.call('PUT', `/schedules/${created.body.id}`, { token: t.token, headers: { 'If-Match': etag }, body: schedule('Versioned 2') });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).not.toBe(etag);
    const stale = await server.call('PUT', `/schedules/${created.body.id}`, { token: t.token, headers: { 'If-Match': etag }, body: schedule('Lost update') });
    expect(stale.status).toBe(412);
    expectErrorBody(stale.body, 'conflict');
    const staleDelete = await server.call('DELETE', `/schedules/${created.body.id}`, { token: t.token, headers: { 'If-Match': etag } });
    expect(staleDelete.status).toBe(412);
    expect((await server.call('GET', `/schedules/${created.body.id}`, { token: t.token })).body.name).toBe('Versioned 2');
    const weak = await server.call('DELETE', `/schedules/${created.body.id}`, { token: t.token, headers: { 'If-Match': `W/${updated.headers.get('etag')}` } });
    expect(weak.status).toBe(204);
  });

  it('gives a new version to extensions whose groups change when a hunt group changes', async () => {
    const t = await server.addTenant('business');
    const before = await server.call('GET', '/extensions/ext-10', { token: t.token });
    const group = await server.call('GET', '/hunt-groups/hg-2', { token: t.token });
    const members = [...group.body.members, { extensionId: 'ext-10', ringDelay: 0, ringTime: 20, ignoreFollowMe: false, primary: true }];
    const { id: _id, version: _version, ...input } = group.body;
    const saved = await server.call('PUT', '/hunt-groups/hg-2', { token: t.token, headers: { 'If-Match': group.headers.get('etag')! }, body: { ...input, members } });
    expect(saved.status).toBe(200);
    const after = await server.call('GET', '/extensions/ext-10', { token: t.token });
    expect(after.body).toMatchObject({ groupIds: ['hg-2'], primaryGroupId: 'hg-2' });
    expect(after.body.version).not.toBe(before.body.version);
    const stale = await server.call('PUT', '/extensions/ext-10', { token: t.token, headers: { 'If-Match': before.headers.get('etag')! }, body: { number: '110', name: 'Lost' } });
    expect(stale.status).toBe(412);
  });
});

describe('idempotency', () => {
  it('charges once for a payment sent twice, or many times at once, with one key', async () => {
    const t = await server.addTenant('business');
    const balance = async () => (await server.call('GET', '/billing/balance', { token: t.token })).body.balance as number;
    const start = await balance();
    const request = { amount: { amount: 25, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' } };
    const first = await server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'pay-once' }, body: request });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'succeeded', newBalance: start - 25 });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'pay-once' }, body: request });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const burst = await Promise.all(Array.from({ length: 8 }, () => server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'pay-burst' }, body: request })));
    expect(new Set(burst.map((response) => response.body.id)).size).toBe(1);
    expect(burst.filter((response) => !response.body.replayed)).toHaveLength(1);
    expect(await balance()).toBe(start - 50);
    const conflict = await server.call('POST', '/payments', { token: t.token, headers: { 'Idempotency-Key': 'pay-once' }, body: { ...request, amount: { amount: 26, currency: 'USD' } } });
    expect(conflict.status).toBe(409);
    expectErrorBody(conflict.body, 'conflict');
    expect((await server.call('GET', `/payments/${first.body.id}`, { token: t.token })).body).toEqual(first.body);
  });

  it('records a declined payment as an attempt, and redeems a voucher once per key', async () => {
    const t = await server.addTenant('residential');
    const declined = await server.call('POST', '/payments', {
      token: t.token,
      headers: { 'Idempotency-Key': 'declined-1' },
      body: { amount: { amount: 10, currency: 'EUR' }, source: { tokenized: { kind: 'card', token: 'tok_decline_1', last4: '0002' }, save: true } },
    });
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'card_declined' });
    expect(declined.body.savedMethodId).toBeUndefined();
    const redeem = () => server.call('POST', '/voucher-redemptions', { token: t.token, headers: { 'Idempotency-Key': 'voucher-1' }, body: { code: 'rs-demo-10' } });
    const first = await redeem();
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ amount: { amount: 10, currency: 'EUR' }, newBalance: 17.85 });
    expect((await redeem()).body).toEqual({ ...first.body, replayed: true });
    const used = await server.call('POST', '/voucher-redemptions', { token: t.token, headers: { 'Idempotency-Key': 'voucher-2' }, body: { code: 'RS-DEMO-10' } });
    expect(used.status).toBe(400);
    expect(used.body.fields).toEqual([{ field: 'code', reason: 'used' }]);
  });
});

describe('tickets through the OpenAPI adapter', () => {
  it('opens a ticket with an empty description, without a first message, and one with an attachment', async () => {
    const t = await server.addTenant('business');
    const adapter = createOpenApiAdapter({ baseUrl: server.api, getToken: () => t.token });
    const bare = await adapter.tickets!.create({ subject: 'Only a subject', description: '' });
    expect(bare).toMatchObject({ status: 'new', priority: 'normal', version: '1' });
    expect((await adapter.tickets!.messages(bare.id, {})).total).toBe(0);
    const file = await adapter.tickets!.uploadAttachment(new Blob(['a log line'], { type: 'text/plain' }), 'log.txt');
    const ticket = await adapter.tickets!.create({ subject: 'With a file', description: 'See the log', attachmentIds: [file.id] });
    const { items } = await adapter.tickets!.messages(ticket.id, {});
    expect(items).toMatchObject([{ body: 'See the log', author: { role: 'customer' }, attachments: [{ id: file.id, name: 'log.txt', size: 10, contentType: 'text/plain' }] }]);
    const again = await adapter.tickets!.create({ subject: 'Same file again', description: 'x', attachmentIds: [file.id] }).catch((error: RingsideError) => error);
    expect((again as RingsideError).reasonsFor('attachmentIds.0')).toEqual([{ field: 'attachmentIds.0', reason: 'unknown' }]);
  });
});

describe('faults', () => {
  it('answers an internal failure with the generic body and a request id, never the error or a stack', async () => {
    const logged: unknown[] = [];
    const failing = new Proxy(server.db, {
      get(target, property, receiver) {
        if (property === 'query') {
          return (sql: string, params?: unknown[]) =>
            /FROM schedules/.test(sql) ? Promise.reject(new Error('connection to 10.0.0.7 lost; password=hunter2')) : target.query(sql, params);
        }
        return Reflect.get(target, property, receiver);
      },
    }) as Database;
    const app = await createApiApp({ db: failing, logError: (_message, error) => logged.push(error) });
    const token = await server.signIn('demo-business', 'ringside-demo');
    const response = await app.fetch(new Request('http://local/api/v1/schedules', { headers: { Authorization: `Bearer ${token}` } }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7|Error|at /);
    expect(JSON.parse(text)).toMatchObject({ code: 'unavailable', retryable: true, message: expect.stringMatching(/request [0-9a-f-]{36}/) });
    expect(logged).toHaveLength(1);
  });
});
