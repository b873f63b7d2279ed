/**
 * A hunt group being edited, without DOM: the values as the form holds them (numbers as typed),
 * the stored group it started from (whose version is sent as `ifMatch`), dirty tracking, member
 * ordering, and the conversion to the adapter's input.
 */
import type { CallerIdMode, FieldReason, HuntGroup, HuntGroupInput, HuntGroupMember, HuntSequence, IncludedHuntGroup } from '@ringside/core';

/** A member as its row's inputs hold it: seconds are the text the user typed. */
export interface MemberDraft {
  readonly extensionId: string;
  readonly ringDelay: string;
  /** Kept while "rings until answered" is on, so turning it off brings the number back. */
  readonly ringTime: string;
  readonly ringsUntilAnswered: boolean;
  readonly ignoreFollowMe: boolean;
  readonly primary: boolean;
}

export interface DraftValue {
  readonly number: string;
  readonly name: string;
  /** A sequence or caller-ID mode Ringside does not know stays as the backend wrote it. */
  readonly sequence: HuntSequence | (string & {});
  readonly callerIdMode: CallerIdMode | (string & {});
  readonly pickupAllowed: boolean;
  readonly members: readonly MemberDraft[];
  readonly includedGroups: readonly IncludedHuntGroup[];
}

export interface HuntGroupDraft {
  /** The stored group this draft edits; null for a new group. */
  readonly base: HuntGroup | null;
  /** The values the draft started from; the draft is dirty when `value` differs. */
  readonly initial: DraftValue;
  readonly value: DraftValue;
  /** Reasons the backend gave on the last save, shown at their fields until the user edits. */
  readonly serverReasons: readonly FieldReason[];
  /** True once the user tried to save: client-side reasons show from then on. */
  readonly showReasons: boolean;
  /**
   * A create whose answer never arrived: the group may exist. The next save looks for it by
   * number before creating again, so a retry never makes a second group.
   */
  readonly createUncertain: boolean;
}

export const DEFAULT_RING_DELAY = 0;
export const DEFAULT_RING_TIME = 20;

/** The key of a draft: the group's id, or this for the one new group being made. */
export const NEW_GROUP = 'new';

export function draftKey(draft: HuntGroupDraft): string {
  return draft.base?.id ?? NEW_GROUP;
}

export function valueOf(group: HuntGroup): DraftValue {
  return {
    number: group.number,
    name: group.name,
    sequence: group.sequence,
    callerIdMode: group.callerIdMode,
    pickupAllowed: group.pickupAllowed,
    members: group.members.map(memberDraftOf),
    includedGroups: group.includedGroups.map(({ groupId, ignoreFollowMe }) => ({
      groupId,
      ignoreFollowMe,
    })),
  };
}

function memberDraftOf(member: HuntGroupMember): MemberDraft {
  return {
    extensionId: member.extensionId,
    ringDelay: String(member.ringDelay),
    ringTime: member.ringTime === null ? String(DEFAULT_RING_TIME) : String(member.ringTime),
    ringsUntilAnswered: member.ringTime === null,
    ignoreFollowMe: member.ignoreFollowMe,
    primary: member.primary,
  };
}

export function draftOf(group: HuntGroup): HuntGroupDraft {
  const value = valueOf(group);
  return {
    base: group,
    initial: value,
    value,
    serverReasons: [],
    showReasons: false,
    createUncertain: false,
  };
}

/** A blank group: the first offered sequence (`order` when offered), caller ID kept, pickup allowed. */
export function newDraft(sequences: readonly string[]): HuntGroupDraft {
  const value: DraftValue = {
    number: '',
    name: '',
    sequence: sequences.includes('order') ? 'order' : sequences[0] ?? 'order',
    callerIdMode: 'keep_original',
    pickupAllowed: true,
    members: [],
    includedGroups: [],
  };
  return {
    base: null,
    initial: value,
    value,
    serverReasons: [],
    showReasons: false,
    createUncertain: false,
  };
}

export const FIELDS = ['number', 'name', 'sequence', 'callerIdMode', 'pickupAllowed', 'members', 'includedGroups'] as const;
export type DraftField = (typeof FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between two drafts' values (or inputs). */
export function changedFields<V extends Record<DraftField, unknown>>(a: V, b: V): DraftField[] {
  return FIELDS.filter((field) => !same(a[field], b[field]));
}

export function isDirty(draft: HuntGroupDraft): boolean {
  return changedFields(draft.value, draft.initial).length > 0;
}

/** The draft with new values; reasons from the last save no longer apply. */
export function edit(draft: HuntGroupDraft, patch: Partial<DraftValue>): HuntGroupDraft {
  return { ...draft, value: { ...draft.value, ...patch }, serverReasons: [] };
}

/** Whole seconds as typed (`'20'`), or null when the text is not a whole number. */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** What the adapter receives. Call only for a draft without client-side reasons (numbers parse). */
export function toInput(value: DraftValue): HuntGroupInput {
  return {
    number: value.number.trim(),
    name: value.name.trim(),
    sequence: value.sequence as HuntSequence,
    callerIdMode: value.callerIdMode as CallerIdMode,
    pickupAllowed: value.pickupAllowed,
    members: value.members.map((member) => ({
      extensionId: member.extensionId,
      ringDelay: parseSeconds(member.ringDelay) ?? DEFAULT_RING_DELAY,
      ringTime: member.ringsUntilAnswered ? null : parseSeconds(member.ringTime) ?? DEFAULT_RING_TIME,
      ignoreFollowMe: member.ignoreFollowMe,
      primary: member.primary,
    })),
    includedGroups: value.includedGroups.map(({ groupId, ignoreFollowMe }) => ({
      groupId,
      ignoreFollowMe,
    })),
  };
}

/** The draft after a successful save: clean, based on what the backend stored. */
export function saved(group: HuntGroup): HuntGroupDraft {
  return draftOf(group);
}

/**
 * The draft moved onto `theirs` (a newer stored version) with these values: saving it overwrites
 * `theirs`, and it is dirty exactly where the values differ from `theirs`.
 */
export function rebase(draft: HuntGroupDraft, theirs: HuntGroup, value: DraftValue): HuntGroupDraft {
  return {
    ...draft,
    base: theirs,
    initial: valueOf(theirs),
    value,
    serverReasons: [],
  };
}

// ------------------------------------------------------------------------------------------------
// Members
// ------------------------------------------------------------------------------------------------

export function newMember(extensionId: string): MemberDraft {
  return {
    extensionId,
    ringDelay: String(DEFAULT_RING_DELAY),
    ringTime: String(DEFAULT_RING_TIME),
    ringsUntilAnswered: false,
    ignoreFollowMe: false,
    primary: false,
  };
}

/** The list with the item at `from` moved to `to` (clamped); the same list when nothing moves. */
export function move<T>(items: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from === target || from < 0 || from >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item!);
  return next;
}

export function addMember(draft: HuntGroupDraft, extensionId: string): HuntGroupDraft {
  if (draft.value.members.some((member) => member.extensionId === extensionId)) return draft;
  return edit(draft, {
    members: [...draft.value.members, newMember(extensionId)],
  });
}

export function removeMember(draft: HuntGroupDraft, index: number): HuntGroupDraft {
  return edit(draft, {
    members: draft.value.members.filter((_, at) => at !== index),
  });
}

export function updateMember(draft: HuntGroupDraft, index: number, patch: Partial<MemberDraft>): HuntGroupDraft {
  return edit(draft, {
    members: draft.value.members.map((member, at) => (at === index ? { ...member, ...patch } : member)),
  });
}

export function moveMember(draft: HuntGroupDraft, from: number, to: number): HuntGroupDraft {
  const members = move(draft.value.members, from, to);
  return members === draft.value.members ? draft : edit(draft, { members });
}

// ------------------------------------------------------------------------------------------------
// Included groups
// ------------------------------------------------------------------------------------------------

export function addIncluded(draft: HuntGroupDraft, groupId: string): HuntGroupDraft {
  if (draft.value.includedGroups.some((entry) => entry.groupId === groupId)) return draft;
  return edit(draft, {
    includedGroups: [...draft.value.includedGroups, { groupId, ignoreFollowMe: false }],
  });
}

export function removeIncluded(draft: HuntGroupDraft, index: number): HuntGroupDraft {
  return edit(draft, {
    includedGroups: draft.value.includedGroups.filter((_, at) => at !== index),
  });
}

export function updateIncluded(draft: HuntGroupDraft, index: number, ignoreFollowMe: boolean): HuntGroupDraft {
  return edit(draft, {
    includedGroups: draft.value.includedGroups.map((entry, at) => (at === index ? { ...entry, ignoreFollowMe } : entry)),
  });
}
