#!/usr/bin/env node
// End-to-end check of <rs-huntgroup-editor> on the demo portal's telephony page, in a real
// Chromium under the portal's strict CSP, against the reference API (fresh in-memory database):
//
//   node packages/server/test/huntgroup-editor.e2e.mjs
//
// The portal signs in as demo-business by itself. A second client (the API directly, as another
// person in the same company) changes groups behind the page's back, so the server's own
// refusals are seen: an inclusion cycle named by its path, and a conflict on a stale version.
import { DEMO_USERNAMES } from '../demo/demo-strings.js';
import { check, runE2E, TIMEOUT } from './e2e-harness.mjs';

await runE2E('Hunt group editor end-to-end', async (e2e) => {
  const { base, step, expecting, assertNoProblems } = e2e;
  const other = await e2e.apiSignIn(DEMO_USERNAMES.business);
  const groupsByNumber = async () => {
    const { status, body } = await e2e.apiGet('/hunt-groups?pageSize=500', other);
    check(status === 200, `listing hunt groups answered ${status}`);
    return Object.fromEntries(body.items.map((group) => [group.number, group]));
  };
  /** Another person saves the group, with no If-Match: their write always lands. */
  async function otherSaves(group, change) {
    const { id, version, ...input } = group;
    const response = await fetch(e2e.api(`/hunt-groups/${id}`), {
      method: 'PUT',
      headers: { Authorization: other, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...input, ...change }),
    });
    check(response.status === 200, `the other client's save answered ${response.status}`);
  }

  const page = await e2e.newPage();
  const editor = page.locator('rs-huntgroup-editor');
  const button = (name) => editor.getByRole('button', { name, exact: true });
  const status = () =>
    page.evaluate(() => document.querySelector('rs-huntgroup-editor')?.shadowRoot?.querySelector('section > [role="status"]')?.textContent?.trim() ?? '');
  const waitForStatus = (pattern) =>
    page.waitForFunction(
      (source) =>
        new RegExp(source).test(document.querySelector('rs-huntgroup-editor')?.shadowRoot?.querySelector('section > [role="status"]')?.textContent ?? ''),
      pattern.source,
      { timeout: TIMEOUT }
    );
  const memberRows = () =>
    editor
      .locator('#panel-members tbody th[scope="row"]')
      .allInnerTexts()
      .then((texts) => texts.map((text) => text.trim()));

  await step("the telephony page lists the customer's hunt groups from the server", async () => {
    await page.goto(new URL('/telephony.html', base).href, {
      waitUntil: 'load',
    });
    const table = editor.getByRole('table', { name: 'Hunt groups' });
    await table.waitFor({ timeout: TIMEOUT });
    const text = (await table.innerText()).replace(/\s+/g, ' ');
    for (const expected of [
      '200',
      'Front Office',
      'In order',
      '101 Front Desk',
      '210',
      'Billing Desk',
      'All at once',
      '220',
      'Clinical Team',
      'Least used first',
    ]) {
      check(text.includes(expected), `the list lacks "${expected}": ${text}`);
    }
    assertNoProblems('loading the telephony page');
  });

  await step('members reorder by keyboard with an announcement; the moved primary group and the order reach the server', async () => {
    await button('Edit 200 Front Office').click();
    await editor.getByRole('tab', { name: 'Members' }).click();
    const pickup = editor.getByRole('region', { name: 'Call pickup codes' });
    const codes = (await pickup.innerText()).replace(/\s+/g, ' ');
    check(codes.includes('101 Front Desk (primary group) *77') && codes.includes('105 Lena Fischer *77200'), `pickup codes: ${codes}`);
    await editor
      .getByRole('spinbutton', {
        name: 'Ring delay in seconds for 105 Lena Fischer',
      })
      .press('Alt+ArrowUp');
    await waitForStatus(/105 Lena Fischer moved to position 2 of 3\./);
    await button('Move 105 Lena Fischer up').click();
    await waitForStatus(/position 1 of 3/);
    const rows = await memberRows();
    check(rows.join('|') === '105 Lena Fischer|101 Front Desk|109 Grace Whitfield', `rows after moving: ${rows}`);
    await editor
      .getByRole('checkbox', {
        name: 'Make this the primary group of 105 Lena Fischer',
      })
      .check();
    const moves = await editor.getByText('Saving moves the primary group of 105 Lena Fischer here from 210 Billing Desk.').count();
    check(moves === 1, 'the editor does not say that the primary group moves');
    await button('Save').click();
    await waitForStatus(/Hunt group 200 Front Office saved\./);
    const front = (await groupsByNumber())['200'];
    const members = front.members.map((member) => member.extensionId);
    const { body: extensions } = await e2e.apiGet('/extensions?pageSize=500', other);
    const numberOf = new Map(extensions.items.map((extension) => [extension.id, extension.number]));
    check(members.map((id) => numberOf.get(id)).join(',') === '105,101,109', `server order ${members.map((id) => numberOf.get(id))}`);
    const lena = extensions.items.find((extension) => extension.number === '105');
    check(lena.primaryGroupId === front.id, `105's primary group is ${lena.primaryGroupId}, not ${front.id}`);
    assertNoProblems('saving the member order');
  });

  await step('a new group with a member picked by keyboard is created once', async () => {
    await button('Back to hunt groups').click();
    await button('Add hunt group').click();
    await editor.getByLabel('Group number').fill('230');
    await editor.getByLabel('Name', { exact: true }).fill('Night line');
    await editor.getByRole('tab', { name: 'Members' }).click();
    const combo = editor.getByRole('combobox', { name: 'Add an extension' });
    await combo.fill('Hannah');
    await combo.press('ArrowDown');
    await combo.press('Enter');
    await waitForStatus(/108 Hannah Cho added\./);
    await button('Save').click();
    await waitForStatus(/Hunt group 230 Night line created\./);
    const created = (await groupsByNumber())['230'];
    check(created?.name === 'Night line' && created.members.length === 1, `the server has ${JSON.stringify(created)}`);
    assertNoProblems('creating a group');
  });

  await step('the server refuses an inclusion cycle the page could not see, and the message names the path', async () => {
    const groups = await groupsByNumber();
    // Meanwhile: 220 now includes 230 (the page's list does not know yet).
    await otherSaves(groups['220'], {
      includedGroups: [{ groupId: groups['230'].id, ignoreFollowMe: false }],
    });
    await editor.getByRole('tab', { name: 'Included groups' }).click();
    await editor.getByLabel('Group to include').selectOption({ label: '220 Clinical Team' });
    await button('Include group').click();
    await expecting([/HTTP 400: PUT .*\/hunt-groups\//, /status of 400 .*\/hunt-groups\//], async () => {
      await button('Save').click();
      await editor.getByText('These groups would include each other in a loop: 230 → 220 → 230. Remove one of the inclusions.').waitFor({ timeout: TIMEOUT });
    });
    check((await groupsByNumber())['230'].includedGroups.length === 0, 'the cycle was stored');
    await editor.getByRole('button', { name: 'Remove 220 Clinical Team' }).click();
    assertNoProblems('the refused cycle');
  });

  await step('a conflict shows both versions; keeping mine overwrites theirs and nothing is lost', async () => {
    await editor.getByRole('tab', { name: 'Settings' }).click();
    await editor.getByLabel('Name', { exact: true }).fill('Night line (after hours)');
    await otherSaves((await groupsByNumber())['230'], {
      name: 'Evening line',
      pickupAllowed: false,
    });
    await expecting([/HTTP 412: PUT .*\/hunt-groups\//, /status of 412 .*\/hunt-groups\//], async () => {
      await button('Save').click();
      await editor.getByRole('alert', { name: 'Someone else changed this group' }).waitFor({ timeout: TIMEOUT });
    });
    const conflict = (await editor.getByRole('alert', { name: 'Someone else changed this group' }).innerText()).replace(/\s+/g, ' ');
    check(
      conflict.includes('Night line (after hours)') && conflict.includes('Evening line') && conflict.includes('Not allowed'),
      `the conflict shows ${conflict}`
    );
    await button('Save my version').click();
    await waitForStatus(/saved\./);
    const stored = (await groupsByNumber())['230'];
    check(stored.name === 'Night line (after hours)' && stored.pickupAllowed === true, `the server has ${JSON.stringify(stored)}`);
    assertNoProblems('resolving the conflict');
  });

  await step('unsaved changes are kept as a draft, and leaving the page asks first', async () => {
    await editor.getByLabel('Name', { exact: true }).fill('Draft name');
    await button('Back to hunt groups').click();
    await editor.getByRole('dialog', { name: 'Unsaved changes' }).waitFor({ timeout: TIMEOUT });
    await button('Keep draft').click();
    await editor
      .getByRole('rowheader', {
        name: /Night line \(after hours\)\s*Unsaved changes/,
      })
      .waitFor({ timeout: TIMEOUT });
    await page.evaluate(() => {
      window.__leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(window.__leaving);
    });
    check(await page.evaluate(() => window.__leaving.defaultPrevented), 'beforeunload was not cancelled while a draft is unsaved');
    await button('Edit 230 Night line (after hours)').click();
    check((await editor.getByLabel('Name', { exact: true }).inputValue()) === 'Draft name', 'the draft was lost');
    await button('Discard changes').click();
    await button('Back to hunt groups').click();
  });

  await step('a group is deleted only after confirmation', async () => {
    await button('Delete 230 Night line (after hours)').click();
    await editor.getByRole('dialog', { name: 'Delete hunt group?' }).waitFor({ timeout: TIMEOUT });
    await button('Cancel').click();
    check((await groupsByNumber())['230'], 'cancel deleted the group');
    await button('Delete 230 Night line (after hours)').click();
    await button('Delete').click();
    await waitForStatus(/Hunt group 230 Night line \(after hours\) deleted\./);
    check(!(await groupsByNumber())['230'], 'the group is still on the server');
    check((await status()).length > 0, 'no announcement');
    assertNoProblems('deleting a group');
  });
});
