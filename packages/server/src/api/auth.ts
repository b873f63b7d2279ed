import { createHash, randomBytes } from 'node:crypto';
import type { Capabilities } from '@ringside/core';
import type { Queryable } from '../db/database.js';
import { UNUSABLE_HASH, verifyPassword } from '../db/passwords.js';
import { iso } from './sql.js';

/** Who a request is from: the user, their customer (the tenant every query is scoped to), its capabilities. */
export interface Session {
  tokenHash: string;
  userId: string;
  username: string;
  userName: string;
  customerId: string;
  customerName: string;
  capabilities: Capabilities;
  requestor: string;
  expiresAt: string;
}

export const SESSION_HOURS = 12;

/** Tokens are 256 random bits; only their SHA-256 is stored, so a database dump holds no usable token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,512})\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

interface SessionRow {
  token_hash: string;
  user_id: string;
  username: string;
  user_name: string;
  customer_id: string;
  customer_name: string;
  capabilities: Capabilities;
  requestor: string;
  expires_at: unknown;
}

const SESSION_SELECT = `
  SELECT s.token_hash, s.expires_at, u.id AS user_id, u.username, u.name AS user_name,
         c.id AS customer_id, c.name AS customer_name, c.capabilities, c.requestor
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  JOIN customers c ON c.id = s.customer_id AND c.id = u.customer_id`;

function toSession(row: SessionRow): Session {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    username: row.username,
    userName: row.user_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    capabilities: typeof row.capabilities === 'string' ? JSON.parse(row.capabilities) : row.capabilities,
    requestor: row.requestor,
    expiresAt: iso(row.expires_at),
  };
}

/** The live session of a token, or null for an unknown or expired one. */
export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const { rows } = await db.query<SessionRow>(`${SESSION_SELECT} WHERE s.token_hash = $1 AND s.expires_at > now()`, [hashToken(token)]);
  return rows[0] ? toSession(rows[0]) : null;
}

/**
 * Sessions looked up in the last few seconds, so a page that loads six widgets at once asks the
 * database once. Signing out in this process forgets the token at once; elsewhere (several
 * servers on one PostgreSQL) within `ttlMs`. Expiry is checked on every use.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: Session; until: number }>();
  constructor(readonly ttlMs = 5_000, readonly max = 10_000) {}

  async find(db: Queryable, token: string, now = Date.now()): Promise<Session | null> {
    const key = hashToken(token);
    const cached = this.#entries.get(key);
    if (cached && cached.until > now && Date.parse(cached.session.expiresAt) > now) return cached.session;
    const session = await findSession(db, token);
    if (this.#entries.size >= this.max) this.#entries.clear();
    if (session) this.#entries.set(key, { session, until: now + this.ttlMs });
    else this.#entries.delete(key);
    return session;
  }

  forget(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }
}

/** Checks the password and opens a session; null for wrong credentials (after the same work). */
export async function signIn(db: Queryable, username: string, password: string): Promise<{ token: string; session: Session } | null> {
  const { rows } = await db.query<{ id: string; customer_id: string; password_hash: string }>(
    'SELECT id, customer_id, password_hash FROM users WHERE username = $1',
    [username],
  );
  const user = rows[0];
  const matches = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH);
  if (!user || !matches) return null;
  const token = newToken();
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  await db.query(`INSERT INTO sessions (token_hash, user_id, customer_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`, [
    hashToken(token),
    user.id,
    user.customer_id,
    SESSION_HOURS,
  ]);
  const { rows: sessions } = await db.query<SessionRow>(`${SESSION_SELECT} WHERE s.token_hash = $1`, [hashToken(token)]);
  return { token, session: toSession(sessions[0]!) };
}

export async function signOut(db: Queryable, session: Session): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [session.tokenHash]);
}

/**
 * Failed sign-ins per username in a sliding window: after `max` failures, further attempts
 * answer 429 until the window passes. In memory: a restart forgets, which is fine for a demo.
 */
export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly max = 10,
    readonly windowMs = 5 * 60_000,
  ) {}

  /** Seconds until the next attempt may be made, or 0 when it may be made now. */
  retryAfter(username: string, now = Date.now()): number {
    const recent = this.#recent(username, now);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  fail(username: string, now = Date.now()): void {
    this.#failures.set(username.toLowerCase(), [...this.#recent(username, now), now]);
    if (this.#failures.size > 10_000) this.#failures.clear();
  }

  succeed(username: string): void {
    this.#failures.delete(username.toLowerCase());
  }

  #recent(username: string, now: number): number[] {
    return (this.#failures.get(username.toLowerCase()) ?? []).filter((time) => time > now - this.windowMs);
  }
}
