import { RingsideError } from '@ringside/core';
import { createOpenApiAdapter, type OpenApiAdapter, type OpenApiAdapterOptions } from './adapter.js';
import { createRingsideClient, type RingsideClientOptions } from './client.js';
import { errorFromResponse, errorFromThrown } from './errors.js';
import type { components } from './generated/ringside.js';

export type SessionInfo = components['schemas']['SessionInfo'];
export type NewSession = components['schemas']['NewSession'];

async function request<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await run();
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
  if (!result.response.ok) throw errorFromResponse(result.response, result.error);
  return result.data;
}

function required<T>(value: T | undefined): T {
  if (value === undefined || value === null) throw new RingsideError('invalid_response', { detail: 'answer without a body' });
  return value;
}

/**
 * Signs in: `POST /session`. Wrong credentials reject with `unauthorized`, too many attempts with
 * `rate_limited`. Keep the token in memory and hand it to the adapter through `getToken`.
 */
export async function signIn(
  options: Omit<RingsideClientOptions, 'getToken'>,
  credentials: { username: string; password: string },
  signal?: AbortSignal,
): Promise<NewSession> {
  const client = createRingsideClient(options);
  return required(await request(() => client.POST('/session', { body: { username: credentials.username, password: credentials.password }, signal })));
}

/** Who is signed in, and what their account can do: `GET /session`. */
export async function getSession(options: RingsideClientOptions, signal?: AbortSignal): Promise<SessionInfo> {
  const client = createRingsideClient(options);
  return required(await request(() => client.GET('/session', { signal })));
}

/** Signs out: `DELETE /session`; the token stops working. */
export async function signOut(options: RingsideClientOptions, signal?: AbortSignal): Promise<void> {
  const client = createRingsideClient(options);
  await request(() => client.DELETE('/session', { signal }));
}

/**
 * Reads the signed-in account's capabilities from `GET /session` and creates the adapter with
 * them, so widgets show exactly what this account offers. Rejects with `unauthorized` when the
 * token is missing or expired.
 */
export async function connectOpenApiAdapter(options: Omit<OpenApiAdapterOptions, 'capabilities'>, signal?: AbortSignal): Promise<OpenApiAdapter> {
  const session = await getSession(options, signal);
  return createOpenApiAdapter({ ...options, capabilities: session.capabilities });
}
