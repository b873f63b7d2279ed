/**
 * Someone else saved the group while the user edited it. The user sees both versions, field by
 * field, and chooses: keep theirs, keep mine, or pick per field. Nothing is lost: whatever the
 * choice, the result becomes the draft, based on the newer stored version.
 */
import type { HuntGroup } from '@ringside/core';
import { FIELDS, changedFields, rebase, valueOf, type DraftField, type DraftValue, type HuntGroupDraft } from './draft.js';

export type Side = 'mine' | 'theirs';

export interface ConflictRow {
  field: DraftField;
  /** The user's side: their changes where they made any, else the value they started from. */
  mine: DraftValue[DraftField];
  theirs: DraftValue[DraftField];
  /** True when the user changed this field (then "mine" is preselected). */
  changedByMe: boolean;
}

export interface Conflict {
  theirs: HuntGroup;
  rows: ConflictRow[];
  choices: Readonly<Partial<Record<DraftField, Side>>>;
}

/** The fields where the user's draft and the newer stored group differ. */
export function conflictOf(draft: HuntGroupDraft, theirs: HuntGroup): Conflict {
  const theirValue = valueOf(theirs);
  const mineChanged = new Set(changedFields(draft.value, draft.initial));
  const rows = changedFields(draft.value, theirValue).map((field) => ({
    field,
    mine: draft.value[field],
    theirs: theirValue[field],
    changedByMe: mineChanged.has(field),
  }));
  const choices = Object.fromEntries(rows.map((row) => [row.field, row.changedByMe ? 'mine' : 'theirs'])) as Partial<Record<DraftField, Side>>;
  return { theirs, rows, choices };
}

export function choose(conflict: Conflict, field: DraftField, side: Side): Conflict {
  return { ...conflict, choices: { ...conflict.choices, [field]: side } };
}

/** The values of the chosen sides: `side` for every field, or the per-field choices. */
export function mergedValue(draft: HuntGroupDraft, conflict: Conflict, side?: Side): DraftValue {
  const theirValue = valueOf(conflict.theirs);
  const pick = (field: DraftField) => ((side ?? conflict.choices[field] ?? 'theirs') === 'mine' ? draft.value[field] : theirValue[field]);
  return Object.fromEntries(FIELDS.map((field) => [field, pick(field)])) as unknown as DraftValue;
}

/** The draft that resolves the conflict: based on their version, with the chosen values. */
export function resolve(draft: HuntGroupDraft, conflict: Conflict, side?: Side): HuntGroupDraft {
  return rebase(draft, conflict.theirs, mergedValue(draft, conflict, side));
}
