import { randomUUID } from 'node:crypto';
import type { Context as BackendContext, Document } from 'openapi-backend';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../db/database.js';
import { SessionCache, SignInLimiter, bearerToken, type Session } from './auth.js';
import type { ApiRequest, Operation, Reply } from './context.js';
import { HttpError, INTERNAL_ERROR, httpError, toHttpError, type ErrorBody } from './errors.js';
import { billingOperations } from './handlers/billing.js';
import { paymentOperations } from './handlers/payments.js';
import { scheduleOperations } from './handlers/schedules.js';
import { sessionOperations } from './handlers/session.js';
import { extensionOperations, huntGroupOperations } from './handlers/telephony.js';
import { ticketOperations } from './handlers/tickets.js';
import { createOpenApiBackend, fieldReasons, loadSpec } from './openapi.js';

export interface ApiAppOptions {
  db: Database;
  /** The parsed openapi/ringside.yaml; read from the repository when absent. */
  spec?: Document;
  /**
   * Check every answer against the YAML too. An answer that does not match is logged and
   * replaced by a 500, so tests catch it. Default: on unless NODE_ENV is `production`.
   */
  validateResponses?: boolean;
  /** Largest JSON body in bytes (default 64 KiB). */
  maxJsonBytes?: number;
  /** Largest attachment in bytes, whatever a customer's settings allow (default 10 MiB). */
  maxUploadBytes?: number;
  /** The server's clock (tests pin it). */
  now?: () => Date;
  /** How long a looked-up session is reused without asking the database (default 5 000 ms; 0 asks every time). */
  sessionCacheMs?: number;
  /** Sign-in attempts per username before 429. */
  signInLimiter?: SignInLimiter;
  /** Where errors go; default `console.error`. Never sent to clients. */
  logError?: (message: string, error: unknown) => void;
}

const API_ROOT = '/api/v1';
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

const OPERATIONS: Record<string, Operation> = {
  getHealth: { handle: async () => ({ status: 200, body: { status: 'ok' } }) },
  ...billingOperations,
  ...extensionOperations,
  ...huntGroupOperations,
  ...scheduleOperations,
  ...paymentOperations,
  ...ticketOperations,
};

/** What a request brings into openapi-backend's handlers besides the parsed request. */
interface Extra {
  raw: Uint8Array | null;
}

const errorReply = (error: HttpError): Reply => ({ status: error.status, body: error.body, headers: error.headers });

/**
 * The reference backend of openapi/ringside.yaml as a Hono app: routes, parameters, headers and
 * bodies are matched and checked by openapi-backend against the YAML (400 with the fields that
 * failed, 404 for unknown routes); handlers then apply the business rules shared with the memory
 * adapter, scoped to the signed-in user's customer. Mount it as it is, or call `app.fetch`.
 */
export async function createApiApp(options: ApiAppOptions): Promise<Hono> {
  const { db } = options;
  const validateResponses = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const maxJsonBytes = options.maxJsonBytes ?? 64 * 1024;
  const maxUploadBytes = options.maxUploadBytes ?? 10 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(`[api] ${message}`, error));
  const sessions = new SessionCache(options.sessionCacheMs ?? 5_000);
  const operations: Record<string, Operation> = { ...OPERATIONS, ...sessionOperations(options.signInLimiter, sessions) };

  // Response validators compile on first use of each operation: checking answers must not slow the start.
  const api = await createOpenApiBackend(options.spec ?? loadSpec(), { compileResponses: false });
  const documented = api.getOperations().map((operation) => operation.operationId!);
  const missing = documented.filter((id) => !operations[id]);
  if (missing.length) throw new Error(`openapi/ringside.yaml operations without a handler: ${missing.join(', ')}`);
  const headerNames = new Map(
    api
      .getOperations()
      .flatMap((operation) => (operation.parameters ?? []) as { in: string; name: string }[])
      .filter((parameter) => parameter.in === 'header')
      .map((parameter) => [parameter.name.toLowerCase(), parameter.name]),
  );

  api.registerSecurityHandler('bearerAuth', async (context: BackendContext) => {
    const token = bearerToken(context.request.headers.authorization as string | undefined);
    if (!token) return false;
    // A database failure here is not a failed sign-in: it is rethrown by the unauthorized handler.
    return (await sessions.find(db, token)) ?? false;
  });

  api.register({
    notFound: async () => errorReply(httpError(404, 'not_found', 'No such route.')),
    methodNotAllowed: async (context: BackendContext) => {
      const path = context.request.path;
      const allowed = ['get', 'put', 'post', 'delete'].filter((method) => api.router.matchOperation({ method, path, headers: {} })).map((method) => method.toUpperCase());
      return errorReply(httpError(405, 'not_found', 'This route does not take this method.', {}, allowed.length ? { Allow: allowed.join(', ') } : {}));
    },
    unauthorizedHandler: async (context: BackendContext) => {
      const result = context.security?.bearerAuth as { error?: unknown } | undefined;
      if (result && typeof result === 'object' && 'error' in result && result.error) throw result.error;
      return errorReply(httpError(401, 'unauthorized', 'Sign in first: the bearer token is missing, unknown or expired.', {}, { 'WWW-Authenticate': 'Bearer' }));
    },
    validationFail: async (context: BackendContext) => errorReply(httpError(400, 'validation', 'The request does not match the API description.', { fields: fieldReasons(context.validation.errors ?? [], headerNames) })),
  });

  for (const operationId of documented) {
    const operation = operations[operationId]!;
    api.register(operationId, async (context: BackendContext, extra: Extra): Promise<Reply> => {
      const session = context.security?.bearerAuth as Session | undefined;
      if (session && operation.domain) {
        const capabilities = session.capabilities;
        if (!capabilities[operation.domain].read || (operation.needs && !operation.needs(capabilities))) {
          return errorReply(httpError(501, 'unsupported', 'This account does not offer this.'));
        }
      }
      const request: ApiRequest = {
        db,
        session: session as Session,
        params: context.request.params as Record<string, string>,
        query: context.request.query as Record<string, unknown>,
        headers: context.request.headers as Record<string, string | undefined>,
        body: context.request.requestBody,
        raw: extra.raw,
        now,
      };
      return operation.handle(request);
    });
  }

  const app = new Hono();

  // Never a stack trace, never an exception's text: a generic body and a request id for the log.
  app.onError((error, c) => {
    const known = toHttpError(error);
    if (known) return send(errorReply(known));
    const requestId = randomUUID();
    logError(`request ${requestId} ${c.req.method} ${c.req.path} failed`, error);
    return send({ status: 500, body: { ...INTERNAL_ERROR, message: `${INTERNAL_ERROR.message} (request ${requestId})` } });
  });
  app.notFound(() => send(errorReply(httpError(404, 'not_found', 'No such route.'))));

  const tooLarge = (max: number, field: string) => () =>
    send(errorReply(httpError(413, 'validation', 'The request body is too large.', { fields: [{ field, reason: 'too_large', params: { max } }] })));
  const jsonLimit = bodyLimit({ maxSize: maxJsonBytes, onError: tooLarge(maxJsonBytes, 'body') });
  const uploadLimit = bodyLimit({ maxSize: maxUploadBytes, onError: tooLarge(maxUploadBytes, 'file') });
  app.use(`${API_ROOT}/*`, (c, next) => (c.req.path === `${API_ROOT}/attachments` ? uploadLimit(c, next) : jsonLimit(c, next)));

  app.all(`${API_ROOT}/*`, async (c) => {
    const url = new URL(c.req.url);
    const method = c.req.method;
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name] = value;
    });
    let body: unknown;
    let raw: Uint8Array | null = null;
    if (method !== 'GET' && method !== 'HEAD' && c.req.raw.body) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (url.pathname === `${API_ROOT}/attachments`) raw = bytes;
      else if (bytes.byteLength) {
        if (!JSON_TYPE.test(headers['content-type'] ?? '')) {
          return send(errorReply(httpError(415, 'validation', 'Send JSON, with Content-Type: application/json.', { fields: [{ field: 'Content-Type', reason: 'invalid', params: { allowed: 'application/json' } }] })));
        }
        try {
          body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          return send(errorReply(httpError(400, 'validation', 'The body is not valid JSON.', { fields: [{ field: 'body', reason: 'invalid_json' }] })));
        }
      }
    }
    let reply: Reply;
    let operationId: string | undefined;
    try {
      reply = (await api.handleRequest(
        { method, path: url.pathname, query: url.search.replace(/^\?/, ''), headers, body },
        { raw } satisfies Extra,
      )) as Reply;
      operationId = api.router.matchOperation({ method, path: url.pathname, headers })?.operationId;
    } catch (error) {
      const known = toHttpError(error);
      if (!known) throw error;
      reply = errorReply(known);
      operationId = api.router.matchOperation({ method, path: url.pathname, headers })?.operationId;
    }
    if (validateResponses && operationId) {
      const documented = Object.keys(api.router.getOperation(operationId)?.responses ?? {});
      const problem = !documented.includes(String(reply.status))
        ? `status ${reply.status} is not documented`
        : api.validator.validateResponse(reply.body ?? null, operationId, reply.status).errors;
      if (problem) {
        const requestId = randomUUID();
        logError(`request ${requestId}: ${operationId} answered ${reply.status} not as openapi/ringside.yaml says`, problem);
        return send({ status: 500, body: { ...INTERNAL_ERROR, message: `${INTERNAL_ERROR.message} (request ${requestId})` } });
      }
    }
    return send(reply);
  });

  return app;
}

/** An API answer: JSON (or nothing for 204), never cached, never sniffed. */
function send(reply: Reply): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers.set(name, value);
  if (reply.status === 204 || reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

export type { ErrorBody };
