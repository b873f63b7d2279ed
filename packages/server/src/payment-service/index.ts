// The demo payment service: what a card processor's tokenization endpoint is to a real
// portal. The demo tokenizer posts the card or bank details the customer typed here, never to
// /api/v1, and gets an opaque token back; the reference API then only ever sees the token, the
// brand, the last four digits and the expiry. Test numbers behave as docs/payments.md lists.
//
//   POST /pay-demo/tokens   {kind: 'card', number, expiry, securityCode, holder}   → 201 {method}
//                           {kind: 'bank_account', holder, routingNumber, accountNumber, accountType}
//                           {kind: 'direct_debit', holder, iban}                   → 400 {fields}
//
// Nothing it receives is stored or logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoTokenize, type DemoMethodDetails } from '@ringside/widgets/demo-tokenizer';

export const PAYMENT_SERVICE_ROOT = '/pay-demo/';
const MAX_BODY_BYTES = 4096;

export interface DemoPaymentServiceHandler {
  handles(url: string | undefined): boolean;
  listener(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const KINDS = new Set(['card', 'bank_account', 'direct_debit']);
const TEXT_FIELDS = ['number', 'expiry', 'securityCode', 'holder', 'routingNumber', 'accountNumber', 'accountType', 'iban'];

/** The details as sent, or null when they are not an object of short strings of a known kind. */
function detailsOf(text: string): DemoMethodDetails | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (!KINDS.has(record.kind as string)) return null;
  for (const field of TEXT_FIELDS) {
    if (record[field] !== undefined && (typeof record[field] !== 'string' || (record[field] as string).length > 100)) return null;
  }
  return { holder: '', ...record } as DemoMethodDetails;
}

export function createDemoPaymentService(options: { now?: () => Date } = {}): DemoPaymentServiceHandler {
  const now = options.now ?? (() => new Date());
  return {
    handles: (url) => typeof url === 'string' && url.startsWith(PAYMENT_SERVICE_ROOT),
    async listener(request, response) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path !== `${PAYMENT_SERVICE_ROOT}tokens`) return reply(response, 404, { message: 'Not found' });
      if (request.method !== 'POST') return reply(response, 405, { message: 'Method not allowed' }, { Allow: 'POST' });
      if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) return reply(response, 415, { message: 'Send JSON' });
      const text = await readBody(request);
      const details = text === null ? null : detailsOf(text);
      if (!details) return reply(response, 400, { fields: [{ field: 'kind', reason: 'invalid' }] });
      const answer = demoTokenize(details, now());
      return reply(response, 'method' in answer ? 201 : 400, answer);
    },
  };
}
