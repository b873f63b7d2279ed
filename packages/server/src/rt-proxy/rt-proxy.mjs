// The portal's proxy to Request Tracker (the recommended set-up of @ringside/adapter-rt): the
// server holds one RT token and forwards a narrow set of REST2 calls for the signed-in customer,
// always as that customer's requestor, so one customer never sees or touches another's tickets.
//
//   RINGSIDE_RT_URL=https://rt.example.com RINGSIDE_RT_TOKEN=… RINGSIDE_RT_QUEUE=Support \
//   RINGSIDE_RT_REQUESTOR_DOMAIN=customers.example.com node packages/server/src/serve.mjs
//
// The browser's adapter then uses `createRtAdapter({ baseUrl: '/api/rt/REST/2.0', queue, requestor })`.
// What passes (anything else answers 404; a repeated query parameter or a body that is not what
// the adapter sends answers 400):
//   GET  /tickets                      TicketSQL wrapped as `Requestor.EmailAddress = '<customer>' AND (<query>)`
//   HEAD /ticket/N                     the customer's tickets only (its ETag; RT's record is never forwarded)
//   POST /ticket                       Queue forced to RINGSIDE_RT_QUEUE, Requestor to the customer
//   PUT  /ticket/N                     Status resolved/open, Priority = RINGSIDE_RT_ESCALATION_PRIORITY,
//                                      Queue = RINGSIDE_RT_ESCALATION_QUEUE
//   POST /ticket/N/correspond          public replies (never comments)
//   POST /ticket/N/attachments         only `[{ field: 'TransactionId' | 'id', operator: 'IN', value: [ids] }]`,
//                                      limited to the ticket's public (Create/Correspond) transactions
//   GET  /transactions                 only the adapter's conversation query of one of the customer's tickets
//   GET  /transaction/N                only of the customer's tickets
//   GET  /queue/<escalation queue>

export const RT_PROXY_PREFIX = '/api/rt/REST/2.0';
const MAX_BODY_BYTES = 16 * 1024 * 1024; // 10 MiB of files, base64-encoded, and the JSON around them

/** Per route, the parameters it takes: a `fields…` parameter maps to the fields it may name, any other to null. */
const PAGING = { orderby: null, order: null, page: null, per_page: null };
const TICKET_LIST_PARAMS = {
  query: null,
  fields: new Set(['Subject', 'Status', 'Priority', 'Created', 'LastUpdated', 'Requestor', 'Queue']),
  'fields[Requestor]': new Set(['EmailAddress', 'Name']),
  'fields[Queue]': new Set(['Name']),
  ...PAGING,
};
const TRANSACTION_LIST_PARAMS = {
  query: null,
  fields: new Set(['Type', 'Created', 'Creator']),
  'fields[Creator]': new Set(['Name', 'EmailAddress', 'RealName']),
  ...PAGING,
};
const ATTACHMENT_SEARCH_PARAMS = {
  fields: new Set(['TransactionId', 'ContentType', 'Filename', 'ContentLength', 'Content']),
  ...PAGING,
};
const MAX_SEARCH_IDS = 500;
/** RT's REST2 answers at most 100 items a page; a conversation is read up to 50 pages (5,000 messages). */
const RT_MAX_PER_PAGE = 100;
const MAX_CONVERSATION_PAGES = 50;
/** RT sorts by every `orderby` in turn (each with its `order`); every other parameter it reads once, the last copy. */
const SORT_PARAMS = new Set(['orderby', 'order']);

/** A TicketSQL literal. */
export const quote = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * True when every quote in the TicketSQL is closed and every parenthesis matched, so that
 * wrapping it in parentheses cannot be escaped from.
 */
export function balancedTicketSql(sql) {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      for (i++; i < sql.length && sql[i] !== char; i++) if (sql[i] === '\\') i++;
      if (i >= sql.length) return false;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const conversationOf = (ticketId) => `ObjectType = 'RT::Ticket' AND ObjectId = ${ticketId} AND (Type = 'Create' OR Type = 'Correspond')`;
const CONVERSATION = /^ObjectType = 'RT::Ticket' AND ObjectId = (\d{1,12}) AND \(Type = 'Create' OR Type = 'Correspond'\)$/;

class ProxyError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const denied = (message = 'Not Found') => new ProxyError(404, message);

function pick(object, keys) {
  return Object.fromEntries(Object.entries(object ?? {}).filter(([key]) => keys.includes(key)));
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ProxyError(413, 'Request too large');
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ProxyError(400, 'JSON expected');
  }
}

async function readObject(request) {
  const body = await readBody(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ProxyError(400, 'a JSON object is expected');
  return body;
}

/** The adapter's attachment search, `{ field: 'TransactionId' | 'id', value: [ids] }` once checked. */
function attachmentSearch(body) {
  const [entry] = Array.isArray(body) && body.length === 1 ? body : [];
  const keys = typeof entry === 'object' && entry !== null ? Object.keys(entry).sort().join() : '';
  if (
    keys !== 'field,operator,value' ||
    !['TransactionId', 'id'].includes(entry.field) ||
    entry.operator !== 'IN' ||
    !Array.isArray(entry.value) ||
    entry.value.length === 0 ||
    entry.value.length > MAX_SEARCH_IDS ||
    !entry.value.every((id) => Number.isSafeInteger(id) && id > 0)
  )
    throw new ProxyError(400, 'only a search of attachments by TransactionId or id IN [ids]');
  return { field: entry.field, value: [...entry.value] };
}

/**
 * @param {{ rtUrl: string, rtToken: string, queue: string, escalationQueue?: string, escalationPriority?: number,
 *   requestorFor: (authorization: string | undefined) => Promise<string | null>, fetch?: typeof fetch }} options
 *   `requestorFor` answers the signed-in customer's RT email address for the request's
 *   Authorization header, or null when nobody is signed in. `escalationQueue` and
 *   `escalationPriority` are the only changes of queue and priority a customer may make.
 */
export function createRtProxy({ rtUrl, rtToken, queue, escalationQueue, escalationPriority, requestorFor, fetch = globalThis.fetch }) {
  const api = `${rtUrl.replace(/\/+$/, '')}/REST/2.0`;

  async function rt(method, path, { params, body, ifMatch } = {}) {
    const headers = {
      Authorization: `token ${rtToken}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    const search = params && [...params].length ? `?${new URLSearchParams(params)}` : '';
    return fetch(`${api}${path}${search}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Throws 404 unless ticket `id` has `requestor` among its requestors. */
  async function ensureOwn(id, requestor) {
    const answer = await rt('GET', '/tickets', {
      params: [
        ['query', `id = ${id} AND Requestor.EmailAddress = ${quote(requestor)}`],
        ['per_page', '1'],
      ],
    });
    if (!answer.ok) throw new ProxyError(answer.status === 401 ? 502 : answer.status, 'RT refused the portal');
    const { items } = await answer.json();
    if (!Array.isArray(items) || items.length === 0) throw denied();
  }

  /**
   * The ids of ticket `id`'s public transactions (Create, Correspond): RT's attachments of a
   * ticket are those of every transaction, internal comments included. RT answers at most
   * RT_MAX_PER_PAGE a page, so a long conversation takes several pages.
   */
  async function publicTransactionIds(id) {
    const ids = new Set();
    for (let page = 1; page <= MAX_CONVERSATION_PAGES; page++) {
      const answer = await rt('GET', '/transactions', {
        params: [
          ['query', conversationOf(id)],
          ['per_page', String(RT_MAX_PER_PAGE)],
          ['page', String(page)],
        ],
      });
      if (!answer.ok) throw new ProxyError(answer.status === 401 ? 502 : answer.status, 'RT refused the portal');
      const { items } = await answer.json();
      if (!Array.isArray(items)) throw new ProxyError(502, 'RT answered no transactions');
      for (const item of items) if (/^\d{1,15}$/.test(String(item?.id))) ids.add(Number(item.id));
      if (items.length < RT_MAX_PER_PAGE) break;
    }
    return [...ids];
  }

  /**
   * The request's parameters, each allowed by `allowed` and, but for the sort columns, given at
   * most once (RT reads the last copy, the proxy checks one); `query` is left to the route.
   */
  const listParams = (searchParams, allowed) => {
    const params = [];
    const seen = new Set();
    for (const [name, value] of searchParams) {
      if (!Object.hasOwn(allowed, name)) throw new ProxyError(400, `parameter ${name} is not allowed`);
      if (seen.has(name) && !SORT_PARAMS.has(name)) throw new ProxyError(400, `parameter ${name} is repeated`);
      seen.add(name);
      if (allowed[name] && !value.split(',').every((field) => allowed[name].has(field))) throw new ProxyError(400, `fields ${value} are not allowed`);
      if (name !== 'query') params.push([name, value]);
    }
    return params;
  };

  /** The RT call a customer's request becomes, or a ProxyError. */
  async function route(method, path, searchParams, request, requestor) {
    let match;
    if (path === '/tickets' && method === 'GET') {
      const params = listParams(searchParams, TICKET_LIST_PARAMS);
      const query = searchParams.get('query') ?? '';
      if (!balancedTicketSql(query)) throw new ProxyError(400, 'unbalanced TicketSQL');
      const scope = `Requestor.EmailAddress = ${quote(requestor)}`;
      return rt('GET', path, { params: [['query', query.trim() ? `${scope} AND (${query})` : scope], ...params] });
    }
    if (path === '/ticket' && method === 'POST') {
      const body = pick(await readObject(request), ['Subject', 'Content', 'ContentType', 'Attachments']);
      return rt('POST', path, {
        body: { ...body, Queue: queue, Requestor: requestor },
      });
    }
    if ((match = /^\/ticket\/(\d{1,12})$/.exec(path))) {
      await ensureOwn(match[1], requestor);
      // HEAD for the ETag of a write; the ticket's fields come through the scoped /tickets search.
      if (method === 'HEAD') return rt(method, path);
      if (method !== 'PUT') throw denied();
      const body = await readObject(request);
      const change = {};
      if ('Status' in body) {
        if (!['resolved', 'open'].includes(body.Status)) throw new ProxyError(400, 'only resolved or open');
        change.Status = body.Status;
      }
      if ('Priority' in body) {
        if (escalationPriority === undefined || body.Priority !== escalationPriority) throw new ProxyError(400, 'that priority is not the escalation priority');
        change.Priority = body.Priority;
      }
      if ('Queue' in body) {
        if (!escalationQueue || body.Queue !== escalationQueue) throw new ProxyError(400, 'that queue is not the escalation queue');
        change.Queue = body.Queue;
      }
      return rt('PUT', path, {
        body: change,
        ifMatch: request.headers['if-match'],
      });
    }
    if ((match = /^\/ticket\/(\d{1,12})\/correspond$/.exec(path)) && method === 'POST') {
      await ensureOwn(match[1], requestor);
      return rt('POST', path, {
        body: pick(await readObject(request), ['Content', 'ContentType', 'Attachments']),
      });
    }
    if ((match = /^\/ticket\/(\d{1,12})\/attachments$/.exec(path)) && method === 'POST') {
      await ensureOwn(match[1], requestor);
      const params = listParams(searchParams, ATTACHMENT_SEARCH_PARAMS);
      const search = attachmentSearch(await readBody(request));
      const publicIds = await publicTransactionIds(match[1]);
      // RT ORs two limits on one field but ANDs limits on different ones: transaction ids are
      // intersected here, attachment ids limited to the public transactions in RT.
      const transactionIds = search.field === 'TransactionId' ? search.value.filter((id) => publicIds.includes(id)) : publicIds;
      if (transactionIds.length === 0) return Response.json({ count: 0, page: 1, per_page: 0, total: 0, items: [] });
      const body = [{ field: 'TransactionId', operator: 'IN', value: transactionIds }];
      if (search.field === 'id') body.push({ field: 'id', operator: 'IN', value: search.value });
      return rt('POST', path, { params, body });
    }
    if (path === '/transactions' && method === 'GET') {
      const params = listParams(searchParams, TRANSACTION_LIST_PARAMS);
      const query = searchParams.get('query') ?? '';
      match = CONVERSATION.exec(query);
      if (!match) throw new ProxyError(400, 'only the conversation of one ticket');
      await ensureOwn(match[1], requestor);
      return rt('GET', path, { params: [['query', query], ...params] });
    }
    if ((match = /^\/transaction\/(\d{1,12})$/.exec(path)) && method === 'GET') {
      const answer = await rt('GET', path);
      if (!answer.ok) return answer;
      const transaction = await answer.json();
      if (transaction?.Object?.type !== 'ticket') throw denied();
      await ensureOwn(String(transaction.Object.id), requestor);
      return Response.json(pick(transaction, ['id', 'Type', 'Created']));
    }
    if ((match = /^\/queue\/([^/]+)$/.exec(path)) && method === 'GET' && escalationQueue && decodeURIComponent(match[1]) === escalationQueue) {
      const answer = await rt('GET', path);
      return answer.ok ? Response.json(pick(await answer.json(), ['id', 'Name'])) : answer;
    }
    throw denied();
  }

  async function listener(request, response) {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const requestor = await requestorFor(request.headers.authorization);
      if (!requestor) return send(401, JSON.stringify({ message: 'Unauthorized' }));
      const answer = await route(request.method ?? 'GET', url.pathname.slice(RT_PROXY_PREFIX.length), url.searchParams, request, requestor);
      const headers = {};
      for (const name of ['ETag', 'Location', 'Retry-After', 'Last-Modified']) {
        const value = answer.headers.get(name);
        if (value) headers[name] = value;
      }
      send(answer.status, Buffer.from(await answer.arrayBuffer()), headers);
    } catch (error) {
      if (error instanceof ProxyError) return send(error.status, JSON.stringify({ message: error.message }));
      // RT not answering: the adapter turns 503 into `unavailable`, worth a retry.
      console.error('RT proxy:', error);
      send(503, JSON.stringify({ message: 'Request Tracker is not reachable' }));
    }
  }

  return {
    handles: (url) => typeof url === 'string' && (url === RT_PROXY_PREFIX || url.startsWith(`${RT_PROXY_PREFIX}/`) || url.startsWith(`${RT_PROXY_PREFIX}?`)),
    listener,
  };
}

function escalationPriorityFrom(value) {
  if (!value) return undefined;
  const priority = Number(value);
  if (!Number.isInteger(priority) || priority < 0 || priority > 255)
    throw new Error(`RINGSIDE_RT_ESCALATION_PRIORITY must be a whole number 0–255, not "${value}"`);
  return priority;
}

/**
 * The proxy as the reference server configures it from its environment, or null when
 * RINGSIDE_RT_URL is not set. `apiFetch` is the API's own fetch, used to ask who is signed in
 * (GET /api/v1/session); the customer's RT address is `<username>@RINGSIDE_RT_REQUESTOR_DOMAIN`.
 * RINGSIDE_RT_ESCALATION_QUEUE / RINGSIDE_RT_ESCALATION_PRIORITY match the adapter's `escalation`.
 */
export function rtProxyFromEnvironment(env, apiFetch) {
  if (!env.RINGSIDE_RT_URL) return null;
  for (const name of ['RINGSIDE_RT_TOKEN', 'RINGSIDE_RT_QUEUE', 'RINGSIDE_RT_REQUESTOR_DOMAIN']) {
    if (!env[name]) throw new Error(`RINGSIDE_RT_URL is set, so ${name} must be too (docs/adapters/request-tracker.md)`);
  }
  return createRtProxy({
    rtUrl: env.RINGSIDE_RT_URL,
    rtToken: env.RINGSIDE_RT_TOKEN,
    queue: env.RINGSIDE_RT_QUEUE,
    escalationQueue: env.RINGSIDE_RT_ESCALATION_QUEUE || undefined,
    escalationPriority: escalationPriorityFrom(env.RINGSIDE_RT_ESCALATION_PRIORITY),
    requestorFor: async (authorization) => {
      if (!authorization) return null;
      const answer = await apiFetch(
        new Request('http://localhost/api/v1/session', {
          headers: { Authorization: authorization },
        })
      );
      if (!answer.ok) return null;
      const session = await answer.json();
      return `${session.user.username}@${env.RINGSIDE_RT_REQUESTOR_DOMAIN}`.toLowerCase();
    },
  });
}
