import {
  RingsideError,
  type AutoPayInput,
  type BillingAdapter,
  type Capabilities,
  type ExtensionInput,
  type ExtensionQuery,
  type ExtensionsAdapter,
  type HuntGroupInput,
  type HuntGroupQuery,
  type HuntGroupsAdapter,
  type PaymentRequest,
  type PaymentSource,
  type PaymentsAdapter,
  type RingsideAdapter,
  type ScheduleInput,
  type ScheduleQuery,
  type SchedulesAdapter,
  type SortOrder,
  type TicketInput,
  type TicketQuery,
  type TicketsAdapter,
  type TokenizedMethod,
  type WriteOptions,
} from '@ringside/core';
import { createRingsideClient, type RingsideClient, type RingsideClientOptions } from './client.js';
import { errorFromResponse, errorFromThrown } from './errors.js';
import type { components } from './generated/ringside.js';

type Schemas = components['schemas'];

export interface OpenApiAdapterOptions extends RingsideClientOptions {
  /**
   * What the signed-in customer's account can do. Adapters expose capabilities synchronously;
   * `connectOpenApiAdapter` reads them from `GET /session`. Defaults to `OPENAPI_CAPABILITIES`,
   * everything openapi/ringside.yaml describes.
   */
  capabilities?: Capabilities;
  /** Shown in logs and `unsupported` errors; defaults to `openapi`. */
  name?: string;
}

export interface OpenApiAdapter extends RingsideAdapter {
  /** The typed openapi-fetch client underneath, for endpoints the contract has no method for. */
  readonly client: RingsideClient;
}

/** Everything openapi/ringside.yaml describes. A real account may offer less: see `connectOpenApiAdapter`. */
export const OPENAPI_CAPABILITIES: Capabilities = {
  billing: { read: true, write: false, charges: true },
  extensions: { read: true, write: true, fields: ['phoneLine', 'primaryGroup', 'published', 'recordedName'] },
  huntGroups: { read: true, write: true, sequences: ['order', 'random', 'simultaneous', 'least_used'], includeGroups: true },
  schedules: { read: true, write: true },
  payments: { read: true, write: true, methods: ['card', 'bank_account', 'direct_debit', 'redirect', 'voucher'], savedMethods: true, autoPay: true },
  tickets: { read: true, write: true, statuses: ['new', 'open', 'stalled', 'resolved', 'rejected'], attachments: true, escalate: true, priorities: true },
};

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Runs one request: a thrown fetch becomes `network`/`invalid_response`, an error answer its mapped code. */
async function send<T>(request: () => Promise<FetchResult<T>>): Promise<{ data: T | undefined; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await request();
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
  if (!result.response.ok) throw errorFromResponse(result.response, result.error);
  return { data: result.data, response: result.response };
}

/** Like `send`, for answers that must have a body. */
async function fetchData<T>(request: () => Promise<FetchResult<T>>): Promise<T> {
  const { data, response } = await send(request);
  if (data === undefined || data === null || typeof data !== 'object') {
    throw new RingsideError('invalid_response', { detail: `HTTP ${response.status} without the expected body` });
  }
  return data;
}

/** `If-Match` with the version quoted as an entity tag. */
function ifMatchHeader(options?: WriteOptions): { 'If-Match'?: string } {
  const version = options?.ifMatch;
  if (version === undefined) return {};
  return { 'If-Match': version === '*' || /^(W\/)?".*"$/.test(version) ? version : `"${version}"` };
}

function sortParam(sort: SortOrder[] | undefined): string | undefined {
  if (!sort?.length) return undefined;
  return sort.map((order) => `${order.field}:${order.direction}`).join(',');
}

/** Drops undefined values: a body then has only what the caller gave. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** Drops undefined and empty values, so the query string only has what was asked for. */
function compactQuery<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== '')) as T;
}

// Bodies are built field by field: callers may pass whole records (with id, version…), and the
// API refuses unknown fields.
const extensionBody = (input: ExtensionInput): Schemas['ExtensionInput'] =>
  compact({ number: input.number, name: input.name, phoneLineId: input.phoneLineId, primaryGroupId: input.primaryGroupId, published: input.published });

const huntGroupBody = (input: HuntGroupInput): Schemas['HuntGroupInput'] => ({
  number: input.number,
  name: input.name,
  sequence: input.sequence,
  callerIdMode: input.callerIdMode,
  pickupAllowed: input.pickupAllowed,
  members: input.members.map((member) => ({
    extensionId: member.extensionId,
    ringDelay: member.ringDelay,
    ringTime: member.ringTime,
    ignoreFollowMe: member.ignoreFollowMe,
    primary: member.primary,
  })),
  includedGroups: input.includedGroups.map((group) => ({ groupId: group.groupId, ignoreFollowMe: group.ignoreFollowMe })),
});

const scheduleBody = (input: ScheduleInput): Schemas['ScheduleInput'] => ({ name: input.name, period: input.period, timeZone: input.timeZone });

const tokenizedBody = (method: TokenizedMethod): Schemas['TokenizedMethod'] =>
  compact({
    kind: method.kind,
    token: method.token,
    brand: method.brand,
    last4: method.last4,
    expiry: method.expiry ? { month: method.expiry.month, year: method.expiry.year } : undefined,
  });

function sourceBody(source: PaymentSource): Schemas['PaymentSource'] {
  if ('savedMethodId' in source) return { savedMethodId: source.savedMethodId };
  if ('tokenized' in source) return compact({ tokenized: tokenizedBody(source.tokenized), save: source.save });
  return { redirect: { returnUrl: source.redirect.returnUrl } };
}

const autoPayBody = (settings: AutoPayInput): Schemas['AutoPayInput'] => ({
  payInvoices: settings.payInvoices,
  topUp: settings.topUp ? { threshold: settings.topUp.threshold, amount: settings.topUp.amount } : null,
  methodId: settings.methodId,
});

const ticketBody = (input: TicketInput): Schemas['TicketInput'] =>
  compact({
    subject: input.subject,
    description: input.description,
    category: input.category,
    accountId: input.accountId,
    priority: input.priority,
    attachmentIds: input.attachmentIds,
  });

function unsupported(name: string, what: string): never {
  throw new RingsideError('unsupported', { detail: `${name} cannot ${what}` });
}

/**
 * A RingsideAdapter for any backend that implements openapi/ringside.yaml.
 *
 * Sections exist for the domains `capabilities` can read; writes a domain cannot do reject with
 * `unsupported` before any request. HTTP statuses and error bodies become RingsideError codes
 * (401 → `unauthorized`, so widgets emit `rs-auth-required`); the server's messages stay in
 * `detail`.
 */
export function createOpenApiAdapter(options: OpenApiAdapterOptions): OpenApiAdapter {
  const client = createRingsideClient(options);
  const name = options.name ?? 'openapi';
  const capabilities = structuredClone(options.capabilities ?? OPENAPI_CAPABILITIES);
  const canWrite = (domain: keyof Capabilities, what: string) => {
    if (!capabilities[domain].write) unsupported(name, what);
  };

  const billing: BillingAdapter = {
    async getBalance(callOptions) {
      const { data, response } = await send(() => client.GET('/billing/balance', { signal: callOptions?.signal }));
      if (response.status === 204 || data === undefined) return null;
      return data;
    },
    async getCharges(query, callOptions) {
      if (!capabilities.billing.charges) unsupported(name, 'list charges');
      const data = await fetchData(() => client.GET('/billing/charges', { params: { query: { from: query.from, to: query.to } }, signal: callOptions?.signal }));
      return data.items;
    },
  };

  const extensions: ExtensionsAdapter = {
    settings: (callOptions) => fetchData(() => client.GET('/extension-settings', { signal: callOptions?.signal })),
    list: (query: ExtensionQuery, callOptions) =>
      fetchData(() =>
        client.GET('/extensions', {
          params: {
            query: compactQuery({
              page: query.page,
              pageSize: query.pageSize,
              sort: sortParam(query.sort),
              search: query.search,
              filter: query.filter?.groupId ? { groupId: query.filter.groupId } : undefined,
            }),
          },
          signal: callOptions?.signal,
        }),
      ),
    get: (id, callOptions) => fetchData(() => client.GET('/extensions/{extensionId}', { params: { path: { extensionId: id } }, signal: callOptions?.signal })),
    create: async (input, callOptions) => {
      canWrite('extensions', 'create extensions');
      return fetchData(() => client.POST('/extensions', { body: extensionBody(input), signal: callOptions?.signal }));
    },
    update: async (id, input, writeOptions) => {
      canWrite('extensions', 'change extensions');
      return fetchData(() =>
        client.PUT('/extensions/{extensionId}', {
          params: { path: { extensionId: id }, header: ifMatchHeader(writeOptions) },
          body: extensionBody(input),
          signal: writeOptions?.signal,
        }),
      );
    },
    delete: async (id, writeOptions) => {
      canWrite('extensions', 'delete extensions');
      await send(() =>
        client.DELETE('/extensions/{extensionId}', { params: { path: { extensionId: id }, header: ifMatchHeader(writeOptions) }, signal: writeOptions?.signal }),
      );
    },
    listPhoneLines: async (callOptions) => (await fetchData(() => client.GET('/phone-lines', { signal: callOptions?.signal }))).items,
  };

  const huntGroups: HuntGroupsAdapter = {
    list: (query: HuntGroupQuery, callOptions) =>
      fetchData(() =>
        client.GET('/hunt-groups', {
          params: { query: compactQuery({ page: query.page, pageSize: query.pageSize, sort: sortParam(query.sort), search: query.search }) },
          signal: callOptions?.signal,
        }),
      ),
    get: (id, callOptions) => fetchData(() => client.GET('/hunt-groups/{huntGroupId}', { params: { path: { huntGroupId: id } }, signal: callOptions?.signal })),
    create: async (input, callOptions) => {
      canWrite('huntGroups', 'create hunt groups');
      return fetchData(() => client.POST('/hunt-groups', { body: huntGroupBody(input), signal: callOptions?.signal }));
    },
    update: async (id, input, writeOptions) => {
      canWrite('huntGroups', 'change hunt groups');
      return fetchData(() =>
        client.PUT('/hunt-groups/{huntGroupId}', {
          params: { path: { huntGroupId: id }, header: ifMatchHeader(writeOptions) },
          body: huntGroupBody(input),
          signal: writeOptions?.signal,
        }),
      );
    },
    delete: async (id, writeOptions) => {
      canWrite('huntGroups', 'delete hunt groups');
      await send(() =>
        client.DELETE('/hunt-groups/{huntGroupId}', { params: { path: { huntGroupId: id }, header: ifMatchHeader(writeOptions) }, signal: writeOptions?.signal }),
      );
    },
    pickupSettings: (callOptions) => fetchData(() => client.GET('/pickup-settings', { signal: callOptions?.signal })),
  };

  const schedules: SchedulesAdapter = {
    list: (query: ScheduleQuery, callOptions) =>
      fetchData(() =>
        client.GET('/schedules', {
          params: { query: compactQuery({ page: query.page, pageSize: query.pageSize, sort: sortParam(query.sort), search: query.search }) },
          signal: callOptions?.signal,
        }),
      ),
    get: (id, callOptions) => fetchData(() => client.GET('/schedules/{scheduleId}', { params: { path: { scheduleId: id } }, signal: callOptions?.signal })),
    create: async (input, callOptions) => {
      canWrite('schedules', 'create schedules');
      return fetchData(() => client.POST('/schedules', { body: scheduleBody(input), signal: callOptions?.signal }));
    },
    update: async (id, input, writeOptions) => {
      canWrite('schedules', 'change schedules');
      return fetchData(() =>
        client.PUT('/schedules/{scheduleId}', {
          params: { path: { scheduleId: id }, header: ifMatchHeader(writeOptions) },
          body: scheduleBody(input),
          signal: writeOptions?.signal,
        }),
      );
    },
    delete: async (id, writeOptions) => {
      canWrite('schedules', 'delete schedules');
      await send(() =>
        client.DELETE('/schedules/{scheduleId}', { params: { path: { scheduleId: id }, header: ifMatchHeader(writeOptions) }, signal: writeOptions?.signal }),
      );
    },
  };

  const payments: PaymentsAdapter = {
    settings: (callOptions) => fetchData(() => client.GET('/payment-settings', { signal: callOptions?.signal })),
    listMethods: async (callOptions) => {
      if (!capabilities.payments.savedMethods) unsupported(name, 'store payment methods');
      return (await fetchData(() => client.GET('/payment-methods', { signal: callOptions?.signal }))).items;
    },
    addMethod: async (method, callOptions) => {
      canWrite('payments', 'store payment methods');
      if (!capabilities.payments.savedMethods) unsupported(name, 'store payment methods');
      return fetchData(() => client.POST('/payment-methods', { body: tokenizedBody(method), signal: callOptions?.signal }));
    },
    removeMethod: async (id, callOptions) => {
      canWrite('payments', 'remove payment methods');
      if (!capabilities.payments.savedMethods) unsupported(name, 'store payment methods');
      await send(() => client.DELETE('/payment-methods/{methodId}', { params: { path: { methodId: id } }, signal: callOptions?.signal }));
    },
    setPreferred: async (id, callOptions) => {
      canWrite('payments', 'change payment methods');
      if (!capabilities.payments.savedMethods) unsupported(name, 'store payment methods');
      return fetchData(() => client.POST('/payment-methods/{methodId}/preferred', { params: { path: { methodId: id } }, signal: callOptions?.signal }));
    },
    makePayment: async (request: PaymentRequest, callOptions) => {
      canWrite('payments', 'take payments');
      return fetchData(() =>
        client.POST('/payments', {
          params: { header: { 'Idempotency-Key': request.idempotencyKey } },
          body: { amount: { amount: request.amount.amount, currency: request.amount.currency }, source: sourceBody(request.source) },
          signal: callOptions?.signal,
        }),
      );
    },
    getPayment: (id, callOptions) => fetchData(() => client.GET('/payments/{paymentId}', { params: { path: { paymentId: id } }, signal: callOptions?.signal })),
    getAutoPay: async (callOptions) => {
      if (!capabilities.payments.autoPay) unsupported(name, 'auto-pay');
      return fetchData(() => client.GET('/auto-pay', { signal: callOptions?.signal }));
    },
    updateAutoPay: async (settings, writeOptions) => {
      canWrite('payments', 'change auto-pay');
      if (!capabilities.payments.autoPay) unsupported(name, 'auto-pay');
      return fetchData(() =>
        client.PUT('/auto-pay', { params: { header: ifMatchHeader(writeOptions) }, body: autoPayBody(settings), signal: writeOptions?.signal }),
      );
    },
    redeemVoucher: async (request, callOptions) => {
      canWrite('payments', 'redeem vouchers');
      if (!capabilities.payments.methods.includes('voucher')) unsupported(name, 'redeem vouchers');
      return fetchData(() =>
        client.POST('/voucher-redemptions', {
          params: { header: { 'Idempotency-Key': request.idempotencyKey } },
          body: { code: request.code },
          signal: callOptions?.signal,
        }),
      );
    },
  };

  const tickets: TicketsAdapter = {
    settings: (callOptions) => fetchData(() => client.GET('/ticket-settings', { signal: callOptions?.signal })),
    list: (query: TicketQuery, callOptions) => {
      const filter = compactQuery({
        status: query.filter?.status?.length ? query.filter.status.join(',') : undefined,
        createdAfter: query.filter?.createdAfter,
      });
      return fetchData(() =>
        client.GET('/tickets', {
          params: {
            query: compactQuery({
              page: query.page,
              pageSize: query.pageSize,
              sort: sortParam(query.sort),
              search: query.search,
              filter: Object.keys(filter).length ? filter : undefined,
            }),
          },
          signal: callOptions?.signal,
        }),
      );
    },
    get: (id, callOptions) => fetchData(() => client.GET('/tickets/{ticketId}', { params: { path: { ticketId: id } }, signal: callOptions?.signal })),
    messages: (id, query, callOptions) =>
      fetchData(() =>
        client.GET('/tickets/{ticketId}/messages', {
          params: { path: { ticketId: id }, query: compactQuery({ page: query.page, pageSize: query.pageSize }) },
          signal: callOptions?.signal,
        }),
      ),
    uploadAttachment: async (file, fileName, uploadOptions) => {
      canWrite('tickets', 'upload attachments');
      if (!capabilities.tickets.attachments) unsupported(name, 'take attachments');
      // fetch() reports no upload progress: the callback hears the start and the end.
      uploadOptions?.onProgress?.(0, file.size);
      const attachment = await fetchData(() =>
        client.POST('/attachments', {
          params: { query: { name: fileName } },
          // The body is the file itself; openapi-fetch must not JSON-encode it.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
          signal: uploadOptions?.signal,
        }),
      );
      uploadOptions?.onProgress?.(file.size, file.size);
      return attachment;
    },
    create: async (input, callOptions) => {
      canWrite('tickets', 'open tickets');
      return fetchData(() => client.POST('/tickets', { body: ticketBody(input), signal: callOptions?.signal }));
    },
    reply: async (id, input, callOptions) => {
      canWrite('tickets', 'reply to tickets');
      return fetchData(() =>
        client.POST('/tickets/{ticketId}/messages', {
          params: { path: { ticketId: id } },
          body: compact({ body: input.body, attachmentIds: input.attachmentIds }),
          signal: callOptions?.signal,
        }),
      );
    },
    setStatus: async (id, status, writeOptions) => {
      canWrite('tickets', 'change ticket statuses');
      return fetchData(() =>
        client.PUT('/tickets/{ticketId}/status', {
          params: { path: { ticketId: id }, header: ifMatchHeader(writeOptions) },
          body: { status },
          signal: writeOptions?.signal,
        }),
      );
    },
    escalate: async (id, reason, writeOptions) => {
      canWrite('tickets', 'escalate tickets');
      if (!capabilities.tickets.escalate) unsupported(name, 'escalate tickets');
      return fetchData(() =>
        client.POST('/tickets/{ticketId}/escalation', {
          params: { path: { ticketId: id }, header: ifMatchHeader(writeOptions) },
          body: { reason },
          signal: writeOptions?.signal,
        }),
      );
    },
  };

  return {
    name,
    capabilities,
    client,
    ...(capabilities.billing.read ? { billing } : {}),
    ...(capabilities.extensions.read ? { extensions } : {}),
    ...(capabilities.huntGroups.read ? { huntGroups } : {}),
    ...(capabilities.schedules.read ? { schedules } : {}),
    ...(capabilities.payments.read ? { payments } : {}),
    ...(capabilities.tickets.read ? { tickets } : {}),
  };
}
