import type { ExtensionQuery } from '@ringside/core';
import { RingsideError } from '@ringside/core';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemoryAdapter } from '@ringside/adapter-memory';
import type { RsExtensionTable } from '../src/extension-table/extension-table.component.js';
import type { ExtensionDeletedDetail, ExtensionExportDetail, ExtensionSavedDetail } from '../src/extension-table/events.js';
import { captureWarnings, memory, renderWidget, visibleText, type RenderOptions } from './helpers.js';

async function renderTable(options: RenderOptions = {}, template = html`<rs-extension-table></rs-extension-table>`) {
  const setup = await renderWidget<RsExtensionTable>('rs-extension-table', template, options);
  const { screen } = setup;
  const grid = options.adapter === null ? null : await screen.findByShadowRole('grid', {}, { timeout: 3000 });
  return { ...setup, table: setup.element, grid: grid! };
}

/** Counts the adapter's list calls, to prove that only the pages shown are fetched. */
function countingLists(adapter: MemoryAdapter): { adapter: MemoryAdapter; queries: ExtensionQuery[] } {
  const queries: ExtensionQuery[] = [];
  const list = adapter.extensions!.list;
  (adapter.extensions as { list: typeof list }).list = (query, options) => {
    queries.push(query);
    return list(query, options);
  };
  return { adapter, queries };
}

const rowsOf = (grid: HTMLElement) => [...grid.querySelectorAll<HTMLElement>('.body [role="row"]')];
const cellTexts = (row: HTMLElement) => [...row.querySelectorAll('[role="gridcell"]')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
const numbersShown = (grid: HTMLElement) => rowsOf(grid).map((row) => cellTexts(row)[1]);
const focused = (table: RsExtensionTable) => table.shadowRoot!.activeElement as HTMLElement | null;

async function settle(table: RsExtensionTable): Promise<void> {
  await table.updateComplete;
  await waitUntil(() => !table.rows.loading, 'rows still loading', { timeout: 3000 });
  await table.updateComplete;
}

describe('<rs-extension-table>', () => {
  // First in the file: Lit issues each development warning once per page.
  it('measures its rows without scheduling an update after an update completed', async () => {
    const warnings = await captureWarnings(async () => {
      const { table } = await renderTable();
      await settle(table);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await table.updateComplete;
    });
    expect(warnings.filter((warning) => warning.includes('scheduled an update'))).to.deep.equal([]);
  });

  it('is an ARIA grid announcing all rows and columns, with the seeded extensions, and passes axe', async () => {
    const { table, grid, screen } = await renderTable();
    await settle(table);
    expect(grid.getAttribute('aria-rowcount')).to.equal('13');
    expect(grid.getAttribute('aria-colcount')).to.equal('9');
    const headers = screen.getAllByShadowRole('columnheader').map((header) => header.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers).to.deep.equal(['', 'Extension', 'Name', 'Phone line', 'Primary group', 'Published', 'Recorded name', 'Edit', 'Delete']);
    const first = rowsOf(grid)[0]!;
    expect(first.getAttribute('aria-rowindex')).to.equal('2');
    expect(cellTexts(first).slice(1, 7)).to.deep.equal(['101', 'Front Desk', '+1 604 555 0100', 'Front Office', 'Yes', 'Set']);
    expect(visibleText(table)).to.include('12 extensions');
    await expect(table).shadowDom.to.be.accessible();
  });

  it('hides columns the adapter cannot provide', async () => {
    const { table, screen } = await renderTable({ adapter: memory({ capabilities: { extensions: { fields: ['published'] } } }) });
    await settle(table);
    const headers = screen.getAllByShadowRole('columnheader').map((header) => header.textContent!.trim());
    expect(headers).to.deep.equal(['', 'Extension', 'Name', 'Published', 'Edit', 'Delete']);
  });

  it('keeps the DOM small with 10,000 extensions and fetches only the pages it shows', async () => {
    const { adapter, queries } = countingLists(memory({ extensions: 10_000 }));
    const { table, grid } = await renderTable({ adapter });
    await settle(table);
    expect(grid.getAttribute('aria-rowcount')).to.equal('10001');
    expect(rowsOf(grid).length).to.be.below(40);
    expect(table.shadowRoot!.querySelectorAll('*').length).to.be.below(2000);
    expect(queries.map((query) => query.page)).to.deep.equal([1]);
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part="table"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => numbersShown(grid).includes(table.rows.rowAt(9999)?.number ?? '-'), 'the last row shows', { timeout: 3000 });
    const last = rowsOf(grid).at(-1)!;
    expect(last.getAttribute('aria-rowindex')).to.equal('10001');
    expect(queries.map((query) => query.page)).to.deep.equal([1, 100]);
    await expect(table).shadowDom.to.be.accessible();
  });

  it('shows rows still loading as placeholders with one tab stop, then fills the same cells in', async () => {
    const adapter = memory({ extensions: 1000 });
    const { table, grid } = await renderTable({ adapter });
    await settle(table);
    adapter.faults.hang();
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part="table"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await waitUntil(() => rowsOf(grid).at(-1)?.getAttribute('aria-rowindex') === '1001', 'the end of the list is rendered', { timeout: 3000 });
    const last = rowsOf(grid).at(-1)!;
    expect(cellTexts(last)[1]).to.equal('Loading…');
    expect(last.querySelectorAll('button, input')).to.have.length(0);
    expect(grid.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    expect(grid.getAttribute('aria-busy')).to.equal('true');
    await expect(table).shadowDom.to.be.accessible();
    const numberCell = last.querySelectorAll('[role="gridcell"]')[1]!;
    adapter.faults.clear();
    await settle(table);
    expect(numberCell.isConnected).to.equal(true);
    expect(numberCell.textContent).to.equal(table.rows.rowAt(999)!.number);
    expect(last.querySelector('button[aria-label^="Edit"]')).to.exist;
    expect(grid.querySelectorAll('[tabindex="0"]')).to.have.length(1);
  });

  it('sorts by a column through the adapter and says so with aria-sort', async () => {
    const { table, grid, screen } = await renderTable();
    await settle(table);
    const name = screen.getByShadowRole('button', { name: 'Name' });
    name.click();
    await settle(table);
    expect(name.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(cellTexts(rowsOf(grid)[0]!)[2]).to.equal('Conference Room');
    name.click();
    await settle(table);
    expect(name.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('descending');
    expect(cellTexts(rowsOf(grid)[0]!)[2]).to.equal('Sterilization Room');
    screen.getByShadowRole('button', { name: 'Recorded name' }).click();
    await settle(table);
    expect(cellTexts(rowsOf(grid)[0]!)[6]).to.equal('Not set');
  });

  it('starts a new sort order at its top after the user scrolled down', async () => {
    const { table, grid, screen } = await renderTable({ adapter: memory({ extensions: 1000 }) });
    await settle(table);
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part="table"]')!;
    scroller.scrollTop = 20_000;
    scroller.dispatchEvent(new Event('scroll'));
    await settle(table);
    expect(rowsOf(grid)[0]!.getAttribute('aria-rowindex')).to.not.equal('2');
    screen.getByShadowRole('button', { name: 'Name' }).click();
    await settle(table);
    expect(scroller.scrollTop).to.equal(0);
    expect(rowsOf(grid)[0]!.getAttribute('aria-rowindex')).to.equal('2');
    expect(cellTexts(rowsOf(grid)[0]!)[1]).to.equal(table.rows.rowAt(0)!.number);
  });

  it('filters by free text (number, name or line) and by hunt group', async () => {
    const { table, grid, screen } = await renderTable();
    await settle(table);
    const search = screen.getByShadowLabelText('Search extensions') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'okafor' });
    await settle(table);
    expect(numbersShown(grid)).to.deep.equal(['103']);
    search.value = '5550104';
    search.dispatchEvent(new Event('input'));
    await settle(table);
    expect(numbersShown(grid)).to.deep.equal(['107']);
    search.value = 'nobody here';
    search.dispatchEvent(new Event('input'));
    await settle(table);
    expect(visibleText(table)).to.include('No extension matches this search.');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const group = screen.getByShadowLabelText('Hunt group') as HTMLSelectElement;
    await waitUntil(() => group.options.length > 1);
    group.value = 'hg-2';
    group.dispatchEvent(new Event('change'));
    await settle(table);
    const members = (table as unknown as { huntGroups: { value: { id: string; members: { extensionId: string }[] }[] } }).huntGroups.value.find(
      (g) => g.id === 'hg-2'
    )!.members;
    expect(rowsOf(grid)).to.have.length(members.length);
  });

  it('moves between cells with the keyboard (roving tabindex) and opens the editor with Enter, returning focus', async () => {
    const { table, grid } = await renderTable();
    await settle(table);
    const tabStops = grid.querySelectorAll('[tabindex="0"]');
    expect(tabStops).to.have.length(1);
    (tabStops[0] as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await table.updateComplete;
    expect(focused(table)!.textContent!.trim()).to.equal('101');
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    expect(focused(table)!.textContent!.trim()).to.equal('102');
    await sendKeys({ press: 'End' });
    await table.updateComplete;
    expect(focused(table)!.getAttribute('aria-label')).to.equal('Delete extension 102');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'PageDown' });
    await table.updateComplete;
    expect(Number(focused(table)!.getAttribute('data-row'))).to.be.above(2);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await table.updateComplete;
    expect(focused(table)!.getAttribute('aria-label')).to.equal('Delete extension 120');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await table.updateComplete;
    const cell = focused(table)!;
    expect(grid.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'Enter' });
    // The dialog's code loads on first use.
    await waitUntil(() => table.shadowRoot!.querySelector('dialog')?.open, 'the editor opens');
    const dialog = table.shadowRoot!.querySelector('dialog')!;
    expect(dialog.textContent).to.include('Edit extension 120');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(table) === cell || focused(table)?.getAttribute('data-row') === cell.getAttribute('data-row'), 'focus returns to the cell');
    expect(table.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('validates the number as the user types: digits, length, hunt group numbers, numbers in use', async () => {
    const { table, screen } = await renderTable();
    await settle(table);
    screen.getByShadowRole('button', { name: 'Add extension' }).click();
    const number = (await screen.findByShadowLabelText('Extension number')) as HTMLInputElement;
    expect(screen.getByShadowText('Digits only, exactly 3 digits.')).to.exist;
    number.focus();
    await sendKeys({ type: '1a' });
    await table.updateComplete;
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(number.getAttribute('aria-describedby')).to.include('number-error');
    expect(screen.getByShadowText('Use digits only.')).to.exist;
    await sendKeys({ press: 'Backspace' });
    await table.updateComplete;
    expect(screen.getByShadowText('Use exactly 3 digits.')).to.exist;
    number.value = '200';
    number.dispatchEvent(new Event('input'));
    await table.updateComplete;
    expect(screen.getByShadowText('A hunt group already has this number.')).to.exist;
    number.value = '101';
    number.dispatchEvent(new Event('input'));
    await screen.findByShadowText('Another extension or hunt group already has this number.');
    number.value = '130';
    number.dispatchEvent(new Event('input'));
    await table.updateComplete;
    expect(number.getAttribute('aria-invalid')).to.equal('false');
    await expect(table).shadowDom.to.be.accessible();
  });

  it('adds an extension: errors on save at the field, lines in use cannot be chosen, then it saves once', async () => {
    const adapter = memory();
    const { table, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('button', { name: 'Add extension' }).click();
    await screen.findByShadowLabelText('Extension number');
    screen.getByShadowRole('button', { name: 'Save' }).click();
    await table.updateComplete;
    const number = screen.getByShadowLabelText('Extension number') as HTMLInputElement;
    expect(focused(table)).to.equal(number);
    expect(screen.getAllByShadowText('Enter a value.')).to.have.length(2);
    const line = screen.getByShadowLabelText('Phone line') as HTMLSelectElement;
    const reception = [...line.options].find((option) => option.value === 'line-1')!;
    expect(reception.disabled).to.equal(true);
    expect(reception.textContent).to.include('in use by another extension');
    const fax = [...line.options].find((option) => option.value === 'line-6')!;
    expect(fax.disabled).to.equal(false);
    const primary = screen.getByShadowLabelText('Primary group') as HTMLSelectElement;
    expect([...primary.options].map((option) => option.value)).to.deep.equal(['']);
    number.value = '130';
    number.dispatchEvent(new Event('input'));
    const name = screen.getByShadowLabelText('Name') as HTMLInputElement;
    name.value = 'Night Nurse';
    name.dispatchEvent(new Event('input'));
    line.value = 'line-6';
    line.dispatchEvent(new Event('change'));
    const saved = oneEvent(table, 'rs-extension-saved');
    const save = screen.getByShadowRole('button', { name: 'Save' });
    save.click();
    save.click();
    const { detail } = (await saved) as CustomEvent<ExtensionSavedDetail>;
    expect(detail).to.include({ number: '130', created: true });
    expect(Object.keys(detail)).to.deep.equal(['id', 'number', 'created']);
    expect(adapter.data.extensions.filter((extension) => extension.number === '130')).to.have.length(1);
    expect(adapter.data.phoneLines.find((l) => l.id === 'line-6')!.extensionId).to.equal(detail.id);
    await waitUntil(() => visibleText(table).includes('13 extensions'));
    expect(screen.getByShadowRole('status', { name: '' }).textContent).to.include('Extension 130 was added.');
  });

  it('shows the server’s validation reasons at the fields and keeps what the user typed', async () => {
    const adapter = memory();
    const update = adapter.extensions!.update;
    (adapter.extensions as { update: typeof update }).update = async () => {
      throw new RingsideError('validation', {
        fields: [
          { field: 'name', reason: 'too_long', params: { max: 20 } },
          { field: 'site', reason: 'branch_only' },
        ],
      });
    };
    const { table, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('button', { name: 'Edit extension 102' }).click();
    const name = (await screen.findByShadowLabelText('Name')) as HTMLInputElement;
    name.value = 'Priya Raman, Practice Manager';
    name.dispatchEvent(new Event('input'));
    screen.getByShadowRole('button', { name: 'Save' }).click();
    await screen.findByShadowText('Use at most 20 characters.');
    expect(focused(table)).to.equal(name);
    expect(name.value).to.equal('Priya Raman, Practice Manager');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    // A field the form does not know is named by a translated generic text, never by its raw name.
    expect(visibleText(table)).to.include('Another setting: This value was not accepted (branch_only).');
    expect(visibleText(table)).not.to.include('site:');
    await expect(table).shadowDom.to.be.accessible();
  });

  it('shows an edit at once and rolls it back with a message when the adapter refuses', async () => {
    const adapter = memory();
    const { table, grid, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('button', { name: 'Edit extension 102' }).click();
    const name = (await screen.findByShadowLabelText('Name')) as HTMLInputElement;
    name.value = 'Priya R.';
    name.dispatchEvent(new Event('input'));
    adapter.faults.hang();
    screen.getByShadowRole('button', { name: 'Save' }).click();
    await table.updateComplete;
    expect(cellTexts(rowsOf(grid)[1]!)[2], 'optimistic').to.equal('Priya R.');
    adapter.faults.clear();
    adapter.faults.failNext(1, 'forbidden');
    // The hanging call goes on and now meets the planned failure.
    await screen.findByShadowText('The change to extension 102 was undone: You do not have permission to do this.');
    await settle(table);
    expect(cellTexts(rowsOf(grid)[1]!)[2]).to.equal('Priya Raman');
    expect(name.value, 'typed value kept').to.equal('Priya R.');
    expect(adapter.data.extensions.find((extension) => extension.number === '102')!.name).to.equal('Priya Raman');
  });

  it('on a conflict offers to load the other version or to overwrite it', async () => {
    const adapter = memory();
    const { table, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('button', { name: 'Edit extension 102' }).click();
    const name = (await screen.findByShadowLabelText('Name')) as HTMLInputElement;
    // Someone else renames it meanwhile.
    await adapter.extensions!.update('ext-2', { number: '102', name: 'Priya Raman-Lee' }, {});
    name.value = 'Priya R.';
    name.dispatchEvent(new Event('input'));
    screen.getByShadowRole('button', { name: 'Save' }).click();
    await screen.findByShadowText('Someone else changed this extension');
    await expect(table).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Load their version' }).click();
    await waitUntil(() => (screen.getByShadowLabelText('Name') as HTMLInputElement).value === 'Priya Raman-Lee');
    (screen.getByShadowLabelText('Name') as HTMLInputElement).value = 'Priya R.';
    screen.getByShadowLabelText('Name').dispatchEvent(new Event('input'));
    await adapter.extensions!.update('ext-2', { number: '102', name: 'Someone Else' }, {});
    screen.getByShadowRole('button', { name: 'Save' }).click();
    await screen.findByShadowText('Someone else changed this extension');
    const saved = oneEvent(table, 'rs-extension-saved');
    screen.getByShadowRole('button', { name: 'Save mine anyway' }).click();
    await saved;
    expect(adapter.data.extensions.find((extension) => extension.id === 'ext-2')!.name).to.equal('Priya R.');
  });

  it('deletes after a confirmation naming the extension and its hunt groups', async () => {
    const adapter = memory();
    const { table, grid, screen } = await renderTable({ adapter });
    await settle(table);
    const ext1 = adapter.data.extensions.find((extension) => extension.id === 'ext-1')!;
    const groupNames = adapter.data.huntGroups.filter((group) => ext1.groupIds.includes(group.id)).map((group) => group.name);
    expect(groupNames.length).to.be.above(0);
    screen.getByShadowRole('button', { name: 'Delete extension 101' }).click();
    const confirm = await screen.findByShadowRole('alertdialog', { name: 'Delete extension 101?' });
    for (const group of groupNames) expect(confirm.textContent).to.include(group);
    await expect(table).shadowDom.to.be.accessible();
    const deleted = oneEvent(table, 'rs-extension-deleted');
    screen.getByShadowRole('button', { name: 'Delete' }).click();
    await table.updateComplete;
    expect(numbersShown(grid)[0], 'removed at once').to.equal('102');
    expect(((await deleted) as CustomEvent<ExtensionDeletedDetail>).detail).to.deep.equal({ ids: ['ext-1'], numbers: ['101'] });
    expect(adapter.data.extensions.some((extension) => extension.id === 'ext-1')).to.equal(false);
    await waitUntil(() => visibleText(table).includes('11 extensions'));
  });

  it('asks before deleting with the Delete key, and Keep changes nothing', async () => {
    const { table, grid, screen } = await renderTable();
    await settle(table);
    (grid.querySelector('[data-row="2"][data-col="2"]') as HTMLElement).focus();
    await sendKeys({ press: 'Delete' });
    await screen.findByShadowRole('alertdialog', { name: 'Delete extension 102?' });
    screen.getByShadowRole('button', { name: 'Keep' }).click();
    await waitUntil(() => focused(table)?.getAttribute('data-row') === '2', 'focus returns');
    expect(numbersShown(grid)).to.include('102');
  });

  it('bulk-deletes the selected rows, and puts back those the adapter refuses', async () => {
    const adapter = memory();
    const { table, grid, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('checkbox', { name: 'Select extension 102' }).click();
    screen.getByShadowRole('checkbox', { name: 'Select extension 106' }).click();
    await table.updateComplete;
    expect(rowsOf(grid)[1]!.getAttribute('aria-selected')).to.equal('true');
    screen.getByShadowRole('button', { name: 'Delete 2 selected' }).click();
    const confirm = await screen.findByShadowRole('alertdialog', { name: 'Delete 2 extensions?' });
    expect(confirm.textContent).to.include('102 and 106');
    const ext6 = adapter.data.extensions.find((extension) => extension.id === 'ext-6')!;
    ext6.version = '42'; // changed by someone else since it was listed: its delete is refused
    screen.getByShadowRole('button', { name: 'Delete' }).click();
    await screen.findByShadowText(/1 extension could not be deleted and is back in the list: Someone else changed this/);
    await settle(table);
    expect(numbersShown(grid)).to.include('106');
    expect(numbersShown(grid)).not.to.include('102');
  });

  it('selects every matching extension, loaded or not', async () => {
    const { table, screen } = await renderTable({ adapter: memory({ extensions: 1200 }) });
    await settle(table);
    screen.getByShadowRole('checkbox', { name: 'Select all extensions' }).click();
    await screen.findByShadowRole('button', { name: 'Delete 1,200 selected' });
    expect((screen.getByShadowRole('checkbox', { name: 'Select all extensions' }) as HTMLInputElement).checked).to.equal(true);
  });

  it('exports every row of the current filter as formula-safe CSV', async () => {
    const adapter = memory({ extensions: 1200 });
    adapter.data.extensions[1]!.name = '=HYPERLINK("http://evil.example")';
    const { table, screen } = await renderTable({ adapter });
    await settle(table);
    table.addEventListener('rs-extension-export', (event) => event.preventDefault(), { once: true });
    const exported = oneEvent(table, 'rs-extension-export');
    screen.getByShadowRole('button', { name: 'Export CSV' }).click();
    const { detail } = (await exported) as CustomEvent<ExtensionExportDetail>;
    expect(detail.count).to.equal(1200);
    const lines = detail.csv.trimEnd().split('\r\n');
    expect(lines).to.have.length(1201);
    expect(lines[0]).to.equal('Extension,Name,Phone line,Primary group,Published,Recorded name');
    expect(lines.find((line) => line.includes('HYPERLINK'))).to.equal(`1102,"'=HYPERLINK(""http://evil.example"")",—,Clinical Team,Yes,Not set`);
    expect(lines.find((line) => line.startsWith('1101,'))).to.equal("1101,Front Desk,'+1 604 555 0100,Front Office,Yes,Set");
  });

  it('is read-only when the adapter cannot write or the host says so', async () => {
    for (const options of [{ adapter: memory({ capabilities: { extensions: { write: false } } }) }, {}]) {
      const template = options.adapter ? html`<rs-extension-table></rs-extension-table>` : html`<rs-extension-table readonly></rs-extension-table>`;
      const { table, grid, screen } = await renderTable(options, template);
      await settle(table);
      expect(screen.queryByShadowRole('button', { name: 'Add extension' })).to.equal(null);
      expect(screen.queryAllByShadowRole('checkbox')).to.have.length(0);
      expect(grid.getAttribute('aria-colcount')).to.equal('6');
      expect(visibleText(table)).to.include('View only');
      (grid.querySelector('[data-row="1"][data-col="0"]') as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Delete' });
      await table.updateComplete;
      expect(table.shadowRoot!.querySelector('dialog')).to.equal(null);
      await expect(table).shadowDom.to.be.accessible();
    }
  });

  it('shows a failed first load with a retry that works, and passes axe', async () => {
    const adapter = memory();
    const list = adapter.extensions!.list;
    let failures = 1;
    (adapter.extensions as { list: typeof list }).list = (query, options) =>
      failures-- > 0 ? Promise.reject(new RingsideError('unavailable')) : list(query, options);
    const { element: table, screen } = await renderWidget<RsExtensionTable>('rs-extension-table', html`<rs-extension-table></rs-extension-table>`, { adapter });
    await screen.findByShadowText('The service is not available right now.');
    await expect(table).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Try again' }).click();
    const grid = await screen.findByShadowRole('grid');
    await settle(table);
    expect(grid.getAttribute('aria-rowcount')).to.equal('13');
  });

  it('shows a failed search as an error that keeps the search, never the previous rows as its result', async () => {
    const adapter = memory();
    const { table, grid, screen } = await renderTable({ adapter });
    await settle(table);
    adapter.faults.failNext(1);
    const search = screen.getByShadowLabelText('Search extensions') as HTMLInputElement;
    search.value = 'okafor';
    search.dispatchEvent(new Event('input'));
    await screen.findByShadowText('The service is not available right now.');
    expect(screen.queryByShadowRole('grid')).to.equal(null);
    expect(search.isConnected && search.value).to.equal('okafor');
    await expect(table).shadowDom.to.be.accessible();
    screen.getByShadowRole('button', { name: 'Try again' }).click();
    await settle(table);
    expect(numbersShown(screen.getByShadowRole('grid'))).to.deep.equal(['103']);
    expect(grid.isConnected).to.equal(false);
  });

  it('keeps the focus on its cell when a loading row arrives under it', async () => {
    const adapter = memory({ extensions: 1000 });
    const { table, grid } = await renderTable({ adapter });
    await settle(table);
    adapter.faults.hang();
    (grid.querySelector('[data-row="1"][data-col="8"]') as HTMLElement).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => focused(table)?.getAttribute('data-row') === '1000', 'focus on the last row');
    expect(focused(table)!.localName).to.equal('div');
    adapter.faults.clear();
    await settle(table);
    expect(focused(table)!.getAttribute('aria-label')).to.equal(`Delete extension ${table.rows.rowAt(999)!.number}`);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(table)!.getAttribute('aria-label')).to.equal(`Edit extension ${table.rows.rowAt(999)!.number}`);
  });

  it('puts the focus back in the grid after a bulk delete, and on Export CSV while it exports', async () => {
    const { table, grid, screen } = await renderTable();
    await settle(table);
    screen.getByShadowRole('checkbox', { name: 'Select extension 102' }).click();
    screen.getByShadowRole('checkbox', { name: 'Select extension 106' }).click();
    await table.updateComplete;
    screen.getByShadowRole('button', { name: 'Delete 2 selected' }).focus();
    await sendKeys({ press: 'Enter' });
    await screen.findByShadowRole('alertdialog', { name: 'Delete 2 extensions?' });
    screen.getByShadowRole('button', { name: 'Delete' }).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !numbersShown(grid).includes('106'), 'the rows go');
    await settle(table);
    await waitUntil(() => !!focused(table)?.closest('[role="grid"]'), 'focus back in the grid');
    table.addEventListener('rs-extension-export', (event) => event.preventDefault(), { once: true });
    const exportButton = screen.getByShadowRole('button', { name: 'Export CSV' });
    exportButton.focus();
    await sendKeys({ press: 'Enter' });
    await table.updateComplete;
    expect(focused(table)).to.equal(exportButton);
    await waitUntil(() => exportButton.getAttribute('aria-disabled') === null, 'export done');
    expect(focused(table)).to.equal(exportButton);
  });

  it('after a bulk delete partly fails, keeps the view the user moved on to', async () => {
    const adapter = memory();
    const { table, grid, screen } = await renderTable({ adapter });
    await settle(table);
    screen.getByShadowRole('checkbox', { name: 'Select extension 102' }).click();
    await table.updateComplete;
    screen.getByShadowRole('button', { name: 'Delete 1 selected' }).click();
    await screen.findByShadowRole('alertdialog');
    adapter.data.extensions.find((extension) => extension.id === 'ext-2')!.version = '42'; // changed by someone else: refused
    adapter.faults.hang();
    screen.getByShadowRole('button', { name: 'Delete' }).click();
    const search = screen.getByShadowLabelText('Search extensions') as HTMLInputElement;
    search.value = 'okafor';
    search.dispatchEvent(new Event('input'));
    await table.updateComplete;
    adapter.faults.clear();
    await screen.findByShadowText(/could not be deleted/);
    await settle(table);
    expect(numbersShown(grid)).to.deep.equal(['103']);
  });

  it('shows a line or group by its number or name, never its internal id, and hides the group column when groups cannot be read', async () => {
    const adapter = memory();
    let releaseLines!: () => void;
    const linesArrive = new Promise<void>((resolve) => (releaseLines = resolve));
    const listPhoneLines = adapter.extensions!.listPhoneLines;
    (adapter.extensions as { listPhoneLines: typeof listPhoneLines }).listPhoneLines = async (options) => {
      await linesArrive;
      return listPhoneLines(options);
    };
    const { table, grid } = await renderTable({ adapter });
    await settle(table);
    expect(cellTexts(rowsOf(grid)[0]!)[3]).to.equal('');
    releaseLines();
    await waitUntil(() => cellTexts(rowsOf(grid)[0]!)[3] === '+1 604 555 0100', 'the line number shows');
    const noGroups = memory({ capabilities: { huntGroups: { read: false } } });
    const { table: other, screen } = await renderTable({ adapter: noGroups });
    await settle(other);
    const headers = screen.getAllByShadowRole('columnheader').map((header) => header.textContent!.trim());
    expect(headers).not.to.include('Primary group');
    expect(visibleText(other)).not.to.match(/hg-\d/);
  });

  it('shows loading, empty and not-connected states accessibly', async () => {
    const slow = memory({ latency: 10_000 });
    const loading = await renderWidget<RsExtensionTable>('rs-extension-table', html`<rs-extension-table></rs-extension-table>`, { adapter: slow });
    expect(await loading.screen.findByShadowText('Loading extensions…')).to.exist;
    await expect(loading.element).shadowDom.to.be.accessible();
    const empty = memory();
    empty.data.extensions.length = 0;
    const emptySetup = await renderTable({ adapter: empty });
    await emptySetup.screen.findByShadowText('There are no extensions yet.');
    await expect(emptySetup.table).shadowDom.to.be.accessible();
    const none = await renderWidget<RsExtensionTable>('rs-extension-table', html`<rs-extension-table></rs-extension-table>`, { adapter: null });
    expect(await none.screen.findByShadowText('Not connected')).to.exist;
    await expect(none.element).shadowDom.to.be.accessible();
  });

  it('speaks German and Arabic, right to left with the arrows following', async () => {
    const de = await renderTable({ locale: 'de' });
    await settle(de.table);
    await de.screen.findByShadowRole('button', { name: 'Nebenstelle hinzufügen' });
    expect(visibleText(de.table)).to.include('12 Nebenstellen');
    // Row controls are named in the language's word order, the number where the translation puts it.
    expect(de.screen.getByShadowRole('button', { name: 'Nebenstelle 101 bearbeiten' }).textContent).to.equal('Bearbeiten');
    expect(de.screen.getByShadowRole('checkbox', { name: 'Nebenstelle 101 auswählen' })).to.exist;
    const ar = await renderTable({ locale: 'ar' });
    await settle(ar.table);
    await ar.screen.findByShadowRole('button', { name: 'إضافة رقم داخلي' });
    expect(ar.table.getAttribute('dir')).to.equal('rtl');
    (ar.grid.querySelector('[data-row="1"][data-col="1"]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await ar.table.updateComplete;
    expect(focused(ar.table)!.getAttribute('data-col')).to.equal('2');
    await expect(ar.table).shadowDom.to.be.accessible();
  });
});
