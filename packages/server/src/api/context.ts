import type { Capabilities, Domain } from '@ringside/core';
import type { Database, Queryable } from '../db/database.js';
import type { Session } from './auth.js';
import { preconditionFailed } from './errors.js';

/** One validated request, as handlers see it. */
export interface ApiRequest {
  db: Database;
  /** Present on every operation that requires bearer authentication (all but sign-in and health). */
  session: Session;
  params: Record<string, string>;
  /** Coerced to the types of the YAML (page is a number). */
  query: Record<string, unknown>;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  /** The JSON body, valid against the operation's schema. */
  body: unknown;
  /** The raw body of a non-JSON operation (attachments). */
  raw: Uint8Array | null;
  now(): Date;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Operation {
  handle(request: ApiRequest): Promise<Reply>;
  /** The domain of the contract it belongs to: a customer whose capabilities cannot read it gets 501. */
  domain?: Domain;
  /** Further capability the operation needs (writes, saved methods…); 501 when false. */
  needs?: (capabilities: Capabilities) => boolean;
}

export const ok = (body: unknown, headers: Record<string, string> = {}): Reply => ({ status: 200, body, headers });
export const noContent = (): Reply => ({ status: 204 });

/** A record's version as an entity tag. */
export const etag = (version: string | number) => `"${version}"`;

export const withEtag = (status: number, record: { version: string }, headers: Record<string, string> = {}): Reply => ({
  status,
  body: record,
  headers: { ETag: etag(record.version), ...headers },
});

/**
 * The versions an `If-Match` header accepts: undefined without the header (a deliberate
 * overwrite), `*` for any, else the listed entity tags without quotes (weak ones too).
 */
export function parseIfMatch(header: string | undefined): '*' | string[] | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return '*';
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
}

/** Throws 412 when `If-Match` names another version than the stored one. */
export function checkVersion(request: ApiRequest, current: number | string, what: string): void {
  const accepted = parseIfMatch(request.headers['if-match']);
  if (accepted === undefined || accepted === '*') return;
  if (!accepted.includes(String(current))) throw preconditionFailed(what);
}

/**
 * Serializes the writes of one customer: every write transaction takes this row lock first, so
 * the business rules that read before they write (number collisions, inclusion cycles, versions,
 * idempotency keys) see a stable state on a real PostgreSQL too. Other customers are not blocked.
 */
export async function lockTenant(tx: Queryable, customerId: string): Promise<void> {
  await tx.query('SELECT id FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
}

/** A fresh id with a prefix: random, so ids say nothing about other customers' records. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${prefix}${Buffer.from(bytes).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
}
