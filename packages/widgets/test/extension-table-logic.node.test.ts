import { RingsideError, type Extension, type Page, type PhoneLine } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { visibleColumns } from '../src/extension-table/columns.js';
import { neutralise, toCsv } from '../src/extension-table/csv.js';
import { draftOf, fieldLabelKey, findNumberOwner, serverErrors, toInput, validateDraft, type FormContext } from '../src/extension-table/extension-form.js';
import { moveInGrid } from '../src/extension-table/grid-navigation.js';
import { ariaSort, INITIAL_VIEW, toggleSort, toQuery, viewKey } from '../src/extension-table/list-query.js';
import { collectAll, RowCache } from '../src/extension-table/page-cache.js';
import { rowsPerPage, rowWindow, scrollToShow } from '../src/extension-table/windowing.js';

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `r${index}` }));

/** A backend of `items` that records the pages asked for. */
function backend(items: { id: string }[]) {
  const asked: number[] = [];
  const load = async (page: number, pageSize: number): Promise<Page<{ id: string }>> => {
    asked.push(page);
    return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
  };
  return { asked, load };
}

describe('RowCache (the data provider)', () => {
  it('fetches only the pages covering the rows asked for, once', async () => {
    const { asked, load } = backend(rows(1000));
    const cache = new RowCache(load, { pageSize: 100, onChange: () => {} });
    await cache.ensure(0, 30);
    expect(asked).toEqual([1]);
    expect(cache.total).toBe(1000);
    await Promise.all([cache.ensure(950, 999), cache.ensure(960, 980)]);
    expect(asked).toEqual([1, 10]);
    expect(cache.rowAt(999)).toEqual({ id: 'r999' });
    expect(cache.rowAt(500)).toBeUndefined();
    await cache.ensure(90, 110);
    expect(asked).toEqual([1, 10, 2]);
  });

  it('drops answers of a view that was replaced, and keeps old rows shown until the new ones arrive', async () => {
    let release: () => void = () => {};
    const slow = (page: number, pageSize: number) =>
      new Promise<Page<{ id: string }>>((resolve) => {
        release = () => resolve({ items: [{ id: 'old' }], total: 1, page, pageSize });
      });
    const cache = new RowCache(slow, { pageSize: 10, onChange: () => {} });
    const first = cache.ensure(0, 5);
    cache.reset(backend([{ id: 'new' }]).load, { keepRows: true });
    release();
    await first;
    expect(cache.rowAt(0)).toBeUndefined();
    await cache.ensure(0, 5);
    expect(cache.rowAt(0)).toEqual({ id: 'new' });
    cache.reset(backend([{ id: 'newer' }, { id: 'x' }]).load, { keepRows: true });
    expect(cache.rowAt(0), 'still shown while the new view loads').toEqual({ id: 'new' });
    await cache.ensure(0, 5);
    expect([cache.rowAt(0), cache.total]).toEqual([{ id: 'newer' }, 2]);
  });

  it("on a failed answer for a new view, stops showing the old view's rows as if they were its own", async () => {
    const cache = new RowCache(backend(rows(30)).load, { pageSize: 10, onChange: () => {} });
    await cache.ensure(0, 5);
    cache.reset(() => Promise.reject(new RingsideError('unavailable')), { keepRows: true });
    expect(cache.rowAt(0), 'kept while the new view loads').toEqual({ id: 'r0' });
    await cache.ensure(0, 5);
    expect([cache.rowAt(0), cache.total, cache.error?.code]).toEqual([undefined, null, 'unavailable']);
  });

  it('removes rows optimistically, restores a snapshot, and reloads holes', async () => {
    const items = rows(25);
    const { asked, load } = backend(items);
    const cache = new RowCache(load, { pageSize: 10, onChange: () => {} });
    await cache.ensure(0, 24);
    const snapshot = cache.snapshot();
    cache.remove(new Set(['r0', 'r11']));
    expect([cache.total, cache.rowAt(0)?.id, cache.rowAt(10)?.id]).toEqual([23, 'r1', 'r12']);
    cache.restore(snapshot);
    expect([cache.total, cache.rowAt(0)?.id, cache.rowAt(11)?.id]).toEqual([25, 'r0', 'r11']);
    expect(cache.replace({ id: 'r3' })).toBe(true);
    expect(cache.replace({ id: 'missing' })).toBe(false);
    cache.refresh();
    await cache.ensure(0, 9);
    expect(asked).toEqual([1, 2, 3, 1]);
  });

  it('remembers a failure until retry, and does not ask again by itself', async () => {
    let fail = true;
    const { load } = backend(rows(5));
    const cache = new RowCache((page, size) => (fail ? Promise.reject(new RingsideError('unavailable')) : load(page, size)), {
      pageSize: 10,
      onChange: () => {},
    });
    await cache.ensure(0, 4);
    expect(cache.error?.code).toBe('unavailable');
    fail = false;
    await cache.ensure(0, 4);
    expect(cache.total).toBeNull();
    cache.retry();
    await cache.ensure(0, 4);
    expect([cache.error, cache.total]).toEqual([null, 5]);
  });

  it('collects every row of a view page by page', async () => {
    const { asked, load } = backend(rows(1201));
    expect((await collectAll(load, 500)).length).toBe(1201);
    expect(asked).toEqual([1, 2, 3]);
  });
});

describe('windowing', () => {
  it('renders the visible rows plus overscan, placed where they belong', () => {
    expect(rowWindow({ scrollTop: 4400, viewportHeight: 440, rowHeight: 44, total: 10_000, overscan: 5 })).toEqual({
      first: 95,
      end: 115,
      offset: 95 * 44,
      height: 440_000,
    });
    expect(rowWindow({ scrollTop: 10 ** 9, viewportHeight: 440, rowHeight: 44, total: 10_000, overscan: 5 }).end).toBe(10_000);
    expect(rowWindow({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, total: 0, overscan: 5 })).toEqual({ first: 0, end: 0, offset: 0, height: 0 });
  });

  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(5, 0, 440, 44)).toBe(0);
    expect(scrollToShow(10, 0, 440, 44)).toBe(44);
    expect(scrollToShow(2, 440, 440, 44)).toBe(88);
    expect(rowsPerPage(440, 44)).toBe(10);
  });
});

describe('grid keyboard', () => {
  const shape = { rows: 100, cols: 5, pageRows: 10, rtl: false };
  it('moves by arrows, Home/End, Ctrl+Home/End and pages, inside the grid', () => {
    expect(moveInGrid('ArrowDown', { row: 1, col: 2 }, shape)).toEqual({ row: 2, col: 2 });
    expect(moveInGrid('ArrowUp', { row: 0, col: 2 }, shape)).toEqual({ row: 0, col: 2 });
    expect(moveInGrid('ArrowRight', { row: 1, col: 4 }, shape)).toEqual({ row: 1, col: 4 });
    expect(moveInGrid('Home', { row: 7, col: 3 }, shape)).toEqual({ row: 7, col: 0 });
    expect(moveInGrid('End', { row: 7, col: 0 }, shape, true)).toEqual({ row: 100, col: 4 });
    expect(moveInGrid('Home', { row: 7, col: 3 }, shape, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid('PageDown', { row: 95, col: 1 }, shape)).toEqual({ row: 100, col: 1 });
    expect(moveInGrid('PageUp', { row: 5, col: 1 }, shape)).toEqual({ row: 1, col: 1 });
    expect(moveInGrid('PageDown', { row: 0, col: 1 }, shape)).toEqual({ row: 10, col: 1 });
    expect(moveInGrid('a', { row: 0, col: 1 }, shape)).toBeNull();
  });
  it('swaps left and right in right-to-left layouts', () => {
    expect(moveInGrid('ArrowLeft', { row: 1, col: 1 }, { ...shape, rtl: true })).toEqual({ row: 1, col: 2 });
  });
});

describe('sort and filter state', () => {
  it('toggles a column ascending then descending and builds the adapter query', () => {
    const byName = toggleSort(INITIAL_VIEW, 'name');
    expect(ariaSort(byName, 'name')).toBe('ascending');
    expect(ariaSort(byName, 'number')).toBe('none');
    const desc = toggleSort(byName, 'name');
    expect(ariaSort(desc, 'name')).toBe('descending');
    expect(toQuery({ ...desc, search: ' ann ', groupId: 'hg-1' }, 3, 100)).toEqual({
      page: 3,
      pageSize: 100,
      sort: [{ field: 'name', direction: 'desc' }],
      search: 'ann',
      filter: { groupId: 'hg-1' },
    });
    expect(toQuery(INITIAL_VIEW, 1, 50)).toEqual({ page: 1, pageSize: 50 });
    expect(viewKey({ ...desc, search: 'a&b' })).not.toBe(viewKey({ ...desc, search: 'a' }));
  });
});

describe('extension form', () => {
  const lines: PhoneLine[] = [
    { id: 'l1', number: '+1 555 0100', label: 'Desk', extensionId: 'e1' },
    { id: 'l2', number: '+1 555 0101', label: 'Lab', extensionId: null },
  ];
  const context: FormContext = {
    numberLength: 3,
    groupNumbers: new Set(['200']),
    takenNumbers: new Set(['101']),
    phoneLines: lines,
    extensionId: 'e2',
    groupIds: ['hg-1'],
  };
  const valid = { number: '130', name: 'Ann', phoneLineId: 'l2', primaryGroupId: 'hg-1', published: true };

  it('accepts a valid draft', () => {
    expect(validateDraft(valid, context)).toEqual({});
  });

  it('names each problem at its field', () => {
    expect(validateDraft({ ...valid, number: '' }, context).number).toEqual({ reason: 'required' });
    expect(validateDraft({ ...valid, number: '1a3' }, context).number).toEqual({ reason: 'digits_only' });
    expect(validateDraft({ ...valid, number: '1234' }, context).number).toEqual({ reason: 'length', params: { length: 3 } });
    expect(validateDraft({ ...valid, number: '200' }, context).number).toEqual({ reason: 'group_number' });
    expect(validateDraft({ ...valid, number: '101' }, context).number).toEqual({ reason: 'taken' });
    expect(validateDraft({ ...valid, name: '  ' }, context).name).toEqual({ reason: 'required' });
    expect(validateDraft({ ...valid, name: 'x'.repeat(101) }, context).name).toEqual({ reason: 'too_long', params: { max: 100 } });
    expect(validateDraft({ ...valid, phoneLineId: 'l1' }, context).phoneLineId).toEqual({ reason: 'line_taken' });
    expect(validateDraft({ ...valid, phoneLineId: 'l1' }, { ...context, extensionId: 'e1' }).phoneLineId).toBeUndefined();
    expect(validateDraft({ ...valid, primaryGroupId: 'hg-9' }, context).primaryGroupId).toEqual({ reason: 'not_member' });
  });

  it('sends only the fields the adapter knows, with none as null', () => {
    expect(toInput({ ...valid, phoneLineId: '', name: ' Ann ' }, { phoneLine: true, primaryGroup: false, published: true })).toEqual({
      number: '130',
      name: 'Ann',
      phoneLineId: null,
      published: true,
    });
    const extension: Extension = {
      id: 'e',
      version: '1',
      number: '101',
      name: 'A',
      phoneLineId: null,
      primaryGroupId: null,
      published: false,
      hasRecordedName: false,
      groupIds: [],
    };
    expect(draftOf(extension)).toEqual({ number: '101', name: 'A', phoneLineId: '', primaryGroupId: '', published: false });
  });

  it('maps the backend’s reasons to fields and keeps the others', () => {
    const error = new RingsideError('validation', {
      fields: [
        { field: 'number', reason: 'taken' },
        { field: 'site', reason: 'branch_only' },
      ],
    });
    expect(serverErrors(error)).toEqual({ fields: { number: { reason: 'taken' } }, other: [{ field: 'site', reason: 'branch_only' }] });
  });

  it('answers apart the reasons of fields the form does not show, and labels only the fields it knows', () => {
    const error = new RingsideError('validation', {
      fields: [
        { field: 'name', reason: 'required' },
        { field: 'phoneLineId', reason: 'line_taken' },
      ],
    });
    expect(serverErrors(error, ['number', 'name'])).toEqual({
      fields: { name: { reason: 'required' } },
      other: [{ field: 'phoneLineId', reason: 'line_taken' }],
    });
    expect(fieldLabelKey('phoneLineId')).toBe('phoneLine');
    expect(fieldLabelKey('primaryGroupId')).toBe('primaryGroup');
    expect(fieldLabelKey('site')).toBeNull();
    expect(fieldLabelKey('constructor')).toBeNull();
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+1 604', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(cell)).toBe(`'${cell}`);
    expect(neutralise('Ann')).toBe('Ann');
  });
  it('quotes and joins rows as RFC 4180', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['"q"', 'line\nbreak'],
        ['=cmd', 'x'],
      ])
    ).toBe('a,"b,c"\r\n"""q""","line\nbreak"\r\n\'=cmd,x\r\n');
  });
});

describe('columns', () => {
  it('shows optional columns only when the adapter has them, and controls only when writable', () => {
    expect(visibleColumns(['published'], true).map((column) => column.id)).toEqual(['select', 'number', 'name', 'published', 'edit', 'delete']);
    expect(visibleColumns(['phoneLine', 'primaryGroup', 'published', 'recordedName'], false).map((column) => column.id)).toEqual([
      'number',
      'name',
      'phoneLine',
      'primaryGroup',
      'published',
      'recordedName',
    ]);
  });
});

describe('findNumberOwner', () => {
  const extension = (number: string, name = `Ext ${number}`) => ({ id: `e${number}`, number, name } as Extension);
  /** Matches of a search for "101" in number order: names and lines matching first, the owner on page 3. */
  const others = Array.from({ length: 120 }, (_, index) => String(index).padStart(3, '0')).filter((number) => number !== '101');
  const matches = [...others.map((number) => extension(number, 'Room 101')), extension('101')];
  matches.sort((a, b) => (a.number < b.number ? -1 : 1));
  const pages = (items: Extension[], asked: number[] = []) => ({
    asked,
    load: async (page: number): Promise<Page<Extension>> => {
      asked.push(page);
      return { items: items.slice((page - 1) * 50, page * 50), total: items.length, page, pageSize: 50 };
    },
  });

  it('reads pages in number order until it finds the owner', async () => {
    const backend = pages(matches);
    expect((await findNumberOwner('101', backend.load))?.id).toBe('e101');
    expect(backend.asked).toEqual([1, 2, 3]);
  });

  it('stops at the first page past the number, or at the end, when no extension has it', async () => {
    const past = pages([extension('100'), extension('102'), extension('103')]);
    expect(await findNumberOwner('101', past.load)).toBeUndefined();
    expect(past.asked).toEqual([1]);
    const none = pages([]);
    expect(await findNumberOwner('101', none.load)).toBeUndefined();
    expect(none.asked).toEqual([1]);
  });
});
