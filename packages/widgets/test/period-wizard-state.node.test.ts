import { compile } from '@ringside/period';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_DRAFT,
  analyze,
  draftOf,
  initialState,
  isOvernight,
  isOvernightDraft,
  isValueMissing,
  reduce,
  rowOfDraft,
  textOfRows,
  type WizardAction,
  type WizardState,
} from '../src/period-wizard/wizard-state.js';
import { row, WORKDAYS } from '../../period/test/support/form-rows.js';

/** Runs actions from a value, as a user would click through the wizard. */
function run(text: string, ...actions: WizardAction[]): WizardState {
  return actions.reduce(reduce, initialState(text));
}

const draft = (patch: Partial<typeof EMPTY_DRAFT>): WizardAction => ({ type: 'draft', patch });
const days = (field: 'weekdays' | 'months' | 'monthDays', values: number[]): WizardAction => ({ type: 'set-days', field, values });

describe('opening a value', () => {
  it('shows a form-friendly value as rows, keeping the text exactly as written', () => {
    const state = initialState('hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}');
    expect(state.text).toBe('hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}');
    expect(state.view).toBe('form');
    expect(state.choice).toBe('times');
    expect(state.rows).toEqual([row('08:00', '19:00', { weekdays: WORKDAYS }), row('04:00', '07:00', { weekdays: [7] })]);
  });

  it('opens an overnight period as ONE row', () => {
    expect(initialState('wd {mo-fr} hr {20-7}').rows).toEqual([row('20:00', '08:00', { weekdays: WORKDAYS })]);
  });

  it('reads Always, always, empty text and hr {0-23} as the "Always" choice with no rows', () => {
    for (const text of ['Always', 'always', '', '  ', 'hr {0-23}']) {
      const state = initialState(text);
      expect(state.choice, text).toBe('always');
      expect(state.rows, text).toEqual([]);
      expect(state.view, text).toBe('form');
    }
  });

  it('reads none as "Only at these times" with an empty list', () => {
    const state = initialState('none');
    expect(state.choice).toBe('times');
    expect(state.rows).toEqual([]);
  });

  it('opens what the form cannot show in the text view, verbatim', () => {
    for (const text of ['wk {1} wd {mo}', 'yd {1-10}', 'yr {2030}', 'min {0-29}', 'sec {0-4}', 'wd {mo}  hr {9-16} min {0-29}']) {
      const state = initialState(text);
      expect(state.view, text).toBe('text');
      expect(state.text, text).toBe(text);
      expect(state.choice, text).toBe('times');
    }
  });

  it('opens invalid text in the text view with no choice', () => {
    const state = initialState('wd {xx}');
    expect(state.view).toBe('text');
    expect(state.choice).toBe(null);
    expect(state.text).toBe('wd {xx}');
    const analysis = analyze('wd {xx}');
    expect(analysis.ok).toBe(false);
    if (!analysis.ok) expect(analysis.error.code).toBe('invalid_value');
  });

  it('ignores setting the same value again, so a re-render of the host keeps the editor', () => {
    const before = run('wd {mo}', draft({ start: '09:00' }));
    expect(reduce(before, { type: 'set-value', text: 'wd {mo}' })).toBe(before);
    const reset = reduce(before, { type: 'reset', text: 'wd {mo}' });
    expect(reset.draft).toEqual(EMPTY_DRAFT);
  });
});

describe('building periods', () => {
  it('creates Mon–Fri 09:00–17:00', () => {
    const state = run('', { type: 'choose', choice: 'times' }, draft({ start: '09:00', end: '17:00' }), days('weekdays', [6, 2, 4, 3, 5]), {
      type: 'include',
    });
    expect(state.text).toBe('wd {mo-fr} hr {9-16}');
    expect(state.rows).toEqual([row('09:00', '17:00', { weekdays: WORKDAYS })]);
    expect(state.draft).toEqual(EMPTY_DRAFT);
    const open = compile(state.text);
    expect(open(Date.UTC(2026, 10, 23, 9, 0), 'UTC')).toBe(true); // Monday 09:00
    expect(open(Date.UTC(2026, 10, 23, 17, 0), 'UTC')).toBe(false); // Monday 17:00
    expect(open(Date.UTC(2026, 10, 22, 12, 0), 'UTC')).toBe(false); // Sunday
  });

  it('follows the seed: 20:00 → 08:00, Monday to Friday, all months is one overnight sub-period', () => {
    const state = run(
      'Always',
      { type: 'choose', choice: 'times' },
      draft({ start: '20:00', end: '08:00' }),
      ...WORKDAYS.map((value): WizardAction => ({ type: 'toggle-day', field: 'weekdays', value })),
      days('months', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      { type: 'include' }
    );
    expect(state.text).toBe('mo {jan-dec} wd {mo-fr} hr {20-7}');
    expect(state.rows).toHaveLength(1);
    expect(isOvernight(state.rows[0]!)).toBe(true);
  });

  it('ORs several rows and keeps them in the order they were made', () => {
    const state = run(
      'none',
      draft({ start: '09:00', end: '17:00' }),
      days('weekdays', WORKDAYS),
      { type: 'include' },
      draft({ start: '10:00', end: '14:00' }),
      days('weekdays', [7]),
      { type: 'include' }
    );
    expect(state.text).toBe('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}');
    expect(state.rows.map((r) => r.weekdays)).toEqual([WORKDAYS, [7]]);
  });

  it('writes minutes as the period library does', () => {
    const state = run('none', draft({ start: '08:30', end: '17:15' }), { type: 'include' });
    expect(state.text).toBe('hr {8} min {30-59}, hr {9-16}, hr {17} min {0-14}');
    expect(initialState(state.text).rows).toEqual(state.rows);
  });

  it('reads an end of 00:00 (or an empty end) as midnight, and an empty start as midnight', () => {
    expect(run('none', draft({ start: '18:00', end: '00:00' }), { type: 'include' }).text).toBe('hr {18-23}');
    expect(run('none', draft({ start: '18:00' }), { type: 'include' }).text).toBe('hr {18-23}');
    expect(run('none', draft({ end: '06:00' }), { type: 'include' }).text).toBe('hr {0-5}');
  });

  it('takes days without times as whole days', () => {
    expect(run('none', days('weekdays', [1, 7]), { type: 'include' }).text).toBe('wd {su sa}');
    expect(run('none', days('monthDays', [1, 15]), { type: 'include' }).text).toBe('md {1 15}');
  });

  it('refuses a period without limits, equal times, and malformed times', () => {
    expect(run('none', { type: 'include' }).draftError).toBe('unrestricted');
    expect(run('none', draft({ start: '00:00' }), { type: 'include' }).draftError).toBe('unrestricted');
    expect(run('none', draft({ start: '09:00', end: '09:00' }), { type: 'include' }).draftError).toBe('same_times');
    expect(run('none', draft({ start: '9 am' }), { type: 'include' }).draftError).toBe('invalid_time');
    const refused = run('none', draft({ start: '09:00', end: '09:00' }), { type: 'include' });
    expect(refused.text).toBe('none');
    expect(refused.rows).toEqual([]);
    expect(reduce(refused, draft({ end: '10:00' })).draftError).toBe(null);
  });

  it('accepts time inputs that carry seconds', () => {
    expect(rowOfDraft({ ...EMPTY_DRAFT, start: '09:00:00', end: '17:00:00.000' })).toEqual({ ok: true, row: row('09:00', '17:00') });
  });

  it('says when a draft runs overnight', () => {
    expect(isOvernightDraft({ ...EMPTY_DRAFT, start: '20:00', end: '08:00' })).toBe(true);
    expect(isOvernightDraft({ ...EMPTY_DRAFT, start: '20:00', end: '00:00' })).toBe(false);
    expect(isOvernightDraft({ ...EMPTY_DRAFT, start: '08:00', end: '20:00' })).toBe(false);
    expect(isOvernightDraft({ ...EMPTY_DRAFT, start: '20:00' })).toBe(false);
  });
});

describe('editing and removing', () => {
  const two = () => initialState('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}');

  it('loads a row into the editor and replaces it in place', () => {
    let state = reduce(two(), { type: 'edit', index: 0 });
    expect(state.editing).toBe(0);
    expect(state.draft).toEqual({ start: '09:00', end: '17:00', weekdays: WORKDAYS, months: [], monthDays: [] });
    state = reduce(state, draft({ end: '18:00' }));
    state = reduce(state, { type: 'include' });
    expect(state.editing).toBe(null);
    expect(state.text).toBe('wd {mo-fr} hr {9-17}, wd {sa} hr {10-13}');
  });

  it('cancels an edit without changing the value', () => {
    const before = two();
    const state = run(before.text, { type: 'edit', index: 1 }, draft({ start: '11:00' }), { type: 'cancel-edit' });
    expect(state.text).toBe(before.text);
    expect(state.editing).toBe(null);
    expect(state.draft).toEqual(EMPTY_DRAFT);
  });

  it('removes a row; removing the last one leaves never (none)', () => {
    let state = reduce(two(), { type: 'remove', index: 0 });
    expect(state.text).toBe('wd {sa} hr {10-13}');
    state = reduce(state, { type: 'remove', index: 0 });
    expect(state.text).toBe('none');
    expect(state.choice).toBe('times');
  });

  it('keeps the row being edited when an earlier row is removed', () => {
    const state = run('wd {mo} hr {9-16}, wd {tu} hr {9-16}, wd {we} hr {9-16}', { type: 'edit', index: 2 }, { type: 'remove', index: 0 });
    expect(state.editing).toBe(1);
    expect(run(state.text, { type: 'edit', index: 1 }, { type: 'remove', index: 1 }).editing).toBe(null);
  });

  it('shows a whole-day row with empty times, and 24:00 as 00:00', () => {
    expect(draftOf(row(null, null, { weekdays: [1] }))).toEqual({ ...EMPTY_DRAFT, weekdays: [1] });
    expect(draftOf(row('18:00', '24:00')).end).toBe('00:00');
  });

  it('gives the text for a list', () => {
    expect(textOfRows([])).toBe('none');
    expect(textOfRows([row('20:00', '08:00', { weekdays: WORKDAYS })])).toBe('wd {mo-fr} hr {20-7}');
  });
});

describe('Always', () => {
  it('writes PortaOne’s Always, and goes back to the list it had', () => {
    let state = run('wd {mo-fr} hr {9-16}', { type: 'choose', choice: 'always' });
    expect(state.text).toBe('Always');
    expect(state.choice).toBe('always');
    state = reduce(state, { type: 'choose', choice: 'times' });
    expect(state.text).toBe('wd {mo-fr} hr {9-16}');
  });

  it('"Only at these times" with an empty list is never', () => {
    expect(run('Always', { type: 'choose', choice: 'times' }).text).toBe('none');
  });

  it('keeps the word the incoming value used', () => {
    expect(run('ALWAYS', { type: 'choose', choice: 'always' }).text).toBe('ALWAYS');
    expect(run('always', { type: 'choose', choice: 'times' }, { type: 'choose', choice: 'always' }).text).toBe('always');
    expect(run('always', { type: 'choose', choice: 'times' }, draft({ start: '00:00', end: '23:00' }), { type: 'include' }).text).toBe('hr {0-22}');
  });

  it('leaves an always value as written when Always is chosen again, but fills in an empty one', () => {
    const state = initialState('Always');
    expect(reduce(state, { type: 'choose', choice: 'always' })).toEqual(state);
    expect(run('', { type: 'choose', choice: 'always' }).text).toBe('Always');
  });
});

describe('text view', () => {
  it('takes typed text as the value, valid or not, and keeps the form rows until the user goes back', () => {
    let state = run('wd {mo-fr} hr {9-16}', { type: 'show-text' });
    expect(state.view).toBe('text');
    state = reduce(state, { type: 'type-text', text: 'wd {mo-fr' });
    expect(state.text).toBe('wd {mo-fr');
    expect(reduce(state, { type: 'show-form' })).toBe(state); // invalid: stays in text
    state = reduce(state, { type: 'type-text', text: 'wd {sa su}  hr {10-13}' });
    state = reduce(state, { type: 'show-form' });
    expect(state.view).toBe('form');
    expect(state.text).toBe('wd {sa su}  hr {10-13}'); // not reformatted by switching views
    expect(state.rows).toEqual([row('10:00', '14:00', { weekdays: [1, 7] })]);
  });

  it('cannot go back to the form for an expression the form cannot show', () => {
    const state = run('wd {mo}', { type: 'show-text' }, { type: 'type-text', text: 'wk {1} wd {mo}' });
    expect(reduce(state, { type: 'show-form' })).toBe(state);
  });

  it('reads a typed always as the "Always" choice', () => {
    const state = run('wd {mo}', { type: 'show-text' }, { type: 'type-text', text: 'always' }, { type: 'show-form' });
    expect(state.choice).toBe('always');
    expect(run(state.text, { type: 'choose', choice: 'times' }, { type: 'choose', choice: 'always' }).text).toBe('always');
  });
});

describe('required', () => {
  it('misses a value when it is empty or never matches', () => {
    expect(isValueMissing(initialState(''))).toBe(true);
    expect(isValueMissing(initialState('none'))).toBe(true);
    expect(isValueMissing(initialState('wd {}'))).toBe(true);
    expect(isValueMissing(initialState('wd {}, wd {mo}'))).toBe(false);
    expect(isValueMissing(initialState('Always'))).toBe(false);
    expect(isValueMissing(initialState('wd {mo}'))).toBe(false);
    expect(isValueMissing(initialState('wd {xx}'))).toBe(false); // a different problem: bad input
  });
});
