// What the Chromium benchmarks share: bundle a page entry (production Lit, minified, lazy chunks
// kept lazy), serve it cross-origin isolated on 127.0.0.1 (performance.now() at 5 µs instead of
// 100 µs), open it in headless Debian Chromium, and write a section of docs/performance.md.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../scripts/browser.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'docs', 'performance.md');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** "AMD EPYC … (2 logical CPUs" — the machine, for a report. */
export const machine = () => `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} logical CPUs`;

async function bundle(entry, dir, title) {
  await esbuild.build({
    entryPoints: [entry],
    entryNames: 'page',
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'production'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    minify: true,
    logLevel: 'error',
  });
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"><body><script type="module" src="page.js"></script></body></html>`;
  await writeFile(join(dir, 'index.html'), page);
}

function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(dir)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/**
 * Bundles `entry`, opens it in Chromium and answers what `run(page, browser, openPage)` answers,
 * within `hangAfter` ms (a guard against a state never reached, not a limit on the figures).
 * `openPage()` opens the entry again in a new browser context (its own renderer: no code, style
 * or font-shaping caches warmed by an earlier measurement), for figures that must start cold.
 * Page errors are printed, and console messages `showConsole(message)` accepts.
 */
export async function runInChromium({ entry, title, pageOptions = {}, showConsole = (message) => message.type() === 'error', hangAfter = 300_000, run }) {
  const executablePath = ensureChrome();
  const dir = await mkdtemp(join(tmpdir(), 'ringside-bench-'));
  let server;
  let browser;
  try {
    await bundle(entry, dir, title);
    let url;
    ({ server, url } = await serve(dir));
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
    const openPage = async () => {
      const context = await browser.newContext(pageOptions);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (showConsole(message)) console.error(`page ${message.type()}: ${message.text()}`);
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    const page = await openPage();
    const hang = new Promise((_, reject) => setTimeout(() => reject(new Error(`the benchmark did not finish in ${hangAfter / 1000} s`)), hangAfter).unref());
    return await Promise.race([run(page, browser, openPage), hang]);
  } finally {
    await browser?.close();
    server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Replaces the section under `heading` in docs/performance.md with `section`, or appends it. */
export function writeReportSection(heading, section) {
  const markdown = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Performance\n';
  const [before, after = ''] = markdown.split(`${heading}\n`);
  const next = after.search(/^## /m);
  const updated = markdown === before ? `${markdown.trimEnd()}\n\n${section}` : `${before}${section}${next < 0 ? '' : `\n${after.slice(next)}`}`;
  writeFileSync(REPORT, updated);
  console.log(`Wrote ${REPORT.slice(ROOT.length + 1)}`);
}
