// Mounts the reference API into another Node HTTP server (the demo portal's serve.mjs):
//
//   import { createApiHandler } from './api/mount.mjs';
//   const api = await createApiHandler({ dataDir: process.env.RINGSIDE_DATA_DIR, databaseUrl: process.env.DATABASE_URL });
//   // in the request handler, before anything else:
//   if (api.handles(request.url)) return api.listener(request, response);
//   // on shutdown:
//   await api.close();
//
// Builds the TypeScript with esbuild first (Node 20 cannot run it), opens the database
// (PostgreSQL by URL, else PGlite on disk or in memory), migrates it and seeds the demo tenants
// when empty. Requests under /api/ go to the API; everything else stays with the host server.
import { pathToFileURL } from 'node:url';
import { buildApi } from './build.mjs';
import { rtProxyFromEnvironment } from '../rt-proxy/rt-proxy.mjs';

/**
 * @param {{ dataDir?: string, databaseUrl?: string, seed?: boolean, validateResponses?: boolean, env?: Record<string, string | undefined> }} [options]
 * @returns {Promise<{ listener: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>, handles: (url: string | undefined) => boolean, db: { kind: string }, close: () => Promise<void> }>}
 */
export async function createApiHandler(options = {}) {
  const { index } = await buildApi();
  const api = await import(pathToFileURL(index).href);
  const db = await api.prepareDatabase({ url: options.databaseUrl || undefined, dataDir: options.dataDir || undefined, seed: options.seed });
  const app = await api.createApiApp({ db, ...(options.validateResponses === undefined ? {} : { validateResponses: options.validateResponses }) });
  const apiListener = api.getRequestListener(app.fetch);
  // Request Tracker behind the portal (RINGSIDE_RT_*): off unless configured.
  const rtProxy = rtProxyFromEnvironment(options.env ?? process.env, app.fetch);
  const listener = rtProxy ? (request, response) => (rtProxy.handles(request.url) ? rtProxy.listener(request, response) : apiListener(request, response)) : apiListener;
  // The demo payment service (card details in, tokens out) sits beside the API, never inside it.
  const paymentService = api.createDemoPaymentService();
  return {
    listener: (request, response) => (paymentService.handles(request.url) ? paymentService.listener(request, response) : listener(request, response)),
    handles: (url) => paymentService.handles(url) || (typeof url === 'string' && (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?'))),
    db,
    close: () => db.close(),
  };
}
