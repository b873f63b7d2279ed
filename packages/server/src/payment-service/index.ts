// The demo payment service: what a card processor's tokenization endpoint is to a real
// portal. The demo tokenizer posts the card or bank details the customer typed here, never to
// /api/v1, and gets an opaque token back; the reference API then only ever sees the token, the
// brand, the last four digits and the expiry. Test numbers behave as docs/payments.md lists.
//
//   POST /pay-demo/tokens   {kind: 'card', number, expiry, securityCode, holder}   → 201 {method}
//                           {kind: 'bank_account', holder, routingNumber, accountNumber, accountType}
//                           {kind: 'direct_debit', holder, iban}                   → 400 {fields}
//   GET  /pay-demo/redirect/<payment id>?return=<url>   the demo wallet's page (HTML, no script):
//        the customer really leaves the portal, approves or cancels, and is sent back to the
//        return URL (which names the payment, `rs-payment=<id>`; "Cancel" leaves that out). The
//        return URL must be on the portal's own origin: the page is no open redirect.
//
// Nothing it receives is stored or logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { PAYMENT_RETURN_PARAM } from '@ringside/core';
import { demoTokenize, type DemoMethodDetails } from '@ringside/widgets/demo-tokenizer';
import { WALLET_LANGUAGES } from './wallet-strings.js';

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

/** The wallet page's own policy: no script, no style, nothing framed; only the portal's icon. */
const WALLET_PAGE_POLICY = "default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[char]!));

/** This server's origin as the browser addressed it (as the payments API names it in the wallet's address). */
function requestOrigin(request: IncomingMessage): string | null {
  const host = request.headers.host;
  if (!host || !/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  const protocol = request.headers['x-forwarded-proto'] === 'https' || (request.socket as TLSSocket).encrypted ? 'https' : 'http';
  return new URL(`${protocol}://${host}`).origin;
}

/**
 * The return URL as sent, when it is an http(s) URL on the portal's own origin. Anything else
 * is refused: the wallet page would otherwise send customers wherever a link told it to.
 */
function returnUrlOf(value: string | null, origin: string | null): URL | null {
  try {
    const url = new URL(value ?? '');
    return (url.protocol === 'https:' || url.protocol === 'http:') && origin !== null && url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * The demo wallet's page: approving goes back to the return URL (which names the payment, and the
 * demo processor passes every redirect when the payment is next read); cancelling goes back
 * without the payment's name, as an abandoned wallet checkout, and nothing is charged. It speaks
 * the portal's language (the return URL's `lang`).
 */
function walletPage(paymentId: string, back: URL): string {
  const lang = WALLET_LANGUAGES.find((language) => language.code === back.searchParams.get('lang')) ?? WALLET_LANGUAGES[0]!;
  const t = (key: Exclude<keyof typeof lang, 'code' | 'dir'>) => escapeHtml(lang[key]);
  const cancel = new URL(back);
  cancel.searchParams.delete(PAYMENT_RETURN_PARAM);
  return `<!doctype html>
<html lang="${lang.code}" dir="${lang.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t('title')}</title>
<link rel="icon" href="/favicon.svg">
</head>
<body>
<main aria-labelledby="title">
<h1 id="title">${t('title')}</h1>
<p>${t('question')}</p>
<p>${t('reference')} <code dir="ltr">${escapeHtml(paymentId)}</code></p>
<p><a href="${escapeHtml(back.href)}">${t('approve')}</a></p>
<p><a href="${escapeHtml(cancel.href)}">${t('cancel')}</a></p>
</main>
</body>
</html>
`;
}

function serveWalletPage(request: IncomingMessage, response: ServerResponse, url: URL): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, { message: 'Method not allowed' }, { Allow: 'GET, HEAD' });
  const paymentId = decodeURIComponent(url.pathname.slice(`${PAYMENT_SERVICE_ROOT}redirect/`.length));
  const back = returnUrlOf(url.searchParams.get('return'), requestOrigin(request));
  if (!/^[\w.:-]{1,100}$/.test(paymentId) || !back || back.searchParams.get(PAYMENT_RETURN_PARAM) !== paymentId)
    return reply(response, 400, { message: 'Not a wallet payment' });
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': WALLET_PAGE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  response.end(request.method === 'HEAD' ? undefined : walletPage(paymentId, back));
}

export function createDemoPaymentService(options: { now?: () => Date } = {}): DemoPaymentServiceHandler {
  const now = options.now ?? (() => new Date());
  return {
    handles: (url) => typeof url === 'string' && url.startsWith(PAYMENT_SERVICE_ROOT),
    async listener(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path.startsWith(`${PAYMENT_SERVICE_ROOT}redirect/`)) return serveWalletPage(request, response, url);
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
