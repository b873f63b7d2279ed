/**
 * The editor's own checks, before anything is sent: the same field names and reason keys the
 * backend uses (see the adapter contract), so one message table serves both. Also inclusion
 * cycles with their path, and the call pickup codes of the members.
 */
import { findInclusionCycle as findCycle, type FieldReason, type HuntGroup } from '@ringside/core';
import { parseSeconds, type DraftValue } from './draft.js';

export const NAME_MAX = 100;
export const RING_DELAY_MAX = 300;
export const RING_TIME_MAX = 600;

export interface DraftRulesContext {
  /** How many digits numbers have; null while the backend has not said. */
  numberLength: number | null;
  /** Extension numbers, and the numbers of the other groups: a group number must differ from all. */
  takenNumbers: ReadonlySet<string>;
  /** The stored groups, for cycle detection. */
  groups: readonly HuntGroup[];
  /** The group being edited; null for a new one (nothing includes it yet, so no cycle). */
  groupId: string | null;
}

const reason = (field: string, key: string, params?: FieldReason['params']): FieldReason => (params ? { field, reason: key, params } : { field, reason: key });

export function numberReasons(text: string, context: DraftRulesContext): FieldReason[] {
  const number = text.trim();
  if (number === '') return [reason('number', 'required')];
  if (!/^\d+$/.test(number)) return [reason('number', 'digits_only')];
  if (context.numberLength !== null && number.length !== context.numberLength) return [reason('number', 'length', { length: context.numberLength })];
  if (context.takenNumbers.has(number)) return [reason('number', 'taken')];
  return [];
}

function secondsReasons(field: string, text: string, min: number, max: number): FieldReason[] {
  if (text.trim() === '') return [reason(field, 'required')];
  const seconds = parseSeconds(text);
  if (seconds === null) return [reason(field, 'whole_seconds')];
  if (seconds < min) return [reason(field, 'too_small', { min })];
  if (seconds > max) return [reason(field, 'too_large', { max })];
  return [];
}

/** Every reason to refuse the draft, by field (`number`, `members.2.ringTime`, `includedGroups`, …). */
export function draftReasons(value: DraftValue, context: DraftRulesContext): FieldReason[] {
  const name = value.name.trim();
  const reasons = [...numberReasons(value.number, context)];
  if (name === '') reasons.push(reason('name', 'required'));
  else if (name.length > NAME_MAX) reasons.push(reason('name', 'too_long', { max: NAME_MAX }));
  value.members.forEach((member, index) => {
    reasons.push(...secondsReasons(`members.${index}.ringDelay`, member.ringDelay, 0, RING_DELAY_MAX));
    if (!member.ringsUntilAnswered) reasons.push(...secondsReasons(`members.${index}.ringTime`, member.ringTime, 1, RING_TIME_MAX));
  });
  const cycle = context.groupId === null ? null : findInclusionCycle(context.groupId, value, context.groups);
  if (cycle) reasons.push(reason('includedGroups', 'cycle', { path: cycle.join(' → ') }));
  return reasons;
}

/**
 * The group numbers along the inclusion cycle that giving group `groupId` the draft's included
 * groups would close, first and last the same (`['200', '210', '200']`), or null when none.
 * The other groups' inclusions are as stored; the edited group's number is the draft's.
 */
export function findInclusionCycle(groupId: string, value: Pick<DraftValue, 'number' | 'includedGroups'>, groups: readonly HuntGroup[]): string[] | null {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const includedGroupIds = value.includedGroups.map((entry) => entry.groupId);
  return findCycle(groupId, includedGroupIds, (id) => {
    if (id === groupId) return { id, number: value.number.trim(), includedGroupIds };
    const group = byId.get(id);
    return group && { id, number: group.number, includedGroupIds: group.includedGroups.map((entry) => entry.groupId) };
  });
}

/**
 * The code a member dials to pick up a call ringing in this group: the prefix alone when this is
 * the member's primary group, the prefix and the group's number otherwise (`*77`, `*77200`).
 */
export function pickupCode(prefix: string, groupNumber: string, primary: boolean): string {
  return primary ? prefix : `${prefix}${groupNumber.trim()}`;
}

/** Each member's pickup code, or null when pickup codes do not apply (no prefix, or pickup not allowed). */
export function pickupCodes(prefix: string | null, value: DraftValue): { extensionId: string; code: string; primary: boolean }[] | null {
  if (!prefix || !value.pickupAllowed) return null;
  return value.members.map((member) => ({
    extensionId: member.extensionId,
    code: pickupCode(prefix, value.number, member.primary),
    primary: member.primary,
  }));
}
