// The reference server's proxy to Request Tracker: the conformance suite through it against a
// real RT 5 (RINGSIDE_TEST_RT_*; skipped loudly without one), customers kept apart, and what it
// refuses to forward.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConformanceTests } from '@ringside/adapter-kit';
import { createRtAdapter } from '@ringside/adapter-rt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balancedTicketSql, createRtProxy, RT_PROXY_PREFIX } from '../src/rt-proxy/rt-proxy.mjs';
import { NO_RT_MESSAGE, testRt } from '../../adapter-rt/test/rt-environment.js';

describe('TicketSQL the proxy wraps', () => {
  it('accepts balanced queries and refuses ones that could escape the requestor scope', () => {
    expect(balancedTicketSql("Subject LIKE 'a\\'b' AND (Status = 'open' OR Status = 'new')")).toBe(true);
    expect(balancedTicketSql("Subject LIKE 'x') OR (id > 0")).toBe(false);
    expect(balancedTicketSql('id > 0) OR (id > 0')).toBe(false);
    expect(balancedTicketSql("Subject LIKE 'open")).toBe(false);
  });
});

const rt = testRt();
if (!rt) console.warn(NO_RT_MESSAGE);

describe.skipIf(!rt)('RT proxy against a real RT', () => {
  const sessions: Record<string, string> = {
    'Bearer customer': rt?.requestor ?? '',
    'Bearer other': rt?.otherRequestor ?? '',
  };
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const proxy = createRtProxy({
      rtUrl: rt!.url,
      rtToken: rt!.portalToken,
      queue: rt!.queue,
      escalationQueue: rt!.escalationQueue,
      requestorFor: async (authorization) => sessions[authorization ?? ''] ?? null,
    });
    server = createServer((request, response) => (proxy.handles(request.url) ? void proxy.listener(request, response) : response.writeHead(404).end()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${RT_PROXY_PREFIX}`;
  });
  afterAll(() => new Promise<void>((done) => server?.close(() => done())));

  const adapterFor = (session: string, requestor: string) =>
    createRtAdapter({
      baseUrl: base,
      queue: rt!.queue,
      requestor,
      customerAuthors: ['ringside-portal'],
      escalation: { type: 'queue', queue: rt!.escalationQueue },
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers)),
            Authorization: `Bearer ${session}`,
          },
        }),
    });

  defineConformanceTests(describe, it, () => adapterFor('customer', rt!.requestor), { domains: ['tickets'], timeoutMs: 60_000 });

  it("never shows or changes one customer's ticket for another", async () => {
    const mine = await adapterFor('customer', rt!.requestor).tickets!.create({
      subject: 'Proxy isolation',
      description: 'Mine only',
    });
    // Even claiming to be the customer in the adapter's options, the proxy scopes to the session.
    const intruder = adapterFor('other', rt!.requestor).tickets!;
    expect((await intruder.list({ search: 'Proxy isolation', pageSize: 500 })).items.map((ticket) => ticket.id)).not.toContain(mine.id);
    await expect(intruder.get(mine.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(intruder.messages(mine.id, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(intruder.reply(mine.id, { body: 'hijack' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(intruder.setStatus(mine.id, 'resolved')).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);

  it('refuses what the adapter never sends: comments, other queues, raw searches, no session', async () => {
    const headers = {
      Authorization: 'Bearer customer',
      'Content-Type': 'application/json',
    };
    const ticket = await adapterFor('customer', rt!.requestor).tickets!.create({
      subject: 'Proxy limits',
      description: 'x',
    });
    expect(
      (
        await fetch(`${base}/ticket/${ticket.id}/comment`, {
          method: 'POST',
          headers,
          body: '{"Content":"internal"}',
        })
      ).status
    ).toBe(404);
    expect(
      (
        await fetch(`${base}/ticket/${ticket.id}`, {
          method: 'PUT',
          headers,
          body: '{"Queue":"General"}',
        })
      ).status
    ).toBe(400);
    expect((await fetch(`${base}/transactions?query=${encodeURIComponent("ObjectType = 'RT::Ticket'")}`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/tickets?query=${encodeURIComponent('id > 0) OR (id > 0')}`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/users`, { headers })).status).toBe(404);
    expect((await fetch(`${base}/tickets`, {})).status).toBe(401);
    // The queue and requestor of a new ticket are the proxy's, whatever the browser sends.
    const created = await fetch(`${base}/ticket`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        Queue: 'General',
        Subject: 'Elsewhere?',
        Content: 'x',
        Requestor: rt!.otherRequestor,
        Cc: 'x@example.com',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const read = await fetch(`${rt!.api}/ticket/${id}`, {
      headers: { Authorization: `token ${rt!.portalToken}` },
    });
    const body = (await read.json()) as {
      Queue: { id: string };
      Requestor: { id: string }[];
      Cc: unknown[];
    };
    expect(body.Requestor.map((user) => user.id)).toEqual([rt!.requestor]);
    expect(body.Cc).toEqual([]);
    const queue = (await (
      await fetch(`${rt!.api}/queue/${body.Queue.id}`, {
        headers: { Authorization: `token ${rt!.portalToken}` },
      })
    ).json()) as { Name: string };
    expect(queue.Name).toBe(rt!.queue);
  }, 60_000);
});
