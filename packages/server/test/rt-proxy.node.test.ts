// The reference server's proxy to Request Tracker: its routes against a fake RT 5 (always), then
// the conformance suite through it against a real RT 5 (RINGSIDE_TEST_RT_*; skipped loudly
// without one), customers kept apart, and what it refuses to forward.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConformanceTests } from '@ringside/adapter-kit';
import { createRtAdapter } from '@ringside/adapter-rt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const CONVERSATION_OF = /^ObjectType = 'RT::Ticket' AND ObjectId = (\d+) AND \(Type = 'Create' OR Type = 'Correspond'\)$/;

/**
 * A fake RT 5 behind the proxy: ticket 7 is the customer's, ticket 8 another customer's. Ticket 7
 * has 150 public transactions (more than one page of RT's at most 100) and an internal comment.
 */
function fakeRt() {
  const owners: Record<string, string> = { '7': 'maya@example.com', '8': 'omar@example.com' };
  const transactions = [
    { id: 3, ticket: '7', type: 'Create' },
    { id: 4, ticket: '7', type: 'Correspond' },
    { id: 5, ticket: '7', type: 'Comment' },
    { id: 6, ticket: '8', type: 'Create' },
    ...Array.from({ length: 148 }, (_, index) => ({ id: 100 + index, ticket: '7', type: 'Correspond' })),
  ];
  const attachments = [
    { id: 30, TransactionId: 3, ContentType: 'text/plain', Content: 'my question' },
    { id: 40, TransactionId: 4, ContentType: 'text/plain', Content: 'the answer' },
    { id: 50, TransactionId: 5, ContentType: 'text/plain', Content: 'internal: customer is a pain' },
    { id: 60, TransactionId: 6, ContentType: 'text/plain', Content: "omar's question" },
    { id: 2470, TransactionId: 247, ContentType: 'text/plain', Content: 'the latest answer' },
  ];
  const calls: { method: string; path: string; params: [string, string][]; body: unknown; ifMatch: string | null }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/REST\/2\.0/, '');
    const params = [...url.searchParams];
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, params, body, ifMatch: new Headers(init?.headers).get('If-Match') });
    const own = /^id = (\d+) AND Requestor\.EmailAddress = '([^']*)'$/.exec(url.searchParams.get('query') ?? '');
    if (path === '/tickets' && own) {
      const items = owners[own[1]!] === own[2] ? [{ type: 'ticket', id: own[1], _url: `${url.origin}/REST/2.0/ticket/${own[1]}` }] : [];
      return Response.json({ count: items.length, page: 1, per_page: 1, total: items.length, items });
    }
    if (/^\/ticket\/\d+$/.test(path) && method === 'HEAD') return new Response(null, { headers: { ETag: '"abc"' } });
    if (/^\/ticket\/\d+$/.test(path) && method === 'GET')
      return Response.json({ id: 7, Subject: 'Mine', Owner: { id: 'agent' }, AdminCc: [{ id: 'boss@isp.example' }], CustomFields: [] });
    if (/^\/ticket\/\d+$/.test(path) && method === 'PUT') return Response.json(['Ticket 7: changed']);
    const conversationOf = CONVERSATION_OF.exec(url.searchParams.get('query') ?? '');
    if (path === '/transactions' && conversationOf) {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 20);
      const all = transactions.filter((transaction) => transaction.ticket === conversationOf[1] && ['Create', 'Correspond'].includes(transaction.type));
      const items = all.slice((page - 1) * perPage, page * perPage).map(({ id }) => ({ type: 'transaction', id: String(id) }));
      return Response.json({ count: items.length, page, per_page: perPage, total: all.length, items });
    }
    const attachmentsOf = /^\/ticket\/(\d+)\/attachments$/.exec(path);
    if (attachmentsOf && method === 'POST') {
      // RT's ticket attachments are those of all its transactions, comments included; the entries are ANDed.
      const ofTicket = attachments.filter(
        (attachment) => transactions.find((transaction) => transaction.id === attachment.TransactionId)?.ticket === attachmentsOf[1]
      );
      const items = ofTicket.filter((attachment) =>
        (body as { field: 'id' | 'TransactionId'; value: number[] }[]).every((entry) => entry.value.includes(attachment[entry.field]))
      );
      return Response.json({ count: items.length, page: 1, per_page: 500, total: items.length, items });
    }
    return Response.json({ count: 0, page: 1, per_page: 20, total: 0, items: [] });
  };
  return { fetch, calls, forwarded: () => calls.filter((call) => !(call.path === '/tickets' && /^id = \d+ AND Requestor/.test(call.params[0]?.[1] ?? ''))) };
}

describe('RT proxy routes (a fake RT behind it)', () => {
  let server: Server;
  let base = '';
  let rtFake: ReturnType<typeof fakeRt>;
  const headers = { Authorization: 'Bearer maya', 'Content-Type': 'application/json' };
  const conversation = (id: number) => `ObjectType = 'RT::Ticket' AND ObjectId = ${id} AND (Type = 'Create' OR Type = 'Correspond')`;

  beforeAll(async () => {
    rtFake = fakeRt();
    const proxy = createRtProxy({
      rtUrl: 'http://rt.invalid/',
      rtToken: 'secret',
      queue: 'Support',
      escalationQueue: 'Escalated',
      escalationPriority: 50,
      requestorFor: async (authorization) => (authorization === 'Bearer maya' ? 'maya@example.com' : null),
      fetch: rtFake.fetch as typeof fetch,
    });
    server = createServer((request, response) => (proxy.handles(request.url) ? void proxy.listener(request, response) : response.writeHead(404).end()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${RT_PROXY_PREFIX}`;
  });
  afterAll(() => new Promise<void>((done) => server?.close(() => done())));
  beforeEach(() => {
    rtFake.calls.length = 0;
  });

  const put = (id: number, body: string) => fetch(`${base}/ticket/${id}`, { method: 'PUT', headers: { ...headers, 'If-Match': '"abc"' }, body });
  const searchAttachments = (id: number, body: unknown, fields = 'TransactionId,ContentType,Filename,ContentLength') =>
    fetch(`${base}/ticket/${id}/attachments?fields=${fields}&per_page=500&orderby=id`, { method: 'POST', headers, body: JSON.stringify(body) });

  it('forwards exactly the one conversation query it checked, and refuses repeated parameters', async () => {
    const mine = new URLSearchParams([
      ['query', conversation(7)],
      ['orderby', 'id'],
      ['fields', 'Type,Created,Creator'],
      ['fields[Creator]', 'Name,EmailAddress,RealName'],
    ]);
    expect((await fetch(`${base}/transactions?${mine}`, { headers })).status).toBe(200);
    expect(rtFake.forwarded()).toEqual([expect.objectContaining({ method: 'GET', path: '/transactions', params: [...mine] })]);

    rtFake.calls.length = 0;
    const smuggled = new URLSearchParams([
      ['query', conversation(7)],
      ['query', conversation(8)],
      ['fields[Creator]', 'EmailAddress'],
    ]);
    expect((await fetch(`${base}/transactions?${smuggled}`, { headers })).status).toBe(400);
    const twice = new URLSearchParams([
      ['query', conversation(7)],
      ['fields', 'Type'],
      ['fields', 'Type,Created'],
    ]);
    expect((await fetch(`${base}/transactions?${twice}`, { headers })).status).toBe(400);
    const listTwice = new URLSearchParams([
      ['query', "Status = 'open'"],
      ['query', 'id > 0'],
    ]);
    expect((await fetch(`${base}/tickets?${listTwice}`, { headers })).status).toBe(400);
    expect(rtFake.forwarded()).toEqual([]);

    // Sort columns are the exception: RT sorts by each in turn.
    const sorted = new URLSearchParams([
      ['query', "Status = 'open'"],
      ['orderby', 'Subject'],
      ['order', 'DESC'],
      ['orderby', 'id'],
      ['order', 'ASC'],
    ]);
    expect((await fetch(`${base}/tickets?${sorted}`, { headers })).status).toBe(200);
    expect(rtFake.forwarded()).toEqual([
      expect.objectContaining({
        path: '/tickets',
        params: [['query', "Requestor.EmailAddress = 'maya@example.com' AND (Status = 'open')"], ...[...sorted].slice(1)],
      }),
    ]);
  });

  it("answers 404 for another customer's ticket, whatever the route", async () => {
    expect((await fetch(`${base}/transactions?${new URLSearchParams([['query', conversation(8)]])}`, { headers })).status).toBe(404);
    expect((await fetch(`${base}/ticket/8`, { method: 'HEAD', headers })).status).toBe(404);
    expect((await put(8, '{"Status":"resolved"}')).status).toBe(404);
    expect((await fetch(`${base}/ticket/8/correspond`, { method: 'POST', headers, body: '{"Content":"x"}' })).status).toBe(404);
    expect((await searchAttachments(8, [{ field: 'TransactionId', operator: 'IN', value: [1] }])).status).toBe(404);
    expect(rtFake.forwarded()).toEqual([]);
  });

  it("lets only HEAD through for one ticket (its ETag), never RT's whole record", async () => {
    const head = await fetch(`${base}/ticket/7`, { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe('"abc"');
    const get = await fetch(`${base}/ticket/7`, { headers });
    expect(get.status).toBe(404);
    expect(await get.text()).not.toContain('boss@isp.example');
    expect(rtFake.forwarded().map((call) => call.method)).toEqual(['HEAD']);
  });

  const contentsOf = async (answer: Response) => {
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { items: { Content: string }[] }).items.map((item) => item.Content);
  };

  it("returns attachments of the ticket's public transactions only, never of its internal comments", async () => {
    expect(await contentsOf(await searchAttachments(7, [{ field: 'TransactionId', operator: 'IN', value: [3, 4, 5, 6, 247] }], 'Content'))).toEqual([
      'my question',
      'the answer',
      'the latest answer',
    ]);
    expect(await contentsOf(await searchAttachments(7, [{ field: 'id', operator: 'IN', value: [30, 40, 50, 60, 2470] }], 'Content'))).toEqual([
      'my question',
      'the answer',
      'the latest answer',
    ]);
    expect(await contentsOf(await searchAttachments(7, [{ field: 'TransactionId', operator: 'IN', value: [5] }], 'Content'))).toEqual([]);
    expect(await contentsOf(await searchAttachments(7, [{ field: 'id', operator: 'IN', value: [50] }], 'Content'))).toEqual([]);
  });

  it("forwards only the adapter's attachment searches, limited to the ticket's public transactions", async () => {
    const publicIds = [3, 4, ...Array.from({ length: 148 }, (_, index) => 100 + index)];
    for (const [field, fields, forwarded] of [
      ['TransactionId', 'TransactionId,ContentType,Filename,ContentLength', [{ field: 'TransactionId', operator: 'IN', value: [3, 4] }]],
      [
        'id',
        'Content',
        [
          { field: 'TransactionId', operator: 'IN', value: publicIds },
          { field: 'id', operator: 'IN', value: [3, 4] },
        ],
      ],
    ] as const) {
      rtFake.calls.length = 0;
      expect((await searchAttachments(7, [{ field, operator: 'IN', value: [3, 4] }], fields)).status).toBe(200);
      expect(rtFake.forwarded()).toEqual([
        expect.objectContaining({ method: 'GET', path: '/transactions', params: expect.arrayContaining([['query', conversation(7)]]) }),
        expect.objectContaining({ method: 'GET', path: '/transactions', params: expect.arrayContaining([['page', '2']]) }),
        expect.objectContaining({ method: 'POST', path: '/ticket/7/attachments', body: forwarded }),
      ]);
    }
    rtFake.calls.length = 0;
    for (const search of [
      [],
      {},
      [{ field: 'Content', operator: 'LIKE', value: 'password' }],
      [{ field: 'TransactionId', operator: '>', value: 0 }],
      [{ field: 'TransactionId', operator: 'IN', value: ['1 OR 1=1'] }],
      [{ field: 'TransactionId', operator: 'IN', value: [] }],
      [{ field: 'TransactionId', operator: 'IN', value: 3 }],
      [{ field: 'TransactionId', operator: 'IN', value: [3], entry_aggregator: 'OR' }],
      [
        { field: 'TransactionId', operator: 'IN', value: [3] },
        { field: 'Filename', operator: 'LIKE', value: '%' },
      ],
    ])
      expect((await searchAttachments(7, search)).status, JSON.stringify(search)).toBe(400);
    expect((await searchAttachments(7, [{ field: 'id', operator: 'IN', value: [3] }], 'Content,Headers')).status).toBe(400);
    expect(rtFake.forwarded()).toEqual([]);
  });

  it('changes the priority only to the configured escalation priority', async () => {
    expect((await put(7, '{"Priority":50}')).status).toBe(200);
    expect(rtFake.forwarded()).toEqual([expect.objectContaining({ method: 'PUT', path: '/ticket/7', body: { Priority: 50 }, ifMatch: '"abc"' })]);
    rtFake.calls.length = 0;
    for (const priority of ['255', '0', '49', '"50"', '50.5']) expect((await put(7, `{"Priority":${priority}}`)).status, priority).toBe(400);
    expect(rtFake.forwarded()).toEqual([]);
  });

  it('answers 400, not a retryable 503, to a body that is not a JSON object', async () => {
    for (const body of ['null', '[]', '"resolved"', '42', '{'])
      for (const request of [
        () => put(7, body),
        () => fetch(`${base}/ticket`, { method: 'POST', headers, body }),
        () => fetch(`${base}/ticket/7/correspond`, { method: 'POST', headers, body }),
      ])
        expect((await request()).status, body).toBe(400);
    expect(rtFake.forwarded()).toEqual([]);
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

  // The test RT's portal account lacks ShowTicketComments (as documented), so RT hides comments
  // from it anyway; the fake RT above covers a portal that can see them. Here: the searches the
  // proxy rebuilds (transaction ids intersected, attachment ids ANDed with them) work in RT.
  it("finds a conversation's attachments by transaction and by attachment id, one at a time", async () => {
    const customer = adapterFor('customer', rt!.requestor).tickets!;
    const ticket = await customer.create({ subject: 'Proxy attachments', description: 'my question' });
    await customer.reply(ticket.id, { body: 'my follow-up' });
    const portal = { Authorization: `token ${rt!.portalToken}`, 'Content-Type': 'application/json' };
    const all = (await (
      await fetch(`${rt!.api}/ticket/${ticket.id}/attachments?fields=TransactionId,Content&per_page=100&orderby=id`, {
        method: 'POST',
        headers: portal,
        body: '[]',
      })
    ).json()) as { items: { id: string; TransactionId: string | { id: string }; Content: string }[] };
    const followUp = all.items.find((item) => String(item.Content ?? '').includes('my follow-up'))!;
    const transactionOf = (item: (typeof all.items)[number]) => Number(typeof item.TransactionId === 'object' ? item.TransactionId.id : item.TransactionId);
    const search = async (field: string, value: number[]) => {
      const answer = await fetch(`${base}/ticket/${ticket.id}/attachments?fields=Content&per_page=100`, {
        method: 'POST',
        headers: { Authorization: 'Bearer customer', 'Content-Type': 'application/json' },
        body: JSON.stringify([{ field, operator: 'IN', value }]),
      });
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { items: { Content: string }[] }).items.map((item) => String(item.Content ?? '').trim());
    };
    expect(await search('id', [Number(followUp.id)])).toEqual(['my follow-up']);
    expect(await search('TransactionId', [transactionOf(followUp)])).toEqual(['my follow-up']);
    expect(await search('TransactionId', [transactionOf(followUp) + 1_000_000])).toEqual([]);
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
