#!/usr/bin/env node
// End-to-end check of the demo portal in a real Chromium, under the portal's strict CSP, against
// the reference API it serves (a fresh in-memory database, seeded with the demo customers; the
// shared set-up and problem watch are in e2e-harness.mjs):
//
//   node packages/server/test/demo.e2e.mjs [--screenshots <dir>]
//
// Builds the bundles when they are stale, starts the portal and the API on 127.0.0.1 (a free
// port), and then:
//   - fails on any CSP violation (securitypolicyviolation events), console error, page error,
//     failed request or HTTP error, and on Ringside's own "[ringside]" warnings, except the few a
//     step provokes on purpose (a wrong password answers 401) and names;
//   - dashboard: the portal signs in as the business customer by itself and the balance card shows
//     the seeded balance; the token is in no storage, cookie or URL; chart.js is NOT loaded;
//   - Top up 20 in the provider's dialog: the card changes, and the server says so too (the same
//     session, and a second one); a payment whose answer is lost is paid again with the same
//     idempotency key and charged once;
//   - the header switches language, theme and customer (the residential one pays in €);
//   - Sign out shows the sign-in form with the demo credentials; a wrong password is refused at
//     the form in the page's language; signing in with the credentials shown brings the widgets
//     back; a session ended elsewhere asks for sign-in again (rs-auth-required);
//   - billing: the card with its chart open loads the chart chunk and draws it;
//   - screenshots of every page (and the sign-in form) in light, dark, Arabic and German, and on a
//     phone, into <dir> (default tmp/demo-screenshots, which git ignores). Look at them;
//   - no request to /api/v1 carried anything that looks like a card number.
// Exits 1 on the first failed check, with what was seen.
import { join, relative } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../demo/demo-strings.js';
import { CONTENT_SECURITY_POLICY } from '../src/serve.mjs';
import { cardNumberLeaks, check, runE2E, TIMEOUT } from './e2e-harness.mjs';

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

await runE2E(
  'Demo portal end-to-end',
  async (e2e) => {
    const { base, browser, apiRequests, chunkRequests, step, expecting, assertNoProblems, apiSignIn, apiSignOut } = e2e;
    const SHOTS = e2e.shots;
    const apiBalance = (authorization) => e2e.apiGet('/billing/balance', authorization);

    // --- Page helpers --------------------------------------------------------------------------------

    const amountText = async (page) => (await page.locator('rs-balance-card [part="amount"]').first().innerText()).trim();

    async function waitForBalance(page, pattern) {
      await page.locator('rs-balance-card [part="amount"]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      if (pattern) {
        await page.waitForFunction(
          (source) => new RegExp(source).test(document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('[part="amount"]')?.textContent ?? ''),
          pattern.source,
          { timeout: TIMEOUT }
        );
      }
      return amountText(page);
    }

    async function waitForBalanceChange(page, previous) {
      await page.waitForFunction(
        (before) => {
          const amount = document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim();
          return amount && amount !== before;
        },
        previous,
        { timeout: TIMEOUT }
      );
      return amountText(page);
    }

    async function signOutInPage(page) {
      await page.locator('#sign-out').click();
      await page.locator('#sign-in').waitFor({ state: 'visible', timeout: TIMEOUT });
    }

    const page = await e2e.newPage();

    await step('the portal signs in as the business customer by itself and shows its balance', async () => {
      const response = await page.goto(base, { waitUntil: 'load' });
      check(response?.headers()['content-security-policy'] === CONTENT_SECURITY_POLICY, `CSP header was ${response?.headers()['content-security-policy']}`);
      const amount = await waitForBalance(page, /\$412\.35/);
      check(amount === '$412.35', `the balance card shows "${amount}", not the seeded $412.35`);
      await page.waitForFunction(() => document.getElementById('account-name')?.textContent === 'Grace Whitfield', null, { timeout: TIMEOUT });
      check((await page.locator('#account-customer').innerText()) === 'Harbor Point Dental Group', 'the header does not name the customer');
      check(await page.locator('#sign-out').isVisible(), 'no Sign out control in the header');
      check(await page.locator('#sign-in').isHidden(), 'the sign-in form shows while signed in');
      await page.locator('#phone-lines li .number').first().waitFor({ timeout: TIMEOUT });
      const signIns = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/session'));
      check(
        signIns.length === 1 && JSON.parse(signIns[0].body).username === DEMO_USERNAMES.business,
        `sign-ins: ${signIns.map((request) => request.body).join(', ')}`
      );
      check(e2e.lastAuthorization?.startsWith('Bearer '), 'the widgets sent no bearer token');
      const token = e2e.lastAuthorization.slice('Bearer '.length);
      const kept = await page.evaluate(() => ({
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
        cookie: document.cookie,
        url: location.href,
        history: JSON.stringify(history.state),
      }));
      check(!Object.values(kept).some((value) => value.includes(token)), `the token is kept outside memory: ${JSON.stringify(kept)}`);
      check(kept.cookie === '' && kept.storage === '{}{}', `the portal stores something: ${JSON.stringify(kept)}`);
      check(!chunkRequests.some((path) => path.includes('chart')), `chart.js was loaded on the dashboard: ${chunkRequests.join(', ')}`);
      assertNoProblems('loading the dashboard');
    });

    await step('Top up 20: the card and the server (the same session and a second one) show the new balance', async () => {
      const other = await apiSignIn(DEMO_USERNAMES.business);
      check((await apiBalance(other)).body?.balance === 412.35, 'the server does not start at the seeded balance');
      const before = await amountText(page);
      await page.locator('rs-balance-card [part="top-up-button"]').click();
      const dialog = page.locator('dialog#top-up');
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      // Pay is enabled once the payment limits and the saved method have come from the adapter.
      await dialog.locator('button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
      check(/4242/.test(await page.locator('#top-up-hint').innerText()), 'the dialog does not name the saved card');
      await page.screenshot({
        path: join(SHOTS, 'dashboard-top-up-dialog.png'),
      });
      await page.locator('#top-up-amount').fill('20');
      await dialog.locator('button[type="submit"]').click();
      await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      const after = await waitForBalanceChange(page, before);
      check(after === '$392.35', `the balance went from ${before} to ${after}, not to $392.35`);
      check(await page.locator('#toast').isVisible(), 'no confirmation after paying');
      const payment = apiRequests.find((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments'));
      check(payment?.headers['idempotency-key'], 'the payment carried no Idempotency-Key');
      check(JSON.parse(payment.body).source?.savedMethodId, `the payment did not use the saved method: ${payment.body}`);
      const same = await apiBalance(e2e.lastAuthorization);
      check(same.body?.balance === 392.35, `the page's own session reads ${JSON.stringify(same.body)}`);
      const second = await apiBalance(other);
      check(second.body?.balance === 392.35, `a second session reads ${JSON.stringify(second.body)}`);
      await apiSignOut(other);
      console.log(`      balance ${before} -> ${after}; the server agrees`);
      await page.screenshot({
        path: join(SHOTS, 'dashboard-after-top-up.png'),
      });
      assertNoProblems('topping up');
    });

    await step('a payment whose answer is lost is paid again with the same key, and charged once', async () => {
      let intercepted = 0;
      // The first payment reaches the server, which charges it; its answer never reaches the page.
      await page.route('**/api/v1/payments', async (route) => {
        intercepted++;
        if (intercepted === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      });
      const paymentsBefore = apiRequests.filter((request) => request.url.endsWith('/api/v1/payments')).length;
      await expecting([/\/api\/v1\/payments/, /console error: Failed to load resource: net::ERR_CONNECTION_RESET/], async () => {
        await page.locator('rs-balance-card [part="top-up-button"]').click();
        const dialog = page.locator('dialog#top-up');
        await dialog.locator('button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
        await page.locator('#top-up-amount').fill('10');
        await dialog.locator('button[type="submit"]').click();
        await page.locator('#top-up-error').waitFor({ state: 'visible', timeout: TIMEOUT });
        check(await dialog.isVisible(), 'the dialog closed although the payment failed');
        await dialog.locator('button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
        const replay = page.waitForResponse((response) => response.url().endsWith('/api/v1/payments'), { timeout: TIMEOUT });
        await dialog.locator('button[type="submit"]').click(); // "try again", the same submission
        const answer = await replay;
        check(
          answer.status() === 201 && answer.headers()['idempotent-replayed'] === 'true',
          `the retry answered ${answer.status()}, replayed: ${answer.headers()['idempotent-replayed']}`
        );
        await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      });
      await page.unroute('**/api/v1/payments');
      const attempts = apiRequests.filter((request) => request.url.endsWith('/api/v1/payments')).slice(paymentsBefore);
      check(
        attempts.length === 2 && attempts[0].headers['idempotency-key'] === attempts[1].headers['idempotency-key'],
        `the two attempts had keys ${attempts.map((request) => request.headers['idempotency-key']).join(', ')}`
      );
      const server = await apiBalance(e2e.lastAuthorization);
      check(server.body?.balance === 382.35, `charged more than once: the server reads ${JSON.stringify(server.body)}`);
      await waitForBalance(page, /\$382\.35/);
      assertNoProblems('retrying a payment');
    });

    await step('a payment below the minimum is refused in the dialog, not sent', async () => {
      const sent = apiRequests.filter((request) => request.url.endsWith('/api/v1/payments')).length;
      await page.locator('rs-balance-card [part="top-up-button"]').click();
      const dialog = page.locator('dialog#top-up');
      await dialog.locator('button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
      await page.locator('#top-up-amount').fill('1');
      await dialog.locator('button[type="submit"]').click();
      await page.locator('#top-up-error').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      check(apiRequests.filter((request) => request.url.endsWith('/api/v1/payments')).length === sent, 'a payment below the minimum was sent');
      assertNoProblems('refusing a small payment');
    });

    await step('the header switches language, theme and customer (signing in as the residential one)', async () => {
      const businessToken = e2e.lastAuthorization;
      await page.selectOption('select[name="lang"]', 'ar');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');
      await page.waitForFunction(() => document.querySelector('rs-balance-card')?.getAttribute('dir') === 'rtl', null, { timeout: TIMEOUT });
      check((await page.locator('.main-nav [aria-current="page"]').innerText()).trim() === 'لوحة التحكم', 'the navigation was not translated');
      await page.selectOption('select[name="theme"]', 'dark');
      check((await page.locator('html').getAttribute('data-theme')) === 'dark', 'the page did not turn dark');
      const surface = await page.evaluate(() => document.body.style.getPropertyValue('--rs-color-surface'));
      check(surface !== '', 'provideRingside did not apply the dark theme');
      await page.selectOption('select[name="customer"]', 'residential');
      await page.waitForFunction(() => document.getElementById('account-name')?.textContent === 'Maya Lindqvist', null, { timeout: TIMEOUT });
      await waitForBalance(page, /€/);
      check((await page.evaluate(() => window.northwind.username)) === DEMO_USERNAMES.residential, 'not signed in as the residential user');
      // The residential account has no PBX: no phone lines to list, so the panel is not shown.
      check(await page.locator('#phone-lines').isHidden(), 'the residential dashboard lists phone lines it cannot read');
      check((await apiBalance(businessToken)).status === 401, 'the business session still works after switching');
      const query = new URL(page.url()).searchParams;
      check(query.get('lang') === 'ar' && query.get('theme') === 'dark' && query.get('customer') === 'residential', `the URL is ${page.url()}`);
      const billingHref = await page.locator('.main-nav a[href^="/billing.html"]').getAttribute('href');
      check(billingHref?.includes('lang=ar') && billingHref.includes('customer=residential'), `the Billing link is ${billingHref}`);
      console.log(`      residential balance in Arabic: ${await amountText(page)}`);
      await page.screenshot({
        path: join(SHOTS, 'dashboard-switched-ar-dark-residential.png'),
        fullPage: true,
      });
      await page.locator('rs-balance-card [part="top-up-button"]').click();
      await page.locator('dialog#top-up button[type="submit"]:enabled').waitFor({ timeout: TIMEOUT });
      check((await page.locator('#top-up-currency').innerText()).trim() === '€', "the dialog does not show the residential customer's currency");
      await page.screenshot({
        path: join(SHOTS, 'dashboard-top-up-dialog-ar-dark.png'),
      });
      await page.keyboard.press('Escape');
      assertNoProblems('switching the settings');
    });

    await step('Sign out ends the session and shows the sign-in form with the demo credentials', async () => {
      const token = e2e.lastAuthorization;
      const sentBefore = apiRequests.length;
      await signOutInPage(page);
      check(await page.locator('#portal-page').isHidden(), 'the widgets still show after signing out');
      check(await page.locator('.main-nav').isHidden(), 'the navigation still shows after signing out');
      check(
        (await page.locator('#sign-in-notice').innerText()) === 'تم تسجيل خروجك.',
        `the notice says "${await page.locator('#sign-in-notice').innerText()}"`
      );
      const credentials = await page.locator('.demo-accounts').innerText();
      for (const shown of [DEMO_USERNAMES.business, DEMO_USERNAMES.residential, DEMO_PASSWORD])
        check(credentials.includes(shown), `the form does not show ${shown}: ${credentials}`);
      // Labelled inputs, in the page's language.
      check(await page.getByLabel('اسم المستخدم').isVisible(), 'the username field has no Arabic label');
      check(await page.getByLabel('كلمة المرور', { exact: true }).isVisible(), 'the password field has no Arabic label');
      check((await page.evaluate(() => document.activeElement?.id)) === 'sign-in-username', 'the username field does not have focus');
      check(
        await page.evaluate(() => window.northwind.adapter === null && window.northwind.ringside.environment.adapter === null),
        'the widgets are still connected'
      );
      const signOut = page.waitForResponse((response) => response.request().method() === 'DELETE' && response.url().endsWith('/api/v1/session'), {
        timeout: TIMEOUT,
      });
      if (!apiRequests.slice(sentBefore).some((request) => request.method === 'DELETE' && request.url.endsWith('/api/v1/session'))) await signOut;
      check((await apiBalance(token)).status === 401, 'the token still works after signing out');
      await page.screenshot({
        path: join(SHOTS, 'sign-in-signed-out-ar-dark.png'),
        fullPage: true,
      });
      assertNoProblems('signing out');
    });

    await step("a wrong password or empty fields are refused at the form, in the page's language", async () => {
      const before = apiRequests.length;
      await page.locator('#sign-in button[type="submit"]').click();
      check(
        (await page.locator('#sign-in-error').innerText()) === 'أدخل اسم المستخدم وكلمة المرور.',
        `empty fields: "${await page.locator('#sign-in-error').innerText()}"`
      );
      check(apiRequests.length === before, 'empty fields were sent to the API');
      await expecting(
        [/HTTP 401: POST .*\/api\/v1\/session$/, /console error: Failed to load resource: the server responded with a status of 401 .*\/api\/v1\/session/],
        async () => {
          await page.locator('#sign-in-username').fill(DEMO_USERNAMES.residential);
          await page.locator('#sign-in-password').fill('not-the-password');
          await page.locator('#sign-in button[type="submit"]').click();
          await page.waitForFunction(() => document.getElementById('sign-in-error')?.textContent === 'اسم المستخدم أو كلمة المرور غير صحيحة.', null, {
            timeout: TIMEOUT,
          });
        }
      );
      check((await page.locator('#sign-in-password').getAttribute('aria-invalid')) === 'true', 'the password field is not marked invalid');
      check((await page.locator('#sign-in-error').getAttribute('role')) === 'alert', 'the error is not announced');
      await page.screenshot({
        path: join(SHOTS, 'sign-in-wrong-password-ar-dark.png'),
        fullPage: true,
      });
      await page.selectOption('select[name="lang"]', 'en');
      check((await page.locator('#sign-in-error').innerText()) === 'The username or password is wrong.', 'the error was not translated with the page');
      await page.selectOption('select[name="theme"]', 'light');
      await page.screenshot({
        path: join(SHOTS, 'sign-in-wrong-password-en.png'),
        fullPage: true,
      });
      assertNoProblems('a wrong password');
    });

    await step('signing in with the credentials the form shows brings the widgets back', async () => {
      const username = (await page.locator('.demo-accounts dd code').nth(0).innerText()).trim();
      const password = (await page.locator('.demo-accounts dd code').nth(2).innerText()).trim();
      check(username === DEMO_USERNAMES.business && password === DEMO_PASSWORD, `the form shows ${username} / ${password}`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#portal-page').waitFor({ state: 'visible', timeout: TIMEOUT });
      await waitForBalance(page, /\$382\.35/);
      check((await page.locator('#account-name').innerText()) === 'Grace Whitfield', 'the header does not show the signed-in user');
      check((await page.locator('select[name="customer"]').inputValue()) === 'business', 'the customer control does not follow the sign-in');
      check(!new URL(page.url()).searchParams.has('customer'), `the URL is ${page.url()}`);
      check(await page.locator('#sign-in').isHidden(), 'the sign-in form still shows');
      check(await page.locator('#phone-lines li .number').first().isVisible(), 'the phone lines did not come back');
      assertNoProblems('signing in again');
    });

    await step('a session that ended elsewhere asks for sign-in again (rs-auth-required)', async () => {
      await apiSignOut(e2e.lastAuthorization); // as if it expired
      await expecting(
        [/HTTP 401: GET .*\/api\/v1\/billing\//, /console error: Failed to load resource: the server responded with a status of 401 .*\/api\/v1\/billing\//],
        async () => {
          await page.evaluate(() => window.northwind.ringside.environment.store.invalidate('billing'));
          await page.locator('#sign-in').waitFor({ state: 'visible', timeout: TIMEOUT });
        }
      );
      check(
        (await page.locator('#sign-in-notice').innerText()) === 'Your session has ended. Please sign in again.',
        `the notice says "${await page.locator('#sign-in-notice').innerText()}"`
      );
      await page.screenshot({
        path: join(SHOTS, 'sign-in-expired-en.png'),
        fullPage: true,
      });
      assertNoProblems('an ended session');
    });

    await step('a slow sign-in: the widgets wait for it (no "not connected", no warning)', async () => {
      // Ringside is imported once a session exists, so its widgets never start without an adapter,
      // however long signing in takes (here: past the page's load event).
      let release;
      const held = new Promise((resolvePromise) => (release = resolvePromise));
      await page.route('**/api/v1/session', async (route) => {
        if (route.request().method() === 'POST') await held;
        await route.continue();
      });
      await page.goto(new URL('/billing.html', base).href, {
        waitUntil: 'load',
      });
      await page.waitForTimeout(300);
      check(await page.evaluate(() => !customElements.get('rs-balance-card')), 'Ringside loaded before signing in');
      check(await page.locator('rs-balance-card').isVisible(), 'the balance card keeps no place while signing in');
      await page.screenshot({ path: join(SHOTS, 'billing-signing-in.png') });
      release();
      await waitForBalance(page, /\$/);
      await page.unroute('**/api/v1/session');
      await page.waitForTimeout(100); // the widgets' own "no adapter" check runs a task after load
      assertNoProblems('a slow sign-in');
    });

    await step('billing opens the chart, which loads chart.js lazily and draws', async () => {
      chunkRequests.length = 0;
      await page.goto(new URL('/billing.html', base).href, {
        waitUntil: 'load',
      });
      await waitForBalance(page);
      await page.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
      check(
        chunkRequests.some((path) => /chart/.test(path)),
        `no chart chunk was requested: ${chunkRequests.join(', ') || 'none'}`
      );
      await page.waitForFunction(
        () => {
          const canvas = document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('canvas');
          if (!canvas || canvas.width === 0) return false;
          const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
          return !!pixels && pixels.some((value, index) => index % 4 === 3 && value > 0);
        },
        null,
        { timeout: TIMEOUT }
      );
      assertNoProblems('the billing page');
    });

    await step('every page, in every variant, and the sign-in form load cleanly (screenshots)', async () => {
      for (const [name, path] of PAGES) {
        for (const [variant, query] of VARIANTS) {
          const url = new URL(path, base);
          url.search = query;
          await page.goto(url.href, { waitUntil: 'load' });
          const hasCard = (await page.locator('rs-balance-card').count()) > 0;
          if (hasCard) await waitForBalance(page, query.includes('residential') ? /€/ : /\$/);
          else await page.locator('#sign-out').waitFor({ state: 'visible', timeout: TIMEOUT });
          if (name === 'billing') {
            await page.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
            await page.waitForTimeout(300); // the chart draws on the next frame after its data
          }
          await page.screenshot({
            path: join(SHOTS, `${name}-${variant}.png`),
            fullPage: true,
          });
          if (name === 'dashboard') {
            await signOutInPage(page);
            await page.screenshot({
              path: join(SHOTS, `sign-in-${variant}.png`),
              fullPage: true,
            });
          }
          assertNoProblems(`${name} (${variant})`);
        }
      }
      console.log(`      screenshots in ${relative(process.cwd(), SHOTS) || '.'}`);
    });

    await step('a narrow (phone) viewport lays out the dashboard, billing and the sign-in form', async () => {
      const phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        reducedMotion: 'reduce',
        isMobile: true,
        hasTouch: true,
      });
      const small = await phone.newPage();
      e2e.watch(small);
      const overflow = () => small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      for (const [name, path] of [PAGES[0], PAGES[2]]) {
        for (const [variant, query] of [
          ['', ''],
          ['-ar', 'lang=ar'],
        ]) {
          const url = new URL(path, base);
          url.search = query;
          await small.goto(url.href, { waitUntil: 'load' });
          await waitForBalance(small, /\$/);
          if (name === 'billing') await small.locator('rs-balance-card canvas').waitFor({ state: 'visible', timeout: TIMEOUT });
          check((await overflow()) <= 1, `${name}${variant} scrolls sideways on a phone by ${await overflow()}px`);
          await small.screenshot({
            path: join(SHOTS, `${name}-phone${variant}.png`),
            fullPage: true,
          });
          if (name === 'dashboard') {
            await signOutInPage(small);
            check((await overflow()) <= 1, `the sign-in form${variant} scrolls sideways on a phone by ${await overflow()}px`);
            await small.screenshot({
              path: join(SHOTS, `sign-in-phone${variant}.png`),
              fullPage: true,
            });
          }
        }
      }
      await phone.close();
      assertNoProblems('phone viewport');
    });

    await step('no request to the API carried anything that looks like a card number', async () => {
      const payments = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments'));
      check(payments.length >= 3, `only ${payments.length} payment requests were seen`);
      const leaks = cardNumberLeaks(apiRequests);
      check(leaks.length === 0, `card numbers sent to the API:\n  ${leaks.join('\n  ')}`);
      console.log(`      ${apiRequests.length} API requests checked, ${payments.length} of them payments`);
    });
  },
  { screenshots: 'demo-screenshots' }
);
