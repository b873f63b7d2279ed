#!/usr/bin/env node
// End-to-end check of <rs-extension-table> on the demo portal's telephony page, in a real Chromium
// under the portal's strict CSP, against the reference API (fresh database, demo customers; set-up
// and problem watch in e2e-harness.mjs):
//
//   node packages/server/test/extension-table.e2e.mjs
//
//   - the grid announces the server's count, and sorting and searching are asked of the server;
//   - adding an extension: a hunt group's number is refused at the field as the user types; a
//     valid one is saved once on the server;
//   - a change made elsewhere meanwhile is a conflict: "Save mine anyway" overwrites it;
//   - the CSV export holds every row and disarms a name that a spreadsheet would run as a formula;
//   - delete with confirmation removes it on the server;
//   - no CSP violation, console error or failed request on the way.
import { readFile } from 'node:fs/promises';
import { DEMO_USERNAMES } from '../demo/demo-strings.js';
import { check, runE2E, TIMEOUT } from './e2e-harness.mjs';

await runE2E('Extension table end-to-end', async (e2e) => {
  const { base, step, apiRequests, assertNoProblems, apiSignIn, expecting } = e2e;
  const authorization = await apiSignIn(DEMO_USERNAMES.business);
  const api = async (method, path, body, headers = {}) => {
    const response = await fetch(e2e.api(path), {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json(), etag: response.headers.get('etag') };
  };
  const listExtensions = async (query = '') => (await e2e.apiGet(`/extensions?pageSize=500${query}`, authorization)).body;

  const page = await e2e.newPage();
  const table = page.locator('rs-extension-table');
  const grid = table.getByRole('grid');
  const firstRowCell = (column) => grid.locator(`.body [role="row"]:first-child .cell.${column}`);

  await step('the telephony page shows the extensions grid with the server’s count of rows and columns', async () => {
    await page.goto(new URL('telephony.html', base).href, { waitUntil: 'load' });
    await grid.waitFor({ timeout: TIMEOUT });
    const { total } = await listExtensions();
    await page.waitForFunction(
      (rows) => document.querySelector('rs-extension-table')?.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(rows),
      total + 1,
      { timeout: TIMEOUT }
    );
    check((await grid.getAttribute('aria-colcount')) === '9', `aria-colcount is ${await grid.getAttribute('aria-colcount')}`);
    check((await firstRowCell('number').innerText()) === '101', 'the first row is not extension 101');
    assertNoProblems('loading the telephony page');
  });

  await step('sorting and searching are the server’s: the grid asks for them and shows its answer', async () => {
    await table.getByRole('button', { name: 'Name', exact: true }).click();
    const byName = await listExtensions('&sort=name:asc');
    await page.waitForFunction(
      (name) => document.querySelector('rs-extension-table')?.shadowRoot?.querySelector('.body [role="row"] .cell.name')?.textContent === name,
      byName.items[0].name,
      { timeout: TIMEOUT }
    );
    check(
      apiRequests.some((request) => request.url.includes('/extensions?') && request.url.includes('sort=name')),
      'no sorted list request reached the server'
    );
    await table.getByLabel('Search extensions').fill('okafor');
    await page.waitForFunction(() => document.querySelector('rs-extension-table')?.shadowRoot?.querySelectorAll('.body [role="row"]').length === 1, null, {
      timeout: TIMEOUT,
    });
    check((await firstRowCell('number').innerText()) === '103', 'the search did not find Dr. Okafor at 103');
    check(
      apiRequests.some((request) => request.url.includes('search=okafor')),
      'the search was not asked of the server'
    );
    await table.getByLabel('Search extensions').fill('');
    assertNoProblems('sorting and searching');
  });

  let created;
  await step('adding an extension: a hunt group’s number is refused at the field; a valid one is saved once', async () => {
    await table.getByRole('button', { name: 'Add extension' }).click();
    const number = table.getByLabel('Extension number');
    await number.fill('200');
    await table.getByText('A hunt group already has this number.').waitFor({ timeout: TIMEOUT });
    check((await number.getAttribute('aria-invalid')) === 'true', 'the number field is not marked invalid');
    await number.fill('131');
    await table.getByLabel('Name', { exact: true }).fill('=1+1 Night Desk');
    await table.getByRole('button', { name: 'Save' }).click();
    await table.getByText('Extension 131 was added.').waitFor({ timeout: TIMEOUT });
    const matches = (await listExtensions('&search=131')).items.filter((extension) => extension.number === '131');
    check(matches.length === 1, `the server has ${matches.length} extensions 131`);
    created = matches[0];
    check(created.name === '=1+1 Night Desk', `the server stored "${created.name}"`);
    assertNoProblems('adding an extension');
  });

  await step('a change made elsewhere meanwhile is a conflict, and "Save mine anyway" overwrites it', async () => {
    await table.getByLabel('Search extensions').fill('131');
    await table.getByRole('button', { name: 'Edit extension 131' }).click();
    const name = table.getByLabel('Name', { exact: true });
    await name.waitFor({ timeout: TIMEOUT });
    const current = await api('GET', `/extensions/${created.id}`);
    const other = await api(
      'PUT',
      `/extensions/${created.id}`,
      { number: '131', name: 'Changed elsewhere' },
      { 'If-Match': current.etag ?? `"${current.body.version}"` }
    );
    check(other.status === 200, `the other change answered ${other.status}`);
    await name.fill('=1+1 Night Desk (mine)');
    await expecting([/HTTP 412/, /HTTP 409/, /status of 41[02]/, /status of 409/], async () => {
      await table.getByRole('button', { name: 'Save' }).click();
      await table.getByText('Someone else changed this extension').waitFor({ timeout: TIMEOUT });
    });
    await table.getByRole('button', { name: 'Save mine anyway' }).click();
    await table.getByText('Extension 131 was saved.').waitFor({ timeout: TIMEOUT });
    check((await api('GET', `/extensions/${created.id}`)).body.name === '=1+1 Night Desk (mine)', 'the overwrite did not reach the server');
    assertNoProblems('resolving a conflict');
  });

  await step('the CSV export holds every matching row and disarms formulas', async () => {
    await table.getByLabel('Search extensions').fill('');
    const download = page.waitForEvent('download', { timeout: TIMEOUT });
    await table.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const text = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '');
    const lines = text.trimEnd().split('\r\n');
    const { total } = await listExtensions();
    check(lines.length === total + 1, `the CSV has ${lines.length - 1} rows, the server ${total}`);
    check(
      lines.some((line) => line.startsWith("131,'=1+1 Night Desk (mine)")),
      `the formula was not disarmed: ${lines.find((line) => line.startsWith('131'))}`
    );
    assertNoProblems('exporting');
  });

  await step('delete asks first, then removes the extension on the server', async () => {
    await table.getByLabel('Search extensions').fill('131');
    await table.getByRole('button', { name: 'Delete extension 131' }).click();
    const confirm = table.getByRole('alertdialog', { name: 'Delete extension 131?' });
    await confirm.waitFor({ timeout: TIMEOUT });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await table.getByText('1 extension was deleted.').waitFor({ timeout: TIMEOUT });
    check((await api('GET', `/extensions/${created.id}`)).status === 404, 'the extension is still on the server');
    assertNoProblems('deleting');
  });
});
