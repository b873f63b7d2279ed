#!/usr/bin/env node
// End-to-end check of the demo portal in a real Chromium, under the portal's strict CSP:
//
//   node packages/server/test/demo.e2e.mjs [--screenshots <dir>]
//
// Builds the bundles when they are stale, starts the portal on 127.0.0.1 (a free port), and then:
//   - fails on any CSP violation (securitypolicyviolation events), console error, page error,
//     failed request or HTTP error, and on Ringside's own "[ringside]" warnings;
//   - dashboard: waits for the balance card to show a balance, checks chart.js was NOT loaded,
//     presses Top up, pays 20 in the provider's dialog, and sees the balance change;
//   - billing: the card with its chart open loads the chart chunk and draws it;
//   - the header controls switch language (lang/dir), theme and demo customer, and the URL keeps them;
//   - screenshots of every page in light, dark, Arabic and German, into <dir> (default tmp/demo-screenshots,
//     which git ignores). Look at them.
// Exits 1 on the first failed check, with what was seen.
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/browser.mjs';
import { buildBundles, bundlesAreStale } from '../bundle/build.mjs';
import { CONTENT_SECURITY_POLICY, startDemoServer } from '../src/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const argAfter = (flag) => {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const SHOTS = resolve(argAfter('--screenshots') ?? join(ROOT, 'tmp', 'demo-screenshots'));
const TIMEOUT = 15_000;

const PAGES = [
  ['dashboard', '/'],
  ['telephony', '/telephony.html'],
  ['billing', '/billing.html'],
  ['support', '/support.html'],
];
const VARIANTS = [
  ['light', ''],
  ['dark', 'theme=dark'],
  ['ar', 'lang=ar'],
  ['ar-dark', 'lang=ar&theme=dark&customer=residential'],
  ['de', 'lang=de&customer=residential'],
];

class CheckFailed extends Error {}
function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

const executablePath = findChrome();
if (!executablePath) {
  console.error('No Chromium found. Install it (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}

if (bundlesAreStale()) await buildBundles();
const { server, url: base } = await startDemoServer({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
const problems = [];
const chunkRequests = [];

await context.exposeFunction('__reportCspViolation', (violation) => problems.push(`CSP violation: ${violation}`));
await context.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (event) => {
    // @ts-ignore: exposed by the test
    window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
});

function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() === 'warning' && message.text().startsWith('[ringside]')) problems.push(`Ringside warning: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    if (request.url().includes('/chunks/')) chunkRequests.push(new URL(request.url()).pathname);
  });
}

function assertNoProblems(where) {
  check(problems.length === 0, `${where}:\n  ${problems.join('\n  ')}`);
}

const amountText = (page) => page.locator('rs-balance-card [part="amount"]').first().innerText();

async function waitForBalance(page) {
  await page.locator('rs-balance-card [part="amount"]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  return amountText(page);
}

const steps = [];
async function step(name, run) {
  const started = performance.now();
  await run();
  steps.push(name);
  console.log(`  ok  ${name} (${Math.round(performance.now() - started)} ms)`);
}

let exitCode = 0;
try {
  mkdirSync(SHOTS, { recursive: true });
  const page = await context.newPage();
  watch(page);

  await step('dashboard is served with the strict CSP and shows a balance', async () => {
    const response = await page.goto(base, { waitUntil: 'load' });
    check(response?.headers()['content-security-policy'] === CONTENT_SECURITY_POLICY, `CSP header was ${response?.headers()['content-security-policy']}`);
    const amount = await waitForBalance(page);
    check(/\d/.test(amount), `the balance card shows "${amount}", not an amount`);
    check((await page.locator('#account-name').innerText()).length > 0, 'the header shows no account name');
    check(!chunkRequests.some((path) => path.includes('chart')), `chart.js was loaded on the dashboard: ${chunkRequests.join(', ')}`);
    assertNoProblems('loading the dashboard');
  });

  await step('Top up opens the provider dialog; paying 20 changes the balance', async () => {
    const before = await amountText(page);
    await page.locator('rs-balance-card [part="top-up-button"]').click();
    const dialog = page.locator('dialog#top-up');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    // Pay is enabled once the payment limits and the saved method have come from the adapter.
    await dialog.locator('button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
    check(/4242/.test(await page.locator('#top-up-hint').innerText()), 'the dialog does not name the saved card');
    await page.screenshot({ path: join(SHOTS, 'dashboard-top-up-dialog.png') });
    await page.locator('#top-up-amount').fill('20');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await page.waitForFunction(
      (previous) => {
        const card = document.querySelector('rs-balance-card');
        const amount = card?.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim();
        return amount && amount !== previous.trim();
      },
      before,
      { timeout: TIMEOUT },
    );
    const after = await amountText(page);
    check(after !== before, `balance stayed ${before}`);
    check(await page.locator('#toast').isVisible(), 'no confirmation after paying');
    console.log(`      balance ${before.trim()} -> ${after.trim()}`);
    await page.screenshot({ path: join(SHOTS, 'dashboard-after-top-up.png') });
    assertNoProblems('topping up');
  });

  await step('a payment below the minimum is refused in the dialog, not sent', async () => {
    await page.locator('rs-balance-card [part="top-up-button"]').click();
    const dialog = page.locator('dialog#top-up');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.locator('#top-up-amount').fill('1');
    await dialog.locator('button[type="submit"]').click();
    await page.locator('#top-up-error').waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    assertNoProblems('refusing a small payment');
  });

  await step('the header switches language, theme and customer, and the URL keeps them', async () => {
    await page.selectOption('select[name="lang"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');
    await page.waitForFunction(() => document.querySelector('rs-balance-card')?.getAttribute('dir') === 'rtl', null, { timeout: TIMEOUT });
    check((await page.locator('.main-nav [aria-current="page"]').innerText()).trim() === 'لوحة التحكم', 'the navigation was not translated');
    await page.selectOption('select[name="theme"]', 'dark');
    check((await page.locator('html').getAttribute('data-theme')) === 'dark', 'the page did not turn dark');
    const surface = await page.evaluate(() => document.body.style.getPropertyValue('--rs-color-surface'));
    check(surface !== '', 'provideRingside did not apply the dark theme');
    await page.selectOption('select[name="customer"]', 'residential');
    await page.waitForFunction(() => document.getElementById('account-name')?.textContent === 'Maya Lindqvist');
    const amount = await waitForBalance(page);
    await page.waitForFunction(() => /€/.test(document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('[part="amount"]')?.textContent ?? ''), null, { timeout: TIMEOUT });
    const query = new URL(page.url()).searchParams;
    check(query.get('lang') === 'ar' && query.get('theme') === 'dark' && query.get('customer') === 'residential', `the URL is ${page.url()}`);
    const billingHref = await page.locator('.main-nav a[href^="/billing.html"]').getAttribute('href');
    check(billingHref?.includes('lang=ar') && billingHref.includes('customer=residential'), `the Billing link is ${billingHref}`);
    console.log(`      residential balance in Arabic: ${(await amountText(page)).trim() || amount}`);
    await page.screenshot({ path: join(SHOTS, 'dashboard-switched-ar-dark-residential.png'), fullPage: true });
    await page.locator('rs-balance-card [part="top-up-button"]').click();
    await page.locator('dialog#top-up button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
    check((await page.locator('#top-up-currency').innerText()).trim() === '€', 'the dialog does not show the residential customer\'s currency');
    await page.screenshot({ path: join(SHOTS, 'dashboard-top-up-dialog-ar-dark.png') });
    await page.keyboard.press('Escape');
    assertNoProblems('switching the settings');
  });

  await step('billing opens the chart, which loads chart.js lazily and draws', async () => {
    chunkRequests.length = 0;
    await page.goto(new URL('/billing.html', base).href, { waitUntil: 'load' });
    await waitForBalance(page);
    await page.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
    check(chunkRequests.some((path) => /chart/.test(path)), `no chart chunk was requested: ${chunkRequests.join(', ') || 'none'}`);
    await page.waitForFunction(
      () => {
        const canvas = document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('canvas');
        if (!canvas || canvas.width === 0) return false;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        return !!pixels && pixels.some((value, index) => index % 4 === 3 && value > 0);
      },
      null,
      { timeout: TIMEOUT },
    );
    assertNoProblems('the billing page');
  });

  await step('every page, in every variant, loads cleanly (screenshots)', async () => {
    for (const [name, path] of PAGES) {
      for (const [variant, query] of VARIANTS) {
        const url = new URL(path, base);
        url.search = query;
        await page.goto(url.href, { waitUntil: 'load' });
        const hasCard = (await page.locator('rs-balance-card').count()) > 0;
        if (hasCard) await waitForBalance(page);
        if (name === 'billing') {
          await page.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
          await page.waitForTimeout(300); // the chart draws on the next frame after its data
        }
        await page.screenshot({ path: join(SHOTS, `${name}-${variant}.png`), fullPage: true });
        assertNoProblems(`${name} (${variant})`);
      }
    }
    console.log(`      screenshots in ${relative(process.cwd(), SHOTS) || '.'}`);
  });

  await step('a narrow (phone) viewport lays out the dashboard and billing', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    watch(small);
    for (const [name, path] of [PAGES[0], PAGES[2]]) {
      await small.goto(new URL(path, base).href, { waitUntil: 'load' });
      await waitForBalance(small);
      if (name === 'billing') await small.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 1, `${name} scrolls sideways on a phone by ${overflow}px`);
      await small.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    }
    await phone.close();
    assertNoProblems('phone viewport');
  });

  console.log(`\nDemo portal end-to-end: ${steps.length} checks passed.`);
} catch (error) {
  exitCode = 1;
  console.error(`\nFAILED: ${error instanceof CheckFailed ? error.message : error.stack ?? error}`);
  if (problems.length && !(error instanceof CheckFailed)) console.error(`Also seen:\n  ${problems.join('\n  ')}`);
} finally {
  await browser.close();
  server.closeAllConnections?.();
  server.close();
}
process.exit(exitCode);
