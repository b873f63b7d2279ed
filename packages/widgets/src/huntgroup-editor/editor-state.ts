/**
 * The editor's decisions without DOM: which draft a group shows, the reasons shown at fields and
 * where focus goes for them, tab keys, the member picker's keys and candidates, member moves, and
 * what including a group does.
 */
import type { Extension, FieldReason, HuntGroup, Page, RingsideError } from '@ringside/core';
import { NEW_GROUP, addIncluded, draftOf, isDirty, moveMember, newDraft, type HuntGroupDraft, type MemberDraft } from './draft.js';
import { draftReasons, findInclusionCycle, type DraftRulesContext } from './rules.js';

export type Tab = 'settings' | 'members' | 'included';

export const CALLER_ID_MODES = ['keep_original', 'group_name_and_number', 'group_name_caller_number'] as const;
export const PICKER_LIMIT = 50;

/** The tab that shows a field the backend or the rules named. */
export function tabOf(field: string): Tab {
  if (field.startsWith('members')) return 'members';
  if (field.startsWith('includedGroups')) return 'included';
  return 'settings';
}

/** An id for the control of a field (`members.2.ringTime` → `f-members-2-ringTime`). */
export const controlId = (field: string): string => `f-${field.replace(/\./g, '-')}`;

/** Every item of a paged list, a page at a time. */
export async function listAll<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetchPage(page);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

/** The options of a choice: the known ones, and the current value when the backend wrote another. */
export function optionsWith(known: readonly string[], current: string): readonly string[] {
  return known.includes(current) ? known : [...known, current];
}

// ------------------------------------------------------------------------------------------------
// Drafts
// ------------------------------------------------------------------------------------------------

/** The draft of a group: kept changes, or a fresh one of the stored group (null when it is gone). */
export function draftToShow(
  key: string,
  drafts: ReadonlyMap<string, HuntGroupDraft>,
  groups: readonly HuntGroup[],
  sequences: readonly string[]
): HuntGroupDraft | null {
  const kept = drafts.get(key);
  const stored = key === NEW_GROUP ? undefined : groups.find((group) => group.id === key);
  // A clean draft follows the stored group when someone else changed it.
  if (kept && (isDirty(kept) || !stored || kept.base?.version === stored.version)) return kept;
  if (key === NEW_GROUP) return newDraft(sequences);
  return stored ? draftOf(stored) : null;
}

export function withDraft(drafts: ReadonlyMap<string, HuntGroupDraft>, key: string, draft: HuntGroupDraft): ReadonlyMap<string, HuntGroupDraft> {
  return new Map(drafts).set(key, draft);
}

export function withoutDraft(drafts: ReadonlyMap<string, HuntGroupDraft>, key: string): ReadonlyMap<string, HuntGroupDraft> {
  const next = new Map(drafts);
  next.delete(key);
  return next;
}

export function hasUnsaved(drafts: ReadonlyMap<string, HuntGroupDraft>): boolean {
  return [...drafts.values()].some(isDirty);
}

/** True when the draft kept under `key` has changes. */
export function isKeptDirty(drafts: ReadonlyMap<string, HuntGroupDraft>, key: string): boolean {
  const kept = drafts.get(key);
  return !!kept && isDirty(kept);
}

// ------------------------------------------------------------------------------------------------
// Reasons at fields
// ------------------------------------------------------------------------------------------------

export interface KnownData {
  groups: readonly HuntGroup[];
  extensions: readonly Extension[];
  numberLength: number | null;
}

/** What the rules need to judge a draft: numbers taken by extensions and by the other groups. */
export function rulesContext(draft: HuntGroupDraft, known: KnownData): DraftRulesContext {
  const ownId = draft.base?.id ?? null;
  return {
    numberLength: known.numberLength,
    takenNumbers: new Set([
      ...known.extensions.map((extension) => extension.number),
      ...known.groups.filter((group) => group.id !== ownId).map((group) => group.number),
    ]),
    groups: known.groups,
    groupId: ownId,
  };
}

/** The reasons shown at fields: the rules' once the user tried to save, and the backend's. */
export function shownReasons(draft: HuntGroupDraft, context: DraftRulesContext): FieldReason[] {
  const own = draft.showReasons ? draftReasons(draft.value, context) : [];
  const fromServer = draft.serverReasons.filter((server) => !own.some((mine) => mine.field === server.field));
  return [...own, ...fromServer];
}

/** The reasons of one field (and of its parts, `members` → `members.0.ringTime`). */
export function reasonsOf(field: string, reasons: readonly FieldReason[]): FieldReason[] {
  return reasons.filter((reason) => reason.field === field || reason.field.startsWith(`${field}.`));
}

/** True when the form has a place for a reason about this field. */
export function isPlaceable(field: string, draft: HuntGroupDraft): boolean {
  if (['number', 'name', 'sequence', 'callerIdMode', 'pickupAllowed', 'members', 'includedGroups'].includes(field)) return true;
  const member = /^members\.(\d+)\.(ringDelay|ringTime|extensionId)$/.exec(field);
  if (member) return Number(member[1]) < draft.value.members.length;
  return /^includedGroups\.\d+\./.test(field);
}

/**
 * What the alert above the form lists after a failed save: null when it shows nothing (no error,
 * or a validation whose reasons all sit at fields), else the backend's reasons the form has no
 * field for.
 */
export function saveErrorReasons(error: RingsideError | null, draft: HuntGroupDraft, shown: readonly FieldReason[]): FieldReason[] | null {
  if (!error) return null;
  const unplaced = error.code === 'validation' ? draft.serverReasons.filter((reason) => !isPlaceable(reason.field, draft)) : [];
  if (error.code === 'validation' && shown.length === 0 && unplaced.length === 0) return null;
  return unplaced;
}

/** Where to go to correct a field: its tab, and the control that takes focus. */
export function fieldTarget(field: string): { tab: Tab; selector: string } {
  const match = /^members\.(\d+)\.(\w+)$/.exec(field);
  const selector =
    match && match[2] !== 'extensionId' ? `#${controlId(field)}` : field.startsWith('members') ? '#member-search' : `#${controlId(field.split('.')[0]!)}`;
  return { tab: tabOf(field), selector };
}

// ------------------------------------------------------------------------------------------------
// Tabs
// ------------------------------------------------------------------------------------------------

/** Included groups show when the backend supports them, or when the group has some anyway. */
export function editorTabs(canInclude: boolean, draft: HuntGroupDraft): Tab[] {
  return canInclude || draft.value.includedGroups.length ? ['settings', 'members', 'included'] : ['settings', 'members'];
}

/** The tab a key moves to (arrows follow the reading direction, Home, End); null for other keys. */
export function tabAfterKey(key: string, dir: 'ltr' | 'rtl', tabs: readonly Tab[], current: Tab): Tab | null {
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const at = tabs.indexOf(current);
  const next: Record<string, number> = {
    [forward]: (at + 1) % tabs.length,
    [backward]: (at - 1 + tabs.length) % tabs.length,
    Home: 0,
    End: tabs.length - 1,
  };
  return key in next ? tabs[next[key]!]! : null;
}

// ------------------------------------------------------------------------------------------------
// Members
// ------------------------------------------------------------------------------------------------

/** The extensions the picker offers: not yet members, matching the query by number prefix or name. */
export function pickerCandidates(extensions: readonly Extension[], members: readonly MemberDraft[], query: string, locale: string): Extension[] {
  const taken = new Set(members.map((member) => member.extensionId));
  const wanted = query.trim().toLocaleLowerCase(locale);
  return extensions
    .filter((extension) => !taken.has(extension.id))
    .filter((extension) => !wanted || extension.number.startsWith(wanted) || extension.name.toLocaleLowerCase(locale).includes(wanted))
    .slice(0, PICKER_LIMIT);
}

export interface PickerState {
  readonly query: string;
  readonly open: boolean;
  /** The highlighted option; -1 for none. */
  readonly active: number;
}

export interface PickerKeyResult {
  state: PickerState;
  /** True when the key was the picker's (its default action is prevented). */
  handled: boolean;
  /** True when the key must not reach the editor either (Escape closing the list). */
  stop?: boolean;
  /** The option chosen with Enter. */
  choose?: number;
}

/** What a key does in the picker with `count` options; null when it does nothing. */
export function pickerKey(state: PickerState, key: string, count: number): PickerKeyResult | null {
  switch (key) {
    case 'ArrowDown':
      return { state: { ...state, active: state.open && count ? (state.active + 1) % count : 0, open: true }, handled: true };
    case 'ArrowUp':
      return { state: { ...state, active: state.open && count ? (state.active - 1 + count) % count : count - 1, open: true }, handled: true };
    case 'Enter':
      return state.open && state.active >= 0 && state.active < count ? { state, handled: true, choose: state.active } : null;
    case 'Escape':
      return state.open ? { state: { ...state, open: false }, handled: true, stop: true } : { state: { ...state, query: '' }, handled: false };
    default:
      return null;
  }
}

export interface PlannedMove {
  draft: HuntGroupDraft;
  extensionId: string;
  /** Where the member is now, from 0. */
  position: number;
  count: number;
  /** The control that keeps focus in the moved row. */
  focus: string;
}

/** A member moved from `from` to `to` (clamped); null when nothing moves. `control` moved it. */
export function planMove(before: HuntGroupDraft, from: number, to: number, control: string): PlannedMove | null {
  const draft = moveMember(before, from, to);
  if (draft === before) return null;
  const extensionId = before.value.members[from]!.extensionId;
  const position = draft.value.members.findIndex((member) => member.extensionId === extensionId);
  const count = draft.value.members.length;
  // A move button that is now disabled (first or last row) cannot keep focus: its partner takes it.
  const focus = control === 'up' && position === 0 ? 'down' : control === 'down' && position === count - 1 ? 'up' : control;
  return { draft, extensionId, position, count, focus: `[data-row="${position}"] [data-control="${focus}"]` };
}

/** Focus after removing row `index`: the same row's remove button, the last one, or the picker. */
export function focusAfterRemoval(index: number, remaining: number): string {
  return remaining > 0 ? `[data-row="${Math.min(index, remaining - 1)}"] [data-control="remove"]` : '#member-search';
}

/** The group a member's extension leaves when this group becomes its primary one, if another. */
export function primaryMovesFrom(member: MemberDraft, extension: Extension | undefined, ownId: string | null): string | null {
  return member.primary && extension?.primaryGroupId && extension.primaryGroupId !== ownId ? extension.primaryGroupId : null;
}

// ------------------------------------------------------------------------------------------------
// Included groups
// ------------------------------------------------------------------------------------------------

/** The groups that can still be included: not this one, not already included. */
export function includableGroups(draft: HuntGroupDraft, groups: readonly HuntGroup[]): HuntGroup[] {
  const ownId = draft.base?.id ?? null;
  const included = new Set(draft.value.includedGroups.map((entry) => entry.groupId));
  return groups.filter((group) => group.id !== ownId && !included.has(group.id));
}

export type Inclusion = { draft: HuntGroupDraft; groupId: string } | { refusal: FieldReason };

/**
 * Includes the chosen group (the first available when the choice is not available): the new
 * draft, or the refusal naming the cycle it would close. Null when nothing can be included.
 */
export function includeGroup(draft: HuntGroupDraft, choice: string, available: readonly HuntGroup[], groups: readonly HuntGroup[]): Inclusion | null {
  const groupId = available.some((group) => group.id === choice) ? choice : available[0]?.id;
  if (!groupId) return null;
  const next = addIncluded(draft, groupId);
  const cycle = draft.base ? findInclusionCycle(draft.base.id, next.value, groups) : null;
  if (cycle) return { refusal: { field: 'includedGroups', reason: 'cycle', params: { path: cycle.join(' → ') } } };
  return { draft: next, groupId };
}
