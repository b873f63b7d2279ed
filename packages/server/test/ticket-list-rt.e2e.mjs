#!/usr/bin/env node
// End-to-end check of <rs-ticket-list> backed by a real Request Tracker 5: the demo portal's
// support page, with the reference server proxying RT (RINGSIDE_RT_*, src/rt-proxy/) and the page
// using @ringside/adapter-rt through it, in Chromium under the portal's strict CSP.
//
//   eval "$(scripts/start-rt.sh)"      # a throwaway RT; prints the RINGSIDE_TEST_RT_* variables
//   node packages/server/test/ticket-list-rt.e2e.mjs [--screenshots <dir>]
//
// Signed in as the business demo user (RT requestor demo-business@<REQUESTOR_DOMAIN>, created by
// RT on the first ticket): a ticket is opened in the widget, a reply with a file is sent, and
// both are then read from RT's own REST2 API with the portal's RT token; the ticket is closed and
// RT says resolved; the residential demo user cannot reach the ticket through the proxy. Without
// RINGSIDE_TEST_RT_URL it says how to start an RT and counts its checks as skipped.
import { join } from 'node:path';
import { DEMO_USERNAMES } from '../demo/demo-strings.js';
import { check, runE2E, TIMEOUT } from './e2e-harness.mjs';

const TITLE = 'Ticket list on Request Tracker end-to-end';
const CHECKS = 6;
/** The portal's users are `<username>@` this in RT (the proxy's RINGSIDE_RT_REQUESTOR_DOMAIN). */
const REQUESTOR_DOMAIN = 'customers.ringside.test';

const env = process.env;
if (!env.RINGSIDE_TEST_RT_URL) {
  console.log(
    [
      `${TITLE}: SKIPPED, it needs a real RT 5 and RINGSIDE_TEST_RT_URL is not set.`,
      '  Start one (Debian/Ubuntu, as root; installs request-tracker5 when missing, ~30 s):',
      '    eval "$(scripts/start-rt.sh)"',
      '  then run this again in that shell (scripts/start-rt.sh --stop ends it). .ci/run does this on CI.',
      `${TITLE}: 0 checks passed, ${CHECKS} checks skipped.`,
    ].join('\n')
  );
  process.exit(0);
}
for (const name of ['RINGSIDE_TEST_RT_QUEUE', 'RINGSIDE_TEST_RT_ESCALATION_QUEUE', 'RINGSIDE_TEST_RT_PORTAL_TOKEN']) {
  if (!env[name]) {
    console.error(`${TITLE} FAILED: RINGSIDE_TEST_RT_URL is set but ${name} is not (scripts/start-rt.sh prints every variable).`);
    process.exit(1);
  }
}

const rtUrl = env.RINGSIDE_TEST_RT_URL.replace(/\/+$/, '');
const portalToken = env.RINGSIDE_TEST_RT_PORTAL_TOKEN;
const queue = env.RINGSIDE_TEST_RT_QUEUE;

/** RT's own REST2 answer, read directly with the portal's RT token (not through the proxy). */
async function fromRt(path) {
  const response = await fetch(`${rtUrl}/REST/2.0${path}`, {
    headers: { Authorization: `token ${portalToken}`, Accept: 'application/json' },
  });
  check(response.ok, `RT answered ${response.status} to GET ${path}`);
  return response.json();
}
const decode = (base64) => Buffer.from(base64 ?? '', 'base64').toString('utf8');

await runE2E(
  TITLE,
  async (e2e) => {
    const { base, step, assertNoProblems } = e2e;
    const page = await e2e.newPage();
    const list = page.locator('rs-ticket-list');
    const customer = `${DEMO_USERNAMES.business}@${REQUESTOR_DOMAIN}`;
    // Every run adds tickets to the same RT: a subject of its own finds this run's.
    const subject = `Voicemail greeting cuts off (${Date.now().toString(36)})`;
    const reply = 'The greeting stops after two seconds; the recording is attached.';
    const file = { name: 'greeting-log.txt', mimeType: 'text/plain', buffer: Buffer.from('09:14 greeting played 2.0 s of 11.5 s\n') };
    let ticketId = '';

    await step('the support page reads the signed-in customer’s tickets from Request Tracker, through the proxy', async () => {
      const listed = page.waitForResponse(
        (response) => response.request().method() === 'GET' && new URL(response.url()).pathname === '/api/rt/REST/2.0/tickets',
        { timeout: TIMEOUT }
      );
      await page.goto(new URL('/support.html', base).href, { waitUntil: 'load' });
      const answer = await listed;
      check(answer.status() === 200, `the proxy answered ${answer.status()} to the ticket search`);
      const query = new URL(answer.url()).searchParams.get('query') ?? '';
      check(query.includes(`Requestor.EmailAddress = '${customer}'`), `the list's TicketSQL is not scoped to ${customer}: ${query}`);
      check((await page.locator('body').getAttribute('data-rt-queue')) === queue, 'the page does not say that tickets come from RT');
      await list.getByRole('button', { name: 'New ticket' }).waitFor({ timeout: TIMEOUT });
      check(!e2e.apiRequests.some((request) => /^token /i.test(request.headers.authorization ?? '')), 'the browser sent an RT token');
      assertNoProblems('loading the support page on RT');
    });

    await step('a new ticket is opened in RT’s queue with the customer as requestor', async () => {
      await list.getByRole('button', { name: 'New ticket' }).click();
      await list.getByRole('textbox', { name: 'Subject' }).fill(subject);
      await list.getByRole('textbox', { name: 'Describe the problem' }).fill('Callers hear only the first words of our voicemail greeting.');
      await list.getByRole('button', { name: 'Open ticket' }).click();
      const region = list.getByRole('region', { name: new RegExp(subject.replace(/[()]/g, '\\$&')) });
      await region.waitFor({ timeout: TIMEOUT });
      ticketId = /#(\d+)/.exec(await region.getByRole('heading', { level: 3 }).innerText())?.[1] ?? '';
      check(ticketId, "the new ticket's number is not shown");
      const ticket = await fromRt(`/ticket/${ticketId}`);
      check(ticket.Subject === subject, `RT has the subject "${ticket.Subject}"`);
      const requestors = (ticket.Requestor ?? []).map((person) => String(person.id).toLowerCase());
      check(JSON.stringify(requestors) === JSON.stringify([customer]), `RT's requestors are ${JSON.stringify(requestors)}, not ${customer}`);
      const ticketQueue = await fromRt(`/queue/${ticket.Queue?.id}`);
      check(ticketQueue.Name === queue, `the ticket is in RT's queue "${ticketQueue.Name}", not "${queue}"`);
      assertNoProblems('opening a ticket on RT');
    });

    await step('a reply with an attached file is sent and shows in the conversation', async () => {
      await list.getByRole('textbox', { name: 'Your reply' }).fill(reply);
      await list.getByLabel('Attach files').setInputFiles(file);
      await list.getByText('Uploaded', { exact: true }).waitFor({ timeout: TIMEOUT });
      await list.getByRole('button', { name: 'Send reply' }).click();
      const conversation = list.getByRole('list', { name: /Conversation \(2 messages\)/ });
      await conversation.waitFor({ timeout: TIMEOUT });
      await conversation.getByText(reply, { exact: true }).waitFor({ timeout: TIMEOUT });
      await conversation.getByText(file.name, { exact: true }).waitFor({ timeout: TIMEOUT });
      check((await list.getByRole('textbox', { name: 'Your reply' }).inputValue()) === '', 'the reply field still holds the sent text');
      await page.screenshot({ path: join(e2e.shots, 'support-ticket-rt.png'), fullPage: true });
      assertNoProblems('replying on RT');
    });

    await step("RT's own REST answer has the reply and its file, as a public reply", async () => {
      const { items: history } = await fromRt(`/ticket/${ticketId}/history?per_page=100&fields=Type`);
      const replies = history.filter((transaction) => transaction.Type === 'Correspond');
      check(replies.length === 1, `RT's history of #${ticketId} has ${replies.length} replies, not 1`);
      const replyId = String(replies[0].id);
      // The ticket's message parts, then each part of the reply on its own: RT's single-attachment
      // answer carries the content base64-encoded.
      const { items: parts } = await fromRt(`/ticket/${ticketId}/attachments?per_page=100&fields=Filename,ContentType,TransactionId`);
      const ofReply = await Promise.all(
        parts.filter((part) => String(part.TransactionId?.id ?? part.TransactionId) === replyId).map((part) => fromRt(`/attachment/${part.id}`))
      );
      const text = ofReply.filter((part) => !part.Filename && /^text\/plain/.test(part.ContentType)).map((part) => decode(part.Content));
      check(
        text.some((body) => body.includes(reply)),
        `RT's reply transaction ${replyId} does not carry the reply text: ${JSON.stringify(text)}`
      );
      const attached = ofReply.find((part) => part.Filename === file.name);
      check(attached, `RT's reply transaction ${replyId} has no file ${file.name} (files: ${JSON.stringify(ofReply.map((part) => part.Filename))})`);
      check(decode(attached.Content) === file.buffer.toString('utf8'), `RT's copy of ${file.name} differs from the file sent`);
      check(!history.some((transaction) => transaction.Type === 'Comment'), 'RT recorded the reply as an internal comment');
    });

    await step('the ticket is closed in the widget and RT has it resolved', async () => {
      // The adapter reads RT's ETag with a HEAD first. Chromium reports every HEAD fetch as a failed
      // request (ERR_ABORTED, there being no body) although the page gets its answer.
      await e2e.expecting([/^request failed: HEAD .*\/api\/rt\/REST\/2\.0\/ticket\/\d+ \(net::ERR_ABORTED\)$/], async () => {
        await list.getByRole('button', { name: 'Close ticket' }).click();
        await list.getByRole('button', { name: 'Reopen ticket' }).waitFor({ timeout: TIMEOUT });
      });
      const ticket = await fromRt(`/ticket/${ticketId}`);
      check(ticket.Status === 'resolved', `RT has the ticket ${ticket.Status}, not resolved`);
      assertNoProblems('closing on RT');
    });

    await step('another customer cannot reach the ticket through the proxy', async () => {
      const other = await e2e.apiSignIn(DEMO_USERNAMES.residential);
      const proxied = (path, method = 'GET') => fetch(new URL(`/api/rt/REST/2.0${path}`, base), { method, headers: { Authorization: other } });
      // The proxy passes a single ticket by HEAD only (its ETag); GET answers 404 for everyone.
      const single = await proxied(`/ticket/${ticketId}`, 'HEAD');
      check(single.status === 404, `the residential customer got ${single.status} for ticket #${ticketId}, not 404`);
      const history = await proxied(`/ticket/${ticketId}/history`);
      check(history.status === 404, `the residential customer got ${history.status} for the history of #${ticketId}, not 404`);
      const search = await proxied(`/tickets?query=${encodeURIComponent(`id = ${ticketId}`)}`);
      check(search.status === 200, `the residential customer's search answered ${search.status}`);
      const { items } = await search.json();
      check(items.length === 0, `the residential customer's search finds ticket #${ticketId}`);
      const owner = await fetch(new URL(`/api/rt/REST/2.0/ticket/${ticketId}`, base), { method: 'HEAD', headers: { Authorization: e2e.lastAuthorization } });
      check(owner.status === 200, `the business customer got ${owner.status} for their own ticket through the proxy (the 404s above prove nothing)`);
      await e2e.apiSignOut(other);
    });
  },
  {
    screenshots: 'ticket-list-rt-screenshots',
    env: {
      RINGSIDE_RT_URL: rtUrl,
      RINGSIDE_RT_TOKEN: portalToken,
      RINGSIDE_RT_QUEUE: queue,
      RINGSIDE_RT_ESCALATION_QUEUE: env.RINGSIDE_TEST_RT_ESCALATION_QUEUE,
      RINGSIDE_RT_REQUESTOR_DOMAIN: REQUESTOR_DOMAIN,
    },
  }
);
