/**
 * Saving a draft, without DOM: the editor's rules first, then create or update (with the version
 * it started from), and what each failure leaves behind — the draft kept with the backend's
 * reasons, both versions after someone else's change, or a create whose answer was lost, looked
 * for by number on the next save so a retry never makes a second group.
 */
import { MAX_PAGE_SIZE, RingsideError, toRingsideError, type HuntGroup, type HuntGroupInput, type HuntGroupsAdapter } from '@ringside/core';
import { conflictOf, resolve, type Conflict } from './conflict.js';
import { rebase, toInput, type HuntGroupDraft } from './draft.js';
import { draftReasons, type DraftRulesContext } from './rules.js';

/** Failures after which a create may still have happened. */
export const RETRY_MAY_DUPLICATE: ReadonlySet<string> = new Set(['network', 'timeout', 'unavailable', 'rate_limited']);

export interface SaveDependencies {
  section: HuntGroupsAdapter;
  /** Runs the write (through the store, so every view of the groups reloads). */
  write: (run: () => Promise<HuntGroup>) => Promise<HuntGroup>;
  /** What the rules need to judge the draft. */
  rulesContext: (draft: HuntGroupDraft) => DraftRulesContext;
}

export type SaveOutcome =
  | { kind: 'saved'; stored: HuntGroup; created: boolean }
  | {
      kind: 'failed';
      /** Shown above the form; null when nothing needs saying (they saved what the user has). */
      error: RingsideError | null;
      /** The draft to keep in place of the one saved, when it changed. */
      draft?: HuntGroupDraft;
      /** Both versions, for the user to choose from. */
      conflict?: Conflict;
      /** The field to take the user to. */
      focusField?: string;
      /** The session expired. */
      authRequired?: boolean;
    };

export async function saveDraft(start: HuntGroupDraft, deps: SaveDependencies): Promise<SaveOutcome> {
  let draft = start;
  try {
    // Before the rules see the number as taken by the group the lost create made.
    if (!draft.base && draft.createUncertain) draft = (await adoptUncertainCreate(draft, deps.section)) ?? draft;
    const reasons = draftReasons(draft.value, deps.rulesContext(draft));
    if (reasons.length) {
      return {
        kind: 'failed',
        error: new RingsideError('validation', { fields: reasons }),
        draft: { ...draft, showReasons: true },
        focusField: reasons[0]!.field,
      };
    }
    const base = draft.base;
    const input: HuntGroupInput = toInput(draft.value);
    const stored = await deps.write(() => (base ? deps.section.update(base.id, input, { ifMatch: base.version }) : deps.section.create(input)));
    return { kind: 'saved', stored, created: !base };
  } catch (caught) {
    const error = toRingsideError(caught);
    if (error.code === 'conflict' && draft.base) return showConflict(draft, error, deps.section);
    if (error.code === 'validation') {
      return { kind: 'failed', error, draft: { ...draft, serverReasons: [...error.fields], showReasons: true }, focusField: error.fields[0]?.field };
    }
    if (!draft.base && RETRY_MAY_DUPLICATE.has(error.code)) return { kind: 'failed', error, draft: { ...draft, createUncertain: true } };
    return { kind: 'failed', error, authRequired: error.code === 'unauthorized' };
  }
}

/** After a create whose answer was lost: the group with the draft's number, if the backend made it. */
export async function adoptUncertainCreate(draft: HuntGroupDraft, section: HuntGroupsAdapter): Promise<HuntGroupDraft | null> {
  const number = draft.value.number.trim();
  const page = await section.list({ search: number, pageSize: MAX_PAGE_SIZE });
  const made = page.items.find((group) => group.number === number && group.name === draft.value.name.trim());
  return made ? rebase(draft, made, draft.value) : null;
}

/** Someone else saved the group: both versions, or the draft moved onto theirs when they match. */
async function showConflict(draft: HuntGroupDraft, error: RingsideError, section: HuntGroupsAdapter): Promise<SaveOutcome> {
  try {
    const theirs = await section.get(draft.base!.id);
    const conflict = conflictOf(draft, theirs);
    // They saved exactly what the user has: nothing to choose.
    if (conflict.rows.length === 0) return { kind: 'failed', error: null, draft: resolve(draft, conflict, 'mine') };
    return { kind: 'failed', error, conflict };
  } catch (caught) {
    return { kind: 'failed', error: toRingsideError(caught) };
  }
}
