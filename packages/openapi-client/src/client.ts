import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/ringside.js';

/** A bearer token, or nothing when nobody is signed in (requests then go without one and answer 401). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface RingsideClientOptions {
  /**
   * The API root: the server's origin followed by `/api/v1` (`https://portal.example/api/v1`),
   * or just `/api/v1` in a browser on the same origin.
   */
  baseUrl: string;
  /** Called before every request; the adapter never stores the token. */
  getToken?: TokenSource;
  /** Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
}

export type RingsideClient = Client<paths>;

/** An openapi-fetch client for openapi/ringside.yaml that sends `Authorization: Bearer <token>`. */
export function createRingsideClient(options: RingsideClientOptions): RingsideClient {
  const customFetch = options.fetch;
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    // Looked up per call, so a test or host may replace globalThis.fetch later.
    fetch: (request: Request) => (customFetch ?? globalThis.fetch)(request),
  });
  const { getToken } = options;
  if (getToken) {
    const auth: Middleware = {
      async onRequest({ request }) {
        const token = await getToken();
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
