import type { Session } from '../auth.js';
import { SessionCache, SignInLimiter, signIn, signOut } from '../auth.js';
import { ok, noContent, type Operation } from '../context.js';
import { httpError } from '../errors.js';

export function sessionInfo(session: Session) {
  return {
    user: { id: session.userId, username: session.username, name: session.userName },
    customer: { id: session.customerId, name: session.customerName },
    capabilities: session.capabilities,
    expiresAt: session.expiresAt,
  };
}

export function sessionOperations(limiter = new SignInLimiter(), cache?: SessionCache): Record<string, Operation> {
  return {
    createSession: {
      async handle({ db, body }) {
        const { username, password } = body as { username: string; password: string };
        const wait = limiter.retryAfter(username);
        if (wait) {
          throw httpError(429, 'rate_limited', 'Too many failed sign-ins for this username; try again later.', { retryable: true }, { 'Retry-After': String(wait) });
        }
        const result = await signIn(db, username, password);
        if (!result) {
          limiter.fail(username);
          throw httpError(401, 'unauthorized', 'Wrong username or password.', {}, { 'WWW-Authenticate': 'Bearer' });
        }
        limiter.succeed(username);
        return { status: 201, body: { token: result.token, session: sessionInfo(result.session) }, headers: { 'Cache-Control': 'no-store' } };
      },
    },
    getSession: { handle: async ({ session }) => ok(sessionInfo(session), { 'Cache-Control': 'no-store' }) },
    deleteSession: {
      async handle({ db, session }) {
        await signOut(db, session);
        cache?.forget(session.tokenHash);
        return noContent();
      },
    },
  };
}
