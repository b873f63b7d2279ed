/// <reference types="node" />
// The demo portal's server, run as `npm start` runs it (a child process), on 127.0.0.1 and a
// free port, with the reference API mounted under /api/ (PGlite in memory): pages carry the
// strict CSP, load their scripts by src, and have no inline script or style; the bundles are
// JavaScript a strict CSP can run; the API answers JSON beside the pages.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const PAGES = ['/', '/telephony.html', '/billing.html', '/support.html'];

let server: ChildProcess;
let base: string;

beforeAll(async () => {
  // The bundles are built files (gitignored); build them when missing or older than the sources.
  const build = spawnSync(process.execPath, [join(SERVER_DIR, 'bundle', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the bundles failed:\n${build.stdout}\n${build.stderr}`);

  server = spawn(process.execPath, [join(SERVER_DIR, 'src', 'serve.mjs')], {
    // A fresh in-memory database, whatever the environment of the test run names.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RINGSIDE_DATA_DIR: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  base = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
    // It listens once the API is built and the database is created, migrated and seeded (~4 s).
    setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 45_000);
  });
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

describe('demo portal server', () => {
  it('serves the dashboard with the strict Content-Security-Policy, loading /demo.js (which loads Ringside)', async () => {
    const response = await fetch(base);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/demo.js"></script>');
    expect(html).toContain('<link rel="modulepreload" href="/ringside.js" />');
    expect(html).toContain('<link rel="modulepreload" href="/ringside-openapi.js" />');
    expect(html).toContain('<rs-balance-card');
    // The sign-in form is on every page (hidden until someone signs out), with the demo credentials.
    expect(html).toMatch(/<section id="sign-in" class="sign-in" aria-labelledby="sign-in-title" hidden>/);
    expect(html).toMatch(/<label[^>]+for="sign-in-username"/);
    expect(html).toMatch(/<label[^>]+for="sign-in-password"/);
    for (const credential of ['demo-business', 'demo-residential', 'ringside-demo']) expect(html).toContain(`<code dir="ltr">${credential}</code>`);
    expect(html).not.toMatch(/\{\{[^}]*\}\}/);
  });

  it.each(PAGES)('%s is a real page with no inline script, style or event handler', async (path) => {
    const response = await fetch(new URL(path, base));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    const html = await response.text();
    expect(html).toMatch(/<nav class="main-nav"/);
    expect(html).toContain('aria-current="page"');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc="\//);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle="/i);
    expect(html).not.toMatch(/\son[a-z]+="/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('renders a page in the language, direction and theme of its query string', async () => {
    const html = await (await fetch(new URL('/billing.html?lang=ar&theme=dark&customer=residential', base))).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl" data-theme="dark">/);
    expect(html).toContain('<rs-balance-card class="balance wide" chart-open');
    expect(html).toContain('href="/support.html?customer=residential&amp;lang=ar&amp;theme=dark"');
    const fallback = await (await fetch(new URL('/?lang=xx&theme=<b>', base))).text();
    expect(fallback).toMatch(/<html lang="en" dir="ltr" data-theme="light">/);
  });

  it('serves ringside.js as JavaScript a strict CSP can run', async () => {
    const response = await fetch(new URL('/ringside.js', base));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await response.text();
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toContain('eval(');
    expect(code).not.toMatch(/new\s+Function\s*\(/);
    expect(code).not.toContain('process.env');
    expect(code).toMatch(/customElements|\.define\(/);
    // chart.js is a separate chunk, loaded by a dynamic import, not part of ringside.js.
    expect(code).toMatch(/import\(["'`]\.\/chunks\/[^"'`]+\.js["'`]\)/);
    expect(code).not.toContain('Chart.js v');
  });

  it('serves ringside-openapi.js, which shares its chunks with ringside.js and registers no tags', async () => {
    const code = await (await fetch(new URL('/ringside-openapi.js', base))).text();
    for (const name of ['connectOpenApiAdapter', 'createOpenApiAdapter', 'signIn', 'signOut', 'getSession']) {
      expect(code).toMatch(new RegExp(`export\\s*\\{[^}]*\\bas ${name}\\b`));
    }
    const importsOf = (source: string) => [...source.matchAll(/from\s*["']\.\/(chunks\/[^"']+\.js)["']/g)].map((match) => match[1]);
    const chunks = importsOf(code);
    expect(chunks.length).toBeGreaterThan(0);
    const ringside = await (await fetch(new URL('/ringside.js', base))).text();
    // One copy of @ringside/core (one RingsideError class) for both entries.
    expect(importsOf(ringside)).toEqual(expect.arrayContaining(chunks));
    for (const chunk of chunks) {
      const response = await fetch(new URL(`/${chunk}`, base));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
      // The portal signs in before it loads the widgets: this entry must not define any.
      expect(await response.text()).not.toContain('customElements');
    }
    expect(code).not.toContain('customElements');
    expect(code).not.toContain('eval(');
    expect(code).not.toContain('process.env');
  });

  it('does not serve the memory adapter bundle any more', async () => {
    expect((await fetch(new URL('/ringside-memory.js', base))).status).toBe(404);
  });

  it('answers revalidation with 304 and HEAD without a body', async () => {
    const first = await fetch(new URL('/demo.css', base));
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(new URL('/demo.css', base), { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    const head = await fetch(new URL('/demo.js', base), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses paths outside its folders, templates, unknown paths and other methods', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fsrc/serve.mjs', '/layout.html', '/pages/billing.html', '/.gitignore', '/nope.html', '/apiary.html']) {
      const response = await fetch(new URL(path, base));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
    }
    const post = await fetch(base, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the reference API, mounted under /api/', () => {
  const api = (path: string) => new URL(`/api/v1${path}`, base);

  it('answers /api/v1/health with JSON, under the same security headers', async () => {
    const response = await fetch(api('/health'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown API route with the JSON 404 body, not the portal\'s', async () => {
    for (const path of ['/api/v1/nope', '/api/nope']) {
      const response = await fetch(new URL(path, base));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(await response.json(), path).toEqual({ code: 'not_found', message: 'No such route.' });
    }
  });

  it('takes other methods than GET: signs in, reads the seeded balance, signs out', async () => {
    const signIn = await fetch(api('/session'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo-business', password: 'ringside-demo' }),
    });
    expect(signIn.status).toBe(201);
    expect(signIn.headers.get('cache-control')).toBe('no-store');
    const { token, session } = (await signIn.json()) as { token: string; session: { user: { name: string } } };
    expect(session.user.name).toBe('Grace Whitfield');
    const headers = { Authorization: `Bearer ${token}` };
    const balance = await fetch(api('/billing/balance'), { headers });
    expect(balance.status).toBe(200);
    expect(await balance.json()).toMatchObject({ balance: 412.35, currency: 'USD' });
    expect((await fetch(api('/session'), { method: 'DELETE', headers })).status).toBe(204);
    const after = await fetch(api('/billing/balance'), { headers });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a wrong password with 401 and the JSON error body', async () => {
    const response = await fetch(api('/session'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo-residential', password: 'wrong' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
  });
});

describe('the demo portal with Request Tracker (RINGSIDE_RT_*)', () => {
  it('serves ringside-rt.js, which exports createRtAdapter, shares the chunks of ringside.js and registers no tags', async () => {
    const response = await fetch(new URL('/ringside-rt.js', base));
    expect(response.status).toBe(200);
    const code = await response.text();
    expect(code).toMatch(/export\s*\{[^}]*\bas createRtAdapter\b/);
    const ringside = await (await fetch(new URL('/ringside.js', base))).text();
    const importsOf = (source: string) => [...source.matchAll(/from\s*["']\.\/(chunks\/[^"']+\.js)["']/g)].map((match) => match[1]);
    expect(importsOf(ringside)).toEqual(expect.arrayContaining(importsOf(code)));
    expect(code).not.toContain('customElements');
    expect(code).not.toContain('process.env');
  });

  it('tells the pages where tickets come from only when RT is configured, escaped', async () => {
    const { createDemoServer, rtPageSettings } = await import('../src/serve.mjs');
    expect(rtPageSettings({})).toBeNull();
    const rt = rtPageSettings({ RINGSIDE_RT_URL: 'http://rt.test', RINGSIDE_RT_QUEUE: 'Support "A"', RINGSIDE_RT_REQUESTOR_DOMAIN: 'customers.example.com' });
    const pageOf = async (settings: typeof rt) => {
      const demo = createDemoServer({ rt: settings });
      await new Promise<void>((resolve) => demo.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = demo.address() as { port: number };
        return await (await fetch(`http://127.0.0.1:${port}/support.html`)).text();
      } finally {
        demo.close();
      }
    };
    expect(await pageOf(rt)).toContain('<body data-page="support" data-rt-queue="Support &quot;A&quot;" data-rt-requestor-domain="customers.example.com">');
    expect(await pageOf(null)).toContain('<body data-page="support">');
  });
});
