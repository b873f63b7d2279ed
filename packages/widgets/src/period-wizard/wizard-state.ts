/**
 * The period wizard's state, without DOM: the value (Time::Period text, kept verbatim), what the
 * form shows for it (the "Always / Only at these times" choice and the list of periods), the
 * editor's draft, and whether the user edits the form or the text. `reduce` is the only way the
 * state changes; the element renders it and turns the transitions into events.
 */
import { format, fromFormPeriods, parse, toFormPeriods, type FormPeriod, type ParseError, type PeriodModel } from '@ringside/period';

export type Choice = 'always' | 'times';
export type View = 'form' | 'text';
export type DayField = 'weekdays' | 'months' | 'monthDays';

/** The editor's fields as the inputs hold them: times are 'HH:MM' or '' (not set). */
export interface Draft {
  readonly start: string;
  readonly end: string;
  readonly weekdays: readonly number[];
  readonly months: readonly number[];
  readonly monthDays: readonly number[];
}

/** Why "Include this period" refused the draft. */
export type DraftError = 'unrestricted' | 'same_times' | 'invalid_time';

export interface WizardState {
  /** The element's value, exactly as written (by the host, the user, or the form). */
  readonly text: string;
  /** What the text means for the form; null when it does not parse. */
  readonly choice: Choice | null;
  /** The periods of the list, in the order the user made them. Kept while "Always" is chosen. */
  readonly rows: readonly FormPeriod[];
  readonly view: View;
  readonly draft: Draft;
  /** Index of the row the editor changes, or null when it makes a new one. */
  readonly editing: number | null;
  readonly draftError: DraftError | null;
  /** How this wizard writes "always": the word the incoming value used, or PortaOne's `Always`. */
  readonly alwaysText: string;
}

export type WizardAction =
  /** The host (or a form reset / restore) sets the value: everything is derived from it again. */
  | { type: 'set-value'; text: string }
  /** A form reset or restore: like set-value, and the editor and view start afresh even for the same text. */
  | { type: 'reset'; text: string }
  | { type: 'choose'; choice: Choice }
  | { type: 'draft'; patch: Partial<Draft> }
  | { type: 'toggle-day'; field: DayField; value: number }
  | { type: 'set-days'; field: DayField; values: readonly number[] }
  | { type: 'include' }
  | { type: 'edit'; index: number }
  | { type: 'cancel-edit' }
  | { type: 'remove'; index: number }
  | { type: 'show-text' }
  | { type: 'type-text'; text: string }
  | { type: 'show-form' };

/** PortaOne's word for "no restriction"; `@ringside/period` reads it, plain Time::Period reads ''. */
export const ALWAYS_TEXT = 'Always';

export const EMPTY_DRAFT: Draft = Object.freeze({ start: '', end: '', weekdays: [], months: [], monthDays: [] });

export type Analysis =
  | { readonly ok: true; readonly model: PeriodModel; readonly choice: Choice; readonly rows: readonly FormPeriod[] | null }
  | { readonly ok: false; readonly error: ParseError };

/**
 * What a text means to the wizard: a parse error, or the choice and the list rows (null when
 * the form cannot show it, e.g. `wk {1} wd {mo}`). Always (also `hr {0-23}`) is the "Always"
 * choice with no rows; never (`none`) is "Only at these times" with no rows.
 */
export function analyze(text: string): Analysis {
  const result = parse(text);
  if (!result.ok) return { ok: false, error: result.error };
  const model = result.period;
  const rows = toFormPeriods(model);
  if (model.kind === 'always' || (rows?.length === 1 && isUnrestrictedRow(rows[0]!))) {
    return { ok: true, model, choice: 'always', rows: [] };
  }
  return { ok: true, model, choice: 'times', rows };
}

export function initialState(text = ''): WizardState {
  return fromText(text, ALWAYS_TEXT);
}

function fromText(text: string, previousAlwaysText: string): WizardState {
  const analysis = analyze(text);
  const representable = analysis.ok && analysis.rows !== null;
  return {
    text,
    choice: analysis.ok ? analysis.choice : null,
    rows: analysis.ok ? (analysis.rows ?? []) : [],
    view: representable ? 'form' : 'text',
    draft: EMPTY_DRAFT,
    editing: null,
    draftError: null,
    alwaysText: alwaysWordOf(text, analysis) ?? previousAlwaysText,
  };
}

/** `Always`, `ALWAYS`, `always` as written; '' and other spellings of always give no word. */
function alwaysWordOf(text: string, analysis: Analysis): string | null {
  const trimmed = text.trim();
  return analysis.ok && analysis.model.kind === 'always' && /^always$/i.test(trimmed) ? trimmed : null;
}

export function reduce(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'set-value':
      return action.text === state.text ? state : fromText(action.text, state.alwaysText);
    case 'reset':
      return fromText(action.text, ALWAYS_TEXT);
    case 'choose':
      return choose(state, action.choice);
    case 'draft':
      return { ...state, draft: { ...state.draft, ...action.patch }, draftError: null };
    case 'toggle-day': {
      const current = state.draft[action.field];
      const values = current.includes(action.value) ? current.filter((value) => value !== action.value) : [...current, action.value];
      return reduce(state, { type: 'set-days', field: action.field, values });
    }
    case 'set-days':
      return { ...state, draft: { ...state.draft, [action.field]: sortedUnique(action.values) }, draftError: null };
    case 'include':
      return include(state);
    case 'edit': {
      const row = state.rows[action.index];
      if (!row) return state;
      return { ...state, editing: action.index, draft: draftOf(row), draftError: null };
    }
    case 'cancel-edit':
      return { ...state, editing: null, draft: EMPTY_DRAFT, draftError: null };
    case 'remove': {
      if (!state.rows[action.index]) return state;
      const rows = state.rows.filter((_, index) => index !== action.index);
      let editing = state.editing;
      let draft = state.draft;
      if (editing === action.index) [editing, draft] = [null, EMPTY_DRAFT];
      else if (editing !== null && editing > action.index) editing -= 1;
      return { ...state, rows, editing, draft, text: textOfRows(rows, state.alwaysText), choice: 'times' };
    }
    case 'show-text':
      return { ...state, view: 'text' };
    case 'type-text': {
      const analysis = analyze(action.text);
      return { ...state, text: action.text, alwaysText: alwaysWordOf(action.text, analysis) ?? state.alwaysText };
    }
    case 'show-form': {
      const analysis = analyze(state.text);
      if (!analysis.ok || analysis.rows === null) return state;
      // The text stays exactly as written until the user changes the form.
      return { ...state, view: 'form', choice: analysis.choice, rows: analysis.rows, editing: null, draft: EMPTY_DRAFT, draftError: null };
    }
  }
}

function choose(state: WizardState, choice: Choice): WizardState {
  if (choice === 'always') {
    // An always value as the host wrote it ('', 'always') stays as it is, except '' when a
    // choice is needed (a required field): then the wizard writes its word.
    const keep = state.choice === 'always' && state.text.trim() !== '';
    return { ...state, choice, editing: null, draft: EMPTY_DRAFT, draftError: null, text: keep ? state.text : state.alwaysText };
  }
  if (state.choice === 'times') return state;
  return { ...state, choice, text: textOfRows(state.rows, state.alwaysText) };
}

function include(state: WizardState): WizardState {
  const checked = rowOfDraft(state.draft);
  if (!checked.ok) return { ...state, draftError: checked.error };
  const rows =
    state.editing === null ? [...state.rows, checked.row] : state.rows.map((row, index) => (index === state.editing ? checked.row : row));
  return {
    ...state,
    rows,
    choice: 'times',
    editing: null,
    draft: EMPTY_DRAFT,
    draftError: null,
    text: textOfRows(rows, state.alwaysText),
  };
}

/** The text for the list: `none` when it is empty; rows are ORed. */
export function textOfRows(rows: readonly FormPeriod[], alwaysText = ALWAYS_TEXT): string {
  if (rows.length === 0) return 'none';
  return format(fromFormPeriods(rows), { alwaysText });
}

/** A row's own sub-periods as text, e.g. for a row's description. */
export function modelOfRow(row: FormPeriod): PeriodModel {
  return fromFormPeriods([row]);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(:00(\.0+)?)?$/;

/** 'HH:MM' from a time input's value ('HH:MM' or 'HH:MM:SS'), '' when empty, null when malformed. */
function clockOf(value: string): string | null {
  if (value === '') return '';
  const match = CLOCK.exec(value);
  return match ? `${match[1]}:${match[2]}` : null;
}

/**
 * The row for a draft, normalized as `toFormPeriods` would read its text back: both times empty
 * is the whole day (nulls); an empty start is midnight; an empty end or 00:00 is the end of the day.
 */
export function rowOfDraft(draft: Draft): { ok: true; row: FormPeriod } | { ok: false; error: DraftError } {
  const start = clockOf(draft.start);
  const end = clockOf(draft.end);
  if (start === null || end === null) return { ok: false, error: 'invalid_time' };
  const days = { weekdays: sortedUnique(draft.weekdays), months: sortedUnique(draft.months), monthDays: sortedUnique(draft.monthDays) };
  const anyDay = days.weekdays.length + days.months.length + days.monthDays.length > 0;
  if (start !== '' && start === end) return { ok: false, error: 'same_times' };
  const from = start === '' ? '00:00' : start;
  const to = end === '' || end === '00:00' ? '24:00' : end;
  if (from === '00:00' && to === '24:00') {
    return anyDay ? { ok: true, row: { start: null, end: null, ...days } } : { ok: false, error: 'unrestricted' };
  }
  return { ok: true, row: { start: from, end: to, ...days } };
}

/** The editor's fields for a row: midnight at the end of the day shows as 00:00. */
export function draftOf(row: FormPeriod): Draft {
  const whole = row.start === null && row.end === null;
  return {
    start: whole ? '' : (row.start ?? '00:00'),
    end: whole ? '' : row.end === null || row.end === '24:00' ? '00:00' : row.end,
    weekdays: [...row.weekdays],
    months: [...row.months],
    monthDays: [...row.monthDays],
  };
}

/** An overnight row ends the next day: its end is earlier than its start (00:00 is midnight, not overnight). */
export function isOvernight(row: Pick<FormPeriod, 'start' | 'end'>): boolean {
  if (!row.start || !row.end || row.end === '24:00' || row.end === '00:00') return false;
  return row.end < row.start;
}

/** Whether the draft as it stands would be an overnight period. */
export function isOvernightDraft(draft: Draft): boolean {
  return draft.start !== '' && draft.end !== '' && isOvernight({ start: clockOf(draft.start), end: clockOf(draft.end) });
}

/**
 * What the form control is missing, for `required`: nothing chosen (an empty value) or a value
 * that never matches (`none`, or no periods in the list). Invalid text is a different problem.
 */
export function isValueMissing(state: WizardState): boolean {
  if (state.text.trim() === '') return true;
  const analysis = analyze(state.text);
  return analysis.ok && matchesNothing(analysis.model);
}

/** `none`, or sub-periods that each have a scale without ranges (`wd {}`). */
export function matchesNothing(model: PeriodModel): boolean {
  if (model.kind !== 'periods') return model.kind === 'never';
  return model.periods.every((part) => Object.values(part).some((ranges) => ranges?.length === 0));
}

function isUnrestrictedRow(row: FormPeriod): boolean {
  return row.start === null && row.end === null && row.weekdays.length === 0 && row.months.length === 0 && row.monthDays.length === 0;
}

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
