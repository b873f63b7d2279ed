// The adapter's own logic without an RT: TicketSQL, statuses, error mapping (with a fake fetch
// that answers as RT 5.0 does), history paging and message bodies.
import { isRingsideError, RingsideError, type TicketsAdapter } from '@ringside/core';
import { buildTicketSearch, checkUpdateMessages, createRtAdapter, createStatusMapping, htmlToText, quote, ticketSqlTime } from '@ringside/adapter-rt';
import { describe, expect, it } from 'vitest';
import { authorOf } from '../src/conversation.js';
import { countItems } from '../src/paging.js';

const statuses = createStatusMapping();

describe('TicketSQL', () => {
  it('escapes quotes and backslashes in literals', () => {
    expect(quote("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
  });

  it('always scopes to the requestor, whatever the query', () => {
    const search = buildTicketSearch({ search: "x' OR id > 0 OR Subject = '" }, "eve'@example.com", statuses);
    expect(search.query).toBe("Requestor.EmailAddress = 'eve\\'@example.com' AND Subject LIKE 'x\\' OR id > 0 OR Subject = \\''");
  });

  it('turns filters, search, sort and paging into TicketSQL and parameters, ties broken by id', () => {
    const search = buildTicketSearch(
      {
        filter: {
          status: ['open', 'resolved'],
          createdAfter: '2026-03-01T10:00:00.750Z',
        },
        search: 'fax',
        sort: [{ field: 'updatedAt', direction: 'desc' }],
        page: 3,
        pageSize: 20,
      },
      'a@example.com',
      statuses
    );
    expect(search).toEqual({
      query:
        "Requestor.EmailAddress = 'a@example.com' AND (Status = 'open' OR Status = 'resolved') AND Created > '2026-03-01 10:00:00 UTC' AND Subject LIKE 'fax'",
      orderby: ['LastUpdated', 'id'],
      order: ['DESC', 'DESC'],
      page: 3,
      pageSize: 20,
    });
  });

  it('finds a ticket by its number as well as by subject', () => {
    expect(buildTicketSearch({ search: '#42' }, 'a@example.com', statuses).query).toBe(
      "Requestor.EmailAddress = 'a@example.com' AND (Subject LIKE '#42' OR id = 42)"
    );
  });

  it('rejects a creation date it cannot read, naming the field', () => {
    expect(() => ticketSqlTime('soon')).toThrow(
      expect.objectContaining({
        code: 'validation',
        fields: [{ field: 'createdAfter', reason: 'invalid' }],
      })
    );
  });

  it('clamps paging to the contract limits', () => {
    expect(buildTicketSearch({ page: 0, pageSize: 10_000 }, 'a@example.com', statuses)).toMatchObject({
      page: 1,
      pageSize: 500,
      orderby: ['id'],
      order: ['ASC'],
    });
  });
});

describe('statuses', () => {
  const custom = createStatusMapping({
    'Waiting on customer': 'stalled',
    escalated: 'open',
  });

  it("maps a custom lifecycle onto the contract's and passes unknown statuses through", () => {
    expect(custom.fromRt('waiting on customer')).toBe('stalled');
    expect(custom.fromRt('open')).toBe('open');
    expect(custom.fromRt('billing-review')).toBe('billing-review');
  });

  it('filters on every RT status that shows as the asked one', () => {
    expect(custom.toRt('stalled')).toEqual(['stalled', 'waiting on customer']);
    expect(custom.toRt('open')).toEqual(['open', 'escalated']);
    expect(buildTicketSearch({ filter: { status: ['stalled'] } }, 'a@example.com', custom).query).toContain(
      "(Status = 'stalled' OR Status = 'waiting on customer')"
    );
  });
});

/** A fake RT: answers each request with the next scripted response and records what was asked. */
function fakeRt(...answers: (Response | Error)[]) {
  const requests: {
    method: string;
    url: string;
    headers: Headers;
    body: unknown;
  }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${init.method} ${url}`);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const TICKET = {
  id: '7',
  Subject: 'No dial tone',
  Status: 'open',
  Priority: '0',
  Created: '2026-03-01T10:00:00Z',
  LastUpdated: '2026-03-02T10:00:00Z',
  Requestor: [{ id: 'jo', EmailAddress: 'jo@example.com' }],
  Queue: { id: '3' },
};
const found = (...items: unknown[]) =>
  json(200, {
    count: items.length,
    page: 1,
    per_page: 50,
    total: items.length,
    items,
  });

function adapter(fetch: typeof globalThis.fetch): TicketsAdapter {
  return createRtAdapter({
    baseUrl: 'https://rt.example.com/REST/2.0/',
    token: 'secret',
    queue: 'Support',
    requestor: 'jo@example.com',
    fetch,
  }).tickets!;
}

async function rejection(promise: Promise<unknown>): Promise<RingsideError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  if (!isRingsideError(error)) throw new Error(`expected a RingsideError, got ${String(error)}`);
  return error;
}

describe('talking to RT', () => {
  it('sends the token and the scoped search, and normalises ids and times', async () => {
    const rt = fakeRt(found({ ...TICKET, id: 7 }));
    const page = await adapter(rt.fetch).list({ pageSize: 10 });
    const [request] = rt.requests;
    expect(request!.headers.get('Authorization')).toBe('token secret');
    const url = new URL(request!.url);
    expect(url.pathname).toBe('/REST/2.0/tickets');
    expect(url.searchParams.get('query')).toBe("Requestor.EmailAddress = 'jo@example.com'");
    expect(url.searchParams.getAll('orderby')).toEqual(['id']);
    expect(page).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 10,
      items: [
        {
          id: '7',
          status: 'open',
          requestors: ['jo@example.com'],
          createdAt: '2026-03-01T10:00:00.000Z',
          escalated: false,
        },
      ],
    });
  });

  it('maps RT being down to a retryable unavailable', async () => {
    const error = await rejection(adapter(fakeRt(new TypeError('fetch failed')).fetch).list({}));
    expect([error.code, error.retryable]).toEqual(['unavailable', true]);
    const down = await rejection(adapter(fakeRt(new Response('Bad gateway', { status: 502 })).fetch).list({}));
    expect([down.code, down.retryable]).toEqual(['unavailable', true]);
  });

  it('maps 401, 403 (naming the right to grant), 404 and 412', async () => {
    expect((await rejection(adapter(fakeRt(json(401, { message: 'Unauthorized' })).fetch).list({}))).code).toBe('unauthorized');
    const forbidden = await rejection(
      adapter(
        fakeRt(
          json(403, {
            message: "No permission to create tickets in the queue 'Support'",
          })
        ).fetch
      ).create({ subject: 'Hi', description: 'x' })
    );
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.detail).toContain('CreateTicket on queue "Support"');
    expect((await rejection(adapter(fakeRt(found()).fetch).get('99'))).code).toBe('not_found');
    expect((await rejection(adapter(fakeRt().fetch).get('not-a-ticket'))).code).toBe('not_found');
    const stale = fakeRt(new Response(null, { status: 200, headers: { ETag: '"50"' } }), found(TICKET), json(412, { message: 'Precondition Failed' }));
    const version = [TICKET.LastUpdated, 'open', '0', '3'].join('/');
    expect((await rejection(adapter(stale.fetch).setStatus('7', 'resolved', { ifMatch: version }))).code).toBe('conflict');
    expect(stale.requests[2]!.headers.get('If-Match')).toBe('"50"');
  });

  it('reads the messages of a PUT that answered 200, and fails on the first failure', () => {
    const operation = { what: 'closing', right: 'ModifyTicket' };
    expect(() => checkUpdateMessages(["Ticket 1: Status changed from 'open' to 'resolved'"], operation, 'status')).not.toThrow();
    expect(() => checkUpdateMessages(["Ticket 1: Status 'bogus' isn't a valid status for this ticket."], operation, 'status')).toThrow(
      expect.objectContaining({
        code: 'validation',
        fields: [{ field: 'status', reason: 'invalid' }],
      })
    );
    expect(() => checkUpdateMessages(['Ticket 1: Permission Denied'], operation, 'status')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('always names the requestor and the configured queue on create', async () => {
    const rt = fakeRt(json(201, { id: 8 }, { Location: '/REST/2.0/ticket/8' }), found({ ...TICKET, id: '8' }));
    const ticket = await adapter(rt.fetch).create({
      subject: ' Fax ',
      description: 'Broken',
    });
    expect(rt.requests[0]!.body).toEqual({
      Queue: 'Support',
      Subject: 'Fax',
      Content: 'Broken',
      ContentType: 'text/plain',
      Requestor: 'jo@example.com',
    });
    expect(ticket.id).toBe('8');
  });
});

describe('history', () => {
  it("names the customer as a message's author, also when the portal's account wrote it for them", () => {
    const rules = { requestor: 'grace@example.com', customerAuthors: ['ringside-portal'] };
    expect(authorOf({ id: 'grace@example.com', RealName: 'Grace Whitfield' }, rules)).toEqual({ name: 'Grace Whitfield', role: 'customer' });
    expect(authorOf({ id: 'ringside-portal', RealName: 'Ringside portal' }, rules)).toEqual({ name: 'grace@example.com', role: 'customer' });
    expect(authorOf({ id: 'agent7', Name: 'agent7', RealName: 'Sam Agent' }, rules)).toEqual({ name: 'Sam Agent', role: 'agent' });
  });


  it('counts a history RT will not count with a few probes, not by reading it all', async () => {
    const total = 1234;
    const probes: number[] = [];
    const counted = await countItems(100, async (page) => {
      probes.push(page);
      return Math.max(0, Math.min(100, total - (page - 1) * 100));
    });
    expect(counted).toBe(total);
    expect(probes.length).toBeLessThanOrEqual(8);
    expect(await countItems(100, async (page) => (page <= 3 ? 100 : 0))).toBe(300);
    expect(await countItems(100, async () => 0)).toBe(0);
  });

  it('turns HTML bodies into text, never markup', () => {
    expect(htmlToText('<p>Hello&nbsp;<b>there</b></p><p>Line&lt;2&gt;<br>3 &#x263A;</p><script>alert(1)</script>')).toBe('Hello\u00a0there\nLine<2>\n3 \u263a');
  });
});
