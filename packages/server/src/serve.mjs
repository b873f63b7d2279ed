#!/usr/bin/env node
// The demo portal of a fictional provider, "Northwind Voice", embedding Ringside the way an ITSP
// would (plain pages, bundled modules, a strict Content-Security-Policy), and the reference API
// (openapi/ringside.yaml) it talks to, under /api/v1 on the same origin.
//
//   node packages/server/src/serve.mjs      (or `npm start` at the root, which builds first)
//   PORT=9000 HOST=127.0.0.1 node packages/server/src/serve.mjs
//   RINGSIDE_DATA_DIR=/var/tmp/ringside node packages/server/src/serve.mjs    the database on disk
//   DATABASE_URL=postgres://user:pass@localhost/ringside node packages/server/src/serve.mjs
//   RINGSIDE_RT_URL=… RINGSIDE_RT_TOKEN=… RINGSIDE_RT_QUEUE=… RINGSIDE_RT_REQUESTOR_DOMAIN=… node …
//       tickets from Request Tracker through the RT proxy (docs/adapters/request-tracker.md)
//
// Without RINGSIDE_DATA_DIR or DATABASE_URL the embedded database (PGlite) lives in memory: every
// start is a fresh demo, seeded with the demo customers (docs/api.md). The server listens once
// the database is migrated and seeded.
//
// Pages are one layout (demo/layout.html) around a page fragment (demo/pages/*.html), rendered in
// the language, theme and demo customer of the query string (?lang=ar&theme=dark&customer=…), so
// the first paint is already right; demo.js signs in and switches them live afterwards. The
// portal's own part is dependency-free; requests under /api/ go to the API (src/api/mount.mjs).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApiHandler } from './api/mount.mjs';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = join(SERVER_DIR, 'demo');
const PUBLIC_DIR = join(SERVER_DIR, 'public');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The portal's pages: path, fragment, and the demo-strings key of the title. */
const PAGES = {
  '/': { id: 'dashboard' },
  '/index.html': { id: 'dashboard' },
  '/telephony.html': { id: 'telephony' },
  '/billing.html': { id: 'billing' },
  '/support.html': { id: 'support' },
};

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

/** Reads the demo's own strings (the same module demo.js uses in the browser). */
async function loadStrings() {
  const url = pathToFileURL(join(DEMO_DIR, 'demo-strings.js'));
  url.search = `?t=${statSync(url).mtimeMs}`; // re-read after an edit
  return import(url.href);
}

/** The settings a page is rendered with, from its query string; unknown values fall back. */
export function demoSettings(searchParams, { LANGUAGES, CUSTOMERS, THEMES }) {
  const pick = (name, allowed) => {
    const value = searchParams.get(name);
    return allowed.includes(value) ? value : allowed[0];
  };
  return {
    lang: pick('lang', LANGUAGES.map((language) => language.code)),
    theme: pick('theme', THEMES),
    customer: pick('customer', CUSTOMERS),
  };
}

/**
 * What the pages tell demo.js about Request Tracker when the server proxies it (RINGSIDE_RT_*,
 * src/rt-proxy/): the support page's tickets then come from RT. Null when RT is not configured.
 */
export function rtPageSettings(env) {
  if (!env.RINGSIDE_RT_URL) return null;
  return {
    queue: env.RINGSIDE_RT_QUEUE ?? '',
    escalationQueue: env.RINGSIDE_RT_ESCALATION_QUEUE ?? '',
    requestorDomain: env.RINGSIDE_RT_REQUESTOR_DOMAIN ?? '',
  };
}

/** `<body>` attributes that carry rtPageSettings() to demo.js (none without RT). */
function rtAttributes(rt) {
  if (!rt) return '';
  const attribute = (name, value) => (value ? ` data-rt-${name}="${escapeHtml(value)}"` : '');
  return attribute('queue', rt.queue) + attribute('escalation-queue', rt.escalationQueue) + attribute('requestor-domain', rt.requestorDomain);
}

async function renderPage(page, searchParams, rt) {
  const strings = await loadStrings();
  const settings = demoSettings(searchParams, strings);
  const language = strings.LANGUAGES.find((candidate) => candidate.code === settings.lang);
  const dictionary = strings.STRINGS[settings.lang];
  const t = (key) => {
    const value = dictionary[key] ?? strings.STRINGS.en[key];
    if (value === undefined) throw new Error(`demo-strings.js has no "${key}"`);
    return value;
  };
  const query = new URLSearchParams();
  if (settings.customer !== strings.CUSTOMERS[0]) query.set('customer', settings.customer);
  if (settings.lang !== 'en') query.set('lang', settings.lang);
  if (settings.theme !== strings.THEMES[0]) query.set('theme', settings.theme);
  const search = query.size ? `?${query}` : '';

  const layout = readFileSync(join(DEMO_DIR, 'layout.html'), 'utf8');
  const fragment = readFileSync(join(DEMO_DIR, 'pages', `${page.id}.html`), 'utf8');
  const selected = (name, value) => (settings[name] === value ? ' selected' : '');
  const values = {
    lang: language.code,
    dir: language.dir,
    theme: settings.theme,
    customer: settings.customer,
    page: page.id,
    search,
    title: `${t(`${page.id}.title`)} · ${t('brand.name')}`,
  };
  return (
    layout
      .replace('{{main}}', fragment)
      .replace('{{rt}}', rtAttributes(rt))
      // {{current:billing}} marks the navigation link of the page being shown.
      .replace(/\{\{current:([a-z]+)\}\}/g, (_, id) => (id === page.id ? ' aria-current="page"' : ''))
      .replace(/\{\{selected:([a-z]+)=([a-z]+)\}\}/g, (_, name, value) => selected(name, value))
      .replace(/\{\{t:([\w.]+)\}\}/g, (_, key) => escapeHtml(t(key)))
      // {{demo:business}}, {{demo:password}}: the demo credentials the sign-in form shows.
      .replace(/\{\{demo:([a-z]+)\}\}/g, (_, name) => {
        const value = name === 'password' ? strings.DEMO_PASSWORD : strings.DEMO_USERNAMES[name];
        if (value === undefined) throw new Error(`demo-strings.js has no demo user "${name}"`);
        return escapeHtml(value);
      })
      .replace(/\{\{(\w+)\}\}/g, (match, name) => (name in values ? escapeHtml(values[name]) : match))
  );
}

/** A file under `root` for a URL path, or null (no traversal, no dotfiles, no folders). */
function fileFor(root, pathname) {
  if (pathname.includes('\0')) return null;
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null;
  const file = resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendFile(request, response, file, { immutable }) {
  const stat = statSync(file);
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Length': stat.size });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/** The built entry files, by URL path (ringside.js, ringside-openapi.js). */
const ENTRY_PATHS = ['/ringside.js', '/ringside-openapi.js', '/ringside-rt.js'];

async function handle(request, response, rt) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let url;
  let pathname;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(response, 400, 'Bad request\n');
    return;
  }
  const page = PAGES[pathname];
  if (page) {
    const html = await renderPage(page, url.searchParams, rt);
    send(response, 200, html, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
    return;
  }
  // The demo's own files first, then the built bundles (ringside.js, ringside-openapi.js, chunks/).
  const demoFile = !pathname.startsWith('/pages/') && pathname !== '/layout.html' ? fileFor(DEMO_DIR, pathname) : null;
  if (demoFile) {
    sendFile(request, response, demoFile, { immutable: false });
    return;
  }
  const builtFile = fileFor(PUBLIC_DIR, pathname);
  if (builtFile) {
    // Chunk names carry a content hash; the entry files keep their names and are revalidated.
    sendFile(request, response, builtFile, { immutable: pathname.startsWith('/chunks/') && !pathname.endsWith('.map') });
    return;
  }
  if (ENTRY_PATHS.includes(pathname)) {
    send(response, 503, `${pathname} has not been built. Run \`npm start\` at the repository root, or \`npm run build -w @ringside/server\`.\n`);
    return;
  }
  send(response, 404, 'Not found\n');
}

/**
 * The HTTP server of the demo portal (not listening yet). With `api` (from createApiHandler),
 * requests under /api/ go to the reference API, any method; the portal's own files answer
 * GET and HEAD only. `rt` (rtPageSettings()) tells the pages that tickets come from Request Tracker.
 */
export function createDemoServer({ api, rt = null } = {}) {
  return createServer((request, response) => {
    if (api?.handles(request.url)) {
      // The API's answers are JSON; they carry the portal's security headers too (nosniff matters).
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
      Promise.resolve(api.listener(request, response)).catch((error) => {
        console.error(error);
        if (!response.headersSent) send(response, 500, 'Internal server error\n');
        else response.destroy();
      });
      return;
    }
    handle(request, response, rt).catch((error) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'Internal server error\n');
      else response.destroy();
    });
  });
}

/**
 * Opens the database (migrating and seeding it when needed), then starts the portal and the API.
 * Resolves once it listens with the server, its URL, the database kind and `close()`, which stops
 * both (open connections included) and closes the database.
 *
 * `dataDir` / `databaseUrl` choose the database as in docs/api.md; neither: PGlite in memory.
 * `env` is where the RINGSIDE_RT_* settings are read (default: the process's environment).
 */
export async function startDemoServer({ port = 8080, host, dataDir, databaseUrl, env = process.env } = {}) {
  const api = await createApiHandler({ dataDir, databaseUrl, env });
  const server = createDemoServer({ api, rt: rtPageSettings(env) });
  try {
    await new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  const address = server.address();
  const shownHost = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing;
  const close = () =>
    (closing ??= new Promise((resolvePromise) => {
      server.close(() => resolvePromise());
      server.closeAllConnections(); // keep-alive connections would hold the server open
    }).then(() => api.close()));
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    database: databaseUrl ? 'PostgreSQL' : dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory, a fresh demo on every start',
    close,
  };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  if (!existsSync(join(PUBLIC_DIR, 'ringside.js'))) {
    console.warn('Warning: packages/server/public/ringside.js is missing; run `npm start` at the root (it builds the bundles first).');
  }
  startDemoServer({
    port,
    host: process.env.HOST || undefined,
    dataDir: process.env.RINGSIDE_DATA_DIR || undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
  })
    .then(({ url, database, close }) => {
      console.log(`Northwind Voice demo portal (Ringside) listening on ${url}`);
      console.log(`  API: ${url}api/v1 (${database}); demo users in docs/api.md`);
      if (process.env.RINGSIDE_RT_URL) console.log(`  Tickets: Request Tracker at ${process.env.RINGSIDE_RT_URL}, through ${url}api/rt/REST/2.0`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        close().then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : error);
      process.exit(1);
    });
}
