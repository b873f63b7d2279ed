// What every end-to-end check of the portal shares: a fresh reference server with the demo
// customers (in-memory database), a Chromium under the portal's strict CSP, a watch on every
// page for CSP violations, console errors, page errors, failed requests, HTTP errors and
// Ringside's own "[ringside]" warnings, a record of every API request, and named steps.
//
//   await runE2E('Ticket list end-to-end', async (e2e) => {
//     const page = await e2e.newPage();
//     await e2e.step('…', async () => { …; e2e.assertNoProblems('…'); });
//   });
//
// Prints "<title>: N checks passed." (scripts/test.mjs counts it) and exits 1 on the first failed
// check, with what was seen.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/browser.mjs';
import { buildBundles, bundlesAreStale } from '../bundle/build.mjs';
import { DEMO_PASSWORD } from '../demo/demo-strings.js';
import { startDemoServer } from '../src/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TIMEOUT = 15_000;

export class CheckFailed extends Error {}
export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function passesLuhn(digits) {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** 13 to 19 digits, maybe grouped by spaces or dashes, that pass the Luhn check (as card numbers do). */
export function cardNumbersIn(text) {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // not URL-encoded
  }
  return [...decoded.matchAll(/(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])/g)]
    .map((match) => match[0])
    .filter((candidate) => passesLuhn(candidate.replace(/\D/g, '')));
}
// The detector itself: the test cards the demo world knows, however they are written.
for (const sample of ['4242424242424242', '4242 4242 4242 4242', '{"number":"5555-5555-5555-4444"}', 'pan=4000%200566%205566%205556']) {
  if (cardNumbersIn(sample).length === 0) throw new Error(`the card-number detector misses ${sample}`);
}

/** Card-number-like strings found in the URL, body or headers of the recorded API requests. */
export function cardNumberLeaks(requests) {
  return requests.flatMap((request) =>
    [request.url, request.body, ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`)]
      .flatMap(cardNumbersIn)
      .map((found) => `${request.method} ${request.url}: ${found}`)
  );
}

async function startHarness(screenshotsName, env) {
  const executablePath = findChrome();
  if (!executablePath) throw new CheckFailed('No Chromium found. Install it (apt-get install chromium) or set CHROME_PATH.');
  if (bundlesAreStale()) await buildBundles();
  // A fresh in-memory database whatever the environment says: the checks expect the seeded data.
  // Likewise no Request Tracker unless the check asks for one (`env`).
  const portal = await startDemoServer({ port: 0, host: '127.0.0.1', env: env ?? {} });
  const browser = await chromium.launch({
    executablePath,
    args: CHROME_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const argAfter = (flag) => {
    const index = process.argv.indexOf(flag);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const shots = resolve(argAfter('--screenshots') ?? join(ROOT, 'tmp', screenshotsName));
  mkdirSync(shots, { recursive: true });

  const problems = [];
  const expected = [];
  const report = (problem) => {
    if (!expected.some((pattern) => pattern.test(problem))) problems.push(problem);
  };
  await context.exposeFunction('__reportCspViolation', (violation) => report(`CSP violation: ${violation}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // @ts-ignore: exposed by the harness
      window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });

  const harness = {
    base: portal.url,
    portal,
    browser,
    context,
    shots,
    problems,
    /** Every request to the API, from every watched page: method, URL, headers, body. */
    apiRequests: [],
    /** Paths of the bundle chunks the pages loaded. */
    chunkRequests: [],
    /** The last Authorization header a page sent. */
    lastAuthorization: null,
    steps: [],
    report,
    /** Starts watching `page` for problems and records its API requests. */
    watch(page) {
      page.on('console', (message) => {
        if (message.type() === 'error') report(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
        if (message.type() === 'warning' && message.text().startsWith('[ringside]')) report(`Ringside warning: ${message.text()}`);
      });
      page.on('pageerror', (error) => report(`page error: ${error.message}`));
      page.on('requestfailed', (request) => report(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
      page.on('response', (response) => {
        if (response.status() >= 400) report(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      });
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/chunks/')) harness.chunkRequests.push(url.pathname);
        if (url.pathname.startsWith('/api/')) {
          const headers = request.headers();
          harness.apiRequests.push({
            method: request.method(),
            url: request.url(),
            headers,
            body: request.postData() ?? '',
          });
          if (headers.authorization) harness.lastAuthorization = headers.authorization;
        }
      });
      return page;
    },
    /** A new page in the shared context, watched. */
    async newPage() {
      return harness.watch(await context.newPage());
    },
    /** Runs `run` letting through problems that match `patterns` (a refused request answers 4xx…). */
    async expecting(patterns, run) {
      expected.push(...patterns);
      try {
        await run();
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 150)); // console messages arrive a little later
      } finally {
        expected.splice(expected.length - patterns.length, patterns.length);
      }
    },
    assertNoProblems(where) {
      check(problems.length === 0, `${where}:\n  ${problems.join('\n  ')}`);
    },
    async step(name, run) {
      const started = performance.now();
      await run();
      harness.steps.push(name);
      console.log(`  ok  ${name} (${Math.round(performance.now() - started)} ms)`);
    },
    /** The reference API's URL for `path` (e.g. `/billing/balance`). */
    api: (path) => new URL(`/api/v1${path}`, portal.url).href,
    /** Signs in through the API directly (a second client beside the page); answers the Authorization header. */
    async apiSignIn(username, password = DEMO_PASSWORD) {
      const response = await fetch(harness.api('/session'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      check(response.status === 201, `signing in as ${username} answered ${response.status}`);
      return `Bearer ${(await response.json()).token}`;
    },
    /** A GET of the API with `authorization`: `{ status, body }` (body parsed when 200). */
    async apiGet(path, authorization) {
      const response = await fetch(harness.api(path), {
        headers: { Authorization: authorization },
      });
      return {
        status: response.status,
        body: response.status === 200 ? await response.json() : null,
      };
    },
    apiSignOut: (authorization) =>
      fetch(harness.api('/session'), {
        method: 'DELETE',
        headers: { Authorization: authorization },
      }),
  };
  return harness;
}

/**
 * Starts the server and the browser, runs `body`, reports, closes everything and exits. `env`:
 * the server's settings (RINGSIDE_RT_*) instead of the process's environment.
 */
export async function runE2E(title, body, { screenshots = 'e2e-screenshots', env } = {}) {
  let exitCode = 0;
  let harness;
  try {
    harness = await startHarness(screenshots, env);
    await body(harness);
    console.log(`\n${title}: ${harness.steps.length} checks passed.`);
  } catch (error) {
    exitCode = 1;
    console.error(`\n${title} FAILED: ${error instanceof CheckFailed ? error.message : error.stack ?? error}`);
    if (harness?.problems.length && !(error instanceof CheckFailed)) console.error(`Also seen:\n  ${harness.problems.join('\n  ')}`);
  } finally {
    await harness?.browser.close();
    await harness?.portal.close();
  }
  process.exit(exitCode);
}
