#!/usr/bin/env node
// End-to-end check of <rs-payment-form> and <rs-payment-methods> on the demo portal's billing
// page, in Chromium under the portal's strict CSP, against the reference API and the demo payment
// service (shared set-up in e2e-harness.mjs):
//
//   node packages/server/test/payment-form.e2e.mjs [--screenshots <dir>]
//
//   - paying 12.50 with the test card 4242… succeeds: the receipt shows, and the balance card on
//     the same page and the server both show the new balance;
//   - 4000…0002 is declined: the reason shows and everything typed stays except the security code;
//   - 4000…3220 asks for 3-D Secure: the portal's dialog confirms, and the payment completes;
//   - 4000 0084 0000 1629 passes 3-D Secure and is then declined: the reason shows, the data stays
//     but the security code, and nothing is charged;
//   - a wallet payment really leaves the portal for the demo wallet's page and comes back: the
//     form shows the receipt, the balance card and the server agree, it was charged once, and the
//     return parameter is gone from the address bar (a reload shows nothing again);
//   - a payment whose answer is lost on the way back is retried with the same idempotency key and
//     charged once, and the form says it recovered the earlier payment;
//   - a card saved while paying appears in the stored methods; auto-pay top-ups are saved;
//   - the wallet page refuses a return address on another origin (no open redirect);
//   - card numbers went to the payment service only: no request to /api/v1 carried one.
import { cardNumberLeaks, cardNumbersIn, check, runE2E, TIMEOUT } from './e2e-harness.mjs';
import { DEMO_USERNAMES } from '../demo/demo-strings.js';
import { join } from 'node:path';

await runE2E(
  'Payment form end-to-end',
  async (e2e) => {
    const { base, apiRequests, step, expecting, assertNoProblems, apiSignIn } = e2e;
    const page = await e2e.newPage();
    const serviceRequests = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pay-demo/')) serviceRequests.push(request.postData() ?? '');
    });
    const server = await apiSignIn(DEMO_USERNAMES.business);
    const serverBalance = async () => (await e2e.apiGet('/billing/balance', server)).body.balance;

    const form = page.locator('rs-payment-form');
    const methods = page.locator('rs-payment-methods');
    const cardAmount = () => page.locator('rs-balance-card [part="amount"]').first().innerText();

    async function newCard(number) {
      await form.getByRole('radio', { name: 'New card' }).check();
      await form.getByLabel('Card number').fill(number);
      await form.getByLabel('Expiry date (MM/YY)').fill('12/34');
      await form.getByLabel('Security code').fill('123');
      await form.getByLabel('Name on card').fill('Grace Whitfield');
    }

    async function pay(amount) {
      await form.getByLabel(/^Amount/).fill(amount);
      await form.getByRole('button', { name: /^Pay/ }).click();
    }

    async function startOver() {
      await form.getByRole('button', { name: 'Make another payment' }).click();
    }

    await step('the billing page shows the payment form with the stored methods, signed in by the portal', async () => {
      await page.goto(new URL('/billing.html', base).href, { waitUntil: 'load' });
      await page.locator('rs-balance-card [part="amount"]').first().waitFor({ timeout: TIMEOUT });
      await form.getByRole('radio', { name: /Saved: Visa •••• 4242/ }).waitFor({ timeout: TIMEOUT });
      check(await form.getByRole('radio', { name: /Saved: Visa •••• 4242/ }).isChecked(), 'the preferred method is not preselected');
      await methods.getByRole('list', { name: 'Saved methods' }).waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(100);
      assertNoProblems('loading the billing page');
    });

    await step('4242 4242 4242 4242 pays 12.50: receipt, the balance card and the server agree', async () => {
      const before = await serverBalance();
      const shown = await cardAmount();
      await newCard('4242 4242 4242 4242');
      await form.getByRole('checkbox', { name: 'Save for future payments' }).check();
      await pay('12.50');
      await form.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: TIMEOUT });
      const receipt = await form.locator('[part="receipt"]').innerText();
      check(/Paid with\s+Visa •••• 4242/.test(receipt), `the receipt says ${receipt}`);
      const after = await serverBalance();
      check(Math.abs(before - after - 12.5) < 0.001, `the server's balance went from ${before} to ${after}`);
      const expected = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(after);
      check(receipt.includes(expected), `the receipt does not show the new balance ${expected}: ${receipt}`);
      await page.waitForFunction(
        (text) => document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim() === text,
        expected,
        {
          timeout: TIMEOUT,
        }
      );
      check(shown !== expected, 'the balance card did not change');
      await methods.getByRole('list', { name: 'Saved methods' }).getByText('Visa •••• 4242').nth(1).waitFor({ timeout: TIMEOUT });
      await page.screenshot({ path: join(e2e.shots, 'payment-succeeded.png'), fullPage: true });
      assertNoProblems('paying with 4242');
    });

    await step('4000 0000 0000 0002 is declined: the reason shows, the data stays but the security code', async () => {
      const before = await serverBalance();
      await startOver();
      await newCard('4000 0000 0000 0002');
      await pay('20');
      await form.getByText('Your card was declined. Please use another card or contact your bank.').waitFor({ timeout: TIMEOUT });
      check((await form.getByLabel('Card number').inputValue()) === '4000 0000 0000 0002', 'the card number was lost');
      check((await form.getByLabel('Name on card').inputValue()) === 'Grace Whitfield', 'the name was lost');
      check((await form.getByLabel(/^Amount/).inputValue()) === '20.00', 'the amount was lost');
      check((await form.getByLabel('Security code').inputValue()) === '', 'the security code was kept');
      check((await serverBalance()) === before, 'a declined payment changed the balance');
      assertNoProblems('a declined card');
    });

    await step('4000 0000 0000 3220 asks for 3-D Secure; the portal’s dialog confirms and the payment completes', async () => {
      const before = await serverBalance();
      await form.getByLabel('Card number').fill('4000 0000 0000 3220');
      await form.getByLabel('Security code').fill('123');
      await pay('30');
      const dialog = page.locator('#payment-action');
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      check((await form.getByRole('heading', { name: 'Waiting for your confirmation' }).count()) === 1, 'the form does not say it waits');
      await page.screenshot({ path: join(e2e.shots, 'payment-3ds.png'), fullPage: true });
      await dialog.getByRole('button', { name: 'Confirm payment' }).click();
      await form.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: TIMEOUT });
      const after = await serverBalance();
      check(Math.abs(before - after - 30) < 0.001, `3-D Secure: the balance went from ${before} to ${after}`);
      assertNoProblems('3-D Secure');
    });

    await step('a payment whose answer is lost is retried with the same key and charged once', async () => {
      const before = await serverBalance();
      await startOver();
      await form.getByRole('radio', { name: /Saved: Visa •••• 4242 .*preferred/ }).check();
      let lost = 0;
      await page.route('**/api/v1/payments', async (route) => {
        if (route.request().method() !== 'POST' || lost > 0) return route.continue();
        lost += 1;
        await route.fetch(); // the server charges
        await route.abort('connectionreset'); // and the answer never arrives
      });
      await expecting([/request failed: POST .*\/api\/v1\/payments/, /console error: Failed to load resource: net::ERR_CONNECTION_RESET/], async () => {
        await pay('15');
        await form.getByText('We could not confirm whether the payment went through.').waitFor({ timeout: TIMEOUT });
      });
      check(Math.abs(before - (await serverBalance()) - 15) < 0.001, 'the first attempt did not reach the server');
      await form.getByRole('button', { name: 'Try again' }).click();
      await form.getByText('This payment had already gone through; you were charged only once.').waitFor({ timeout: TIMEOUT });
      await page.unroute('**/api/v1/payments');
      const after = await serverBalance();
      check(Math.abs(before - after - 15) < 0.001, `charged more than once: ${before} → ${after}`);
      const posts = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments')).slice(-2);
      check(posts[0].headers['idempotency-key'] === posts[1].headers['idempotency-key'], 'the retry used another idempotency key');
      check(posts[0].body === posts[1].body, 'the retry sent another request');
      assertNoProblems('a lost answer');
    });

    await step('auto-pay: a top-up below the minimum is refused at the field, a valid one is saved', async () => {
      await methods.getByRole('checkbox', { name: 'Top up automatically when funds run low' }).check();
      await methods.getByLabel(/^When my available credit falls below/).fill('50');
      await methods.getByLabel(/^Top up by/).fill('2');
      await methods.getByRole('button', { name: 'Save auto-pay' }).click();
      await methods.getByText('The smallest amount is $5.00.').waitFor({ timeout: TIMEOUT });
      await methods.getByLabel(/^Top up by/).fill('25');
      await methods.getByRole('button', { name: 'Save auto-pay' }).click();
      await methods.getByText('Auto-pay settings saved.').waitFor({ timeout: TIMEOUT });
      const stored = (await e2e.apiGet('/auto-pay', server)).body;
      check(stored?.topUp?.threshold === 50 && stored.topUp.amount === 25, `auto-pay on the server: ${JSON.stringify(stored)}`);
      await page.screenshot({ path: join(e2e.shots, 'payment-methods.png'), fullPage: true });
      assertNoProblems('auto-pay');
    });

    await step('a wallet payment leaves for the wallet’s page, comes back, and shows the receipt; charged once', async () => {
      const before = await serverBalance();
      const postsBefore = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments')).length;
      await startOver();
      await form.getByRole('radio', { name: 'PayPal or another online wallet' }).check();
      await pay('18');
      await page.waitForURL(/\/pay-demo\/redirect\//, { timeout: TIMEOUT });
      await page.getByRole('heading', { name: 'Northwind Wallet (demo)' }).waitFor({ timeout: TIMEOUT });
      check((await serverBalance()) === before, 'the wallet payment was charged before it was approved');
      await page.screenshot({ path: join(e2e.shots, 'payment-wallet.png'), fullPage: true });
      await page.getByRole('link', { name: 'Approve and return' }).click();
      await page.waitForURL(/\/billing\.html/, { timeout: TIMEOUT });
      await form.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: TIMEOUT });
      const receipt = await form.locator('[part="receipt"]').innerText();
      check(/Paid with\s+PayPal or another online wallet/.test(receipt), `the receipt says ${receipt}`);
      const after = await serverBalance();
      check(Math.abs(before - after - 18) < 0.001, `the wallet payment moved the server's balance from ${before} to ${after}`);
      const expected = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(after);
      check(receipt.includes(expected), `the receipt does not show the new balance ${expected}: ${receipt}`);
      await page.waitForFunction(
        (text) => document.querySelector('rs-balance-card')?.shadowRoot?.querySelector('[part="amount"]')?.textContent?.trim() === text,
        expected,
        { timeout: TIMEOUT }
      );
      check(!new URL(page.url()).searchParams.has('rs-payment'), `the return parameter stayed in the address bar: ${page.url()}`);
      const posts = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments')).length;
      check(posts - postsBefore === 1, `${posts - postsBefore} payment requests for one wallet payment`);
      await page.reload({ waitUntil: 'load' });
      await form.getByRole('radio', { name: /Saved: Visa •••• 4242 .*preferred/ }).waitFor({ timeout: TIMEOUT });
      check((await form.getByRole('heading', { name: 'Payment successful' }).count()) === 0, 'a reload showed the returned payment again');
      check(Math.abs((await serverBalance()) - after) < 0.001, 'the reload charged again');
      assertNoProblems('a wallet payment, away and back');
    });

    await step('4000 0084 0000 1629 passes 3-D Secure and is then declined: the reason shows, the data stays but the security code', async () => {
      const before = await serverBalance();
      await newCard('4000 0084 0000 1629');
      await pay('20');
      const dialog = page.locator('#payment-action');
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      await dialog.getByRole('button', { name: 'Confirm payment' }).click();
      await form.getByText('Your card was declined. Please use another card or contact your bank.').waitFor({ timeout: TIMEOUT });
      check((await form.getByLabel('Card number').inputValue()) === '4000 0084 0000 1629', 'the card number was lost after 3-D Secure');
      check((await form.getByLabel('Name on card').inputValue()) === 'Grace Whitfield', 'the name was lost after 3-D Secure');
      check((await form.getByLabel('Expiry date (MM/YY)').inputValue()) === '12/34', 'the expiry was lost after 3-D Secure');
      check((await form.getByLabel(/^Amount/).inputValue()) === '20.00', 'the amount was lost after 3-D Secure');
      check((await form.getByLabel('Security code').inputValue()) === '', 'the security code was kept after the decline');
      check((await serverBalance()) === before, 'a payment declined after 3-D Secure changed the balance');
      assertNoProblems('3-D Secure, then declined');
    });

    await step('the wallet page sends customers back only to the portal’s own origin', async () => {
      const wallet = (returnUrl) => fetch(new URL(`/pay-demo/redirect/pay-1?return=${encodeURIComponent(returnUrl)}`, base), { redirect: 'manual' });
      const own = new URL('/billing.html?rs-payment=pay-1', base).href;
      check((await wallet(own)).status === 200, 'the wallet refused the portal’s own return address');
      for (const foreign of ['https://evil.example/billing.html?rs-payment=pay-1', 'javascript:alert(1)//?rs-payment=pay-1']) {
        const answer = await wallet(foreign);
        check(answer.status === 400, `the wallet accepted the return address ${foreign} (${answer.status})`);
        check(!(await answer.text()).includes('evil.example'), 'the refusal repeats the foreign address');
      }
    });

    await step('card numbers went to the payment service only, never to /api/v1', async () => {
      const payments = apiRequests.filter((request) => request.method === 'POST' && request.url.endsWith('/api/v1/payments'));
      check(payments.length >= 4, `only ${payments.length} payment requests were seen`);
      check(
        serviceRequests.some((body) => cardNumbersIn(body).length > 0),
        'the detector saw no card number even at the payment service'
      );
      const leaks = cardNumberLeaks(apiRequests);
      check(leaks.length === 0, `card numbers sent to the API:\n  ${leaks.join('\n  ')}`);
      const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
      check(cardNumbersIn(kept).length === 0 && !kept.includes('tok_'), `card data or tokens kept in the page: ${kept}`);
      const post = (body) => fetch(new URL('/pay-demo/tokens', base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      check(
        (await post('{"kind":"card","number":"4242 4242 4242 4241","expiry":"12/34","securityCode":"123","holder":"A B"}')).status === 400,
        'the service tokenized a number failing Luhn'
      );
      check((await post('not json')).status === 400, 'the service accepted a body that is not JSON');
      check((await fetch(new URL('/pay-demo/tokens', base))).status === 405, 'the service answers GET');
      console.log(`      ${apiRequests.length} API requests checked, ${payments.length} of them payments`);
    });
  },
  { screenshots: 'payment-screenshots' }
);
