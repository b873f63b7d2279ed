#!/usr/bin/env node
// End-to-end check of <rs-ticket-list> on the demo portal's support page, in Chromium under the
// portal's strict CSP, against the reference API (fresh in-memory database with the demo
// customers; the shared set-up and problem watch are in e2e-harness.mjs):
//
//   node packages/server/test/ticket-list.e2e.mjs [--screenshots <dir>]
//
// As the business demo user: the list shows the seeded open tickets; a new ticket with a
// product → category → specialty topic and an attachment is opened; a reply is sent; the ticket
// is closed and reopened; it is escalated with a reason; a reply whose request fails keeps its
// text and, sent again, arrives once. Each change is also checked through the API as a second
// client. Exits 1 on the first failed check, with what was seen.
import { join } from 'node:path';
import { DEMO_USERNAMES } from '../demo/demo-strings.js';
import { check, runE2E, TIMEOUT } from './e2e-harness.mjs';

await runE2E(
  'Ticket list end-to-end',
  async (e2e) => {
    const { base, step, expecting, assertNoProblems } = e2e;
    const page = await e2e.newPage();
    const list = page.locator('rs-ticket-list');
    const api = await e2e.apiSignIn(DEMO_USERNAMES.business);
    const messagesOf = async (id) => (await e2e.apiGet(`/tickets/${id}/messages?pageSize=100`, api)).body.items;
    const ticketOf = async (id) => (await e2e.apiGet(`/tickets/${id}`, api)).body;
    let ticketId = '';

    await step("the support page lists the business customer's open tickets", async () => {
      await page.goto(new URL('/support.html', base).href, {
        waitUntil: 'load',
      });
      await list
        .getByRole('button', {
          name: 'Fax line drops pages on long transmissions',
        })
        .waitFor({ timeout: TIMEOUT });
      const rows = await list.locator('tbody tr').count();
      check(rows === 7, `the list shows ${rows} tickets, not the 7 open ones`);
      check((await list.getByRole('combobox', { name: 'Show' }).inputValue()) === 'open', 'the list does not start with the open tickets');
      await page.screenshot({
        path: join(e2e.shots, 'support-tickets.png'),
        fullPage: true,
      });
      assertNoProblems('loading the support page');
    });

    await step('a new ticket with a topic and an attachment is opened', async () => {
      await list.getByRole('button', { name: 'New ticket' }).click();
      await list.getByRole('textbox', { name: 'Subject' }).fill('Conference bridge PIN is rejected');
      await list
        .getByRole('textbox', { name: 'Describe the problem' })
        .fill("Callers hear 'invalid PIN' although the PIN is right. Details: https://status.example.com/42");
      await list.getByRole('combobox', { name: 'Product' }).selectOption('pbx');
      await list.getByRole('combobox', { name: 'Category' }).selectOption('pbx-routing');
      await list.getByRole('combobox', { name: 'Specialty' }).selectOption('pbx-auto-attendant');
      await list.getByLabel('Attach files').setInputFiles({
        name: 'bridge-log.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('12:01 PIN rejected\n12:02 PIN rejected\n'),
      });
      await list.getByText('Uploaded', { exact: true }).waitFor({ timeout: TIMEOUT });
      await list.getByRole('button', { name: 'Open ticket' }).click();
      const region = list.getByRole('region', {
        name: /Conference bridge PIN is rejected/,
      });
      await region.waitFor({ timeout: TIMEOUT });
      ticketId = /#(\d+)/.exec(await region.getByRole('heading', { level: 3 }).innerText())?.[1] ?? '';
      check(ticketId, "the new ticket's number is not shown");
      await list.getByText('bridge-log.txt', { exact: true }).waitFor({ timeout: TIMEOUT });
      const link = list.getByRole('link', {
        name: 'https://status.example.com/42',
      });
      check((await link.getAttribute('href')) === 'https://status.example.com/42', 'the address in the description is not a link');
      const ticket = await ticketOf(ticketId);
      check(
        JSON.stringify(ticket.category) === JSON.stringify(['pbx', 'pbx-routing', 'pbx-auto-attendant']),
        `the server has the topic ${JSON.stringify(ticket.category)}`
      );
      const [first] = await messagesOf(ticketId);
      check(first?.attachments?.[0]?.name === 'bridge-log.txt', 'the server has no attachment on the description');
      assertNoProblems('opening a ticket');
    });

    await step('a reply is sent and shows in the conversation', async () => {
      await list.getByRole('textbox', { name: 'Your reply' }).fill('It also happens from mobile phones.');
      await list.getByRole('button', { name: 'Send reply' }).click();
      await list.getByRole('list', { name: /Conversation \(2 messages\)/ }).waitFor({ timeout: TIMEOUT });
      check((await list.getByRole('textbox', { name: 'Your reply' }).inputValue()) === '', 'the reply field still holds the sent text');
      const messages = await messagesOf(ticketId);
      check(messages.at(-1)?.body === 'It also happens from mobile phones.', 'the server did not get the reply');
      assertNoProblems('replying');
    });

    await step('the ticket is closed and reopened', async () => {
      await list.getByRole('button', { name: 'Close ticket' }).click();
      await list.getByRole('button', { name: 'Reopen ticket' }).waitFor({ timeout: TIMEOUT });
      check((await ticketOf(ticketId)).status === 'resolved', "the server's ticket is not resolved");
      await list.getByRole('button', { name: 'Reopen ticket' }).click();
      await list.getByRole('button', { name: 'Close ticket' }).waitFor({ timeout: TIMEOUT });
      check((await ticketOf(ticketId)).status === 'open', "the server's ticket is not open again");
      assertNoProblems('closing and reopening');
    });

    await step('the ticket is escalated with a reason', async () => {
      await list.getByRole('button', { name: 'Escalate', exact: true }).click();
      await list.getByRole('textbox', { name: /Why does this need more attention/ }).fill('Our weekly all-hands call is tomorrow.');
      await list.getByRole('button', { name: 'Escalate ticket' }).click();
      await list.locator('.facts .badge', { hasText: 'Escalated' }).waitFor({ timeout: TIMEOUT });
      check((await ticketOf(ticketId)).escalated === true, "the server's ticket is not escalated");
      assertNoProblems('escalating');
    });

    await step('a reply whose request fails keeps its text, and sent again arrives once', async () => {
      const body = 'Tried again with a new PIN, same result.';
      await list.getByRole('textbox', { name: 'Your reply' }).fill(body);
      await expecting([/request failed: POST .*\/messages/, /ERR_CONNECTION_RESET.*\/messages/], async () => {
        await page.route('**/api/v1/tickets/*/messages', (route) => route.abort('connectionreset'), { times: 1 });
        await list.getByRole('button', { name: 'Send reply' }).click();
        await list.getByRole('alert').filter({ hasText: 'Your text is kept' }).waitFor({ timeout: TIMEOUT });
      });
      check((await list.getByRole('textbox', { name: 'Your reply' }).inputValue()) === body, "the failed reply's text is gone");
      await page.screenshot({
        path: join(e2e.shots, 'support-ticket-send-failed.png'),
        fullPage: true,
      });
      await list.getByRole('button', { name: 'Send reply' }).click();
      await list.getByText(body, { exact: true }).waitFor({ timeout: TIMEOUT });
      const sent = (await messagesOf(ticketId)).filter((message) => message.body === body);
      check(sent.length === 1, `the server has the reply ${sent.length} times`);
      assertNoProblems('sending again after a failure');
    });

    await step('back in the list, the new ticket is there and focus returns to it', async () => {
      await list.getByRole('button', { name: 'Back to tickets' }).click();
      const row = list.getByRole('button', {
        name: 'Conference bridge PIN is rejected',
      });
      await row.waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(
        () => document.querySelector('rs-ticket-list')?.shadowRoot?.activeElement?.textContent?.trim() === 'Conference bridge PIN is rejected',
        null,
        { timeout: TIMEOUT }
      );
      await page.goto(new URL('/support.html?lang=ar', base).href, {
        waitUntil: 'load',
      });
      await list.getByRole('heading', { name: 'طلبات الدعم' }).waitFor({ timeout: TIMEOUT });
      await page.screenshot({
        path: join(e2e.shots, 'support-tickets-ar.png'),
        fullPage: true,
      });
      assertNoProblems('the list after the changes');
    });
  },
  { screenshots: 'ticket-list-screenshots' }
);
