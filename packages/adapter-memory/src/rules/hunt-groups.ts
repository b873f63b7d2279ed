import {
  CALLER_ID_MODES,
  findInclusionCycle,
  HUNT_SEQUENCES,
  type FieldReason,
  type HuntGroupInput,
  type HuntGroupMember,
  type HuntGroupNode,
  type HuntSequence,
  type IncludedHuntGroup,
} from '@ringside/core';
import { reason } from './errors.js';
import { numberReasons, type NumberRulesContext } from './numbers.js';
import { booleanReasons, duplicateReasons, integerReasons, oneOfReasons, textReasons } from './values.js';

export const HUNT_GROUP_NAME_MAX = 100;
export const RING_DELAY_MAX = 300;
export const RING_TIME_MAX = 600;

/** What cycle detection needs to know about a stored group. */
export { findInclusionCycle, type HuntGroupNode };

export interface HuntGroupRulesContext extends NumberRulesContext {
  extensionExists(id: string): boolean;
  /** A stored group, or undefined when there is none with this id. */
  group(id: string): HuntGroupNode | undefined;
  /** The group being changed; absent when creating one. */
  groupId?: string;
  /** Sequences this backend offers (default: all of HUNT_SEQUENCES). */
  sequences?: readonly HuntSequence[];
}

/**
 * Reasons to reject a hunt group: `number` (shared with extensions), `name` `required`/`too_long`,
 * `sequence`/`callerIdMode` `invalid` ({ allowed }), `pickupAllowed` `invalid`,
 * `members.<i>.extensionId` `unknown`/`duplicate`, `members.<i>.ringDelay` (0–300 s),
 * `members.<i>.ringTime` (null or 1–600 s), `includedGroups.<i>.groupId` `unknown`/`duplicate`,
 * and `includedGroups` `cycle` ({ path: '200 → 210 → 200' }).
 */
export function huntGroupReasons(input: HuntGroupInput, context: HuntGroupRulesContext): FieldReason[] {
  const members = Array.isArray(input.members) ? input.members : null;
  const included = Array.isArray(input.includedGroups) ? input.includedGroups : null;
  return [
    ...numberReasons(input.number, context),
    ...textReasons('name', input.name, { required: true, max: HUNT_GROUP_NAME_MAX }),
    ...oneOfReasons('sequence', input.sequence, context.sequences ?? HUNT_SEQUENCES),
    ...oneOfReasons('callerIdMode', input.callerIdMode, CALLER_ID_MODES),
    ...booleanReasons('pickupAllowed', input.pickupAllowed),
    ...(members ? memberReasons(members, context) : [reason('members', 'invalid')]),
    ...(included ? includedGroupReasons(included, input.number, context) : [reason('includedGroups', 'invalid')]),
  ];
}

function memberReasons(members: readonly HuntGroupMember[], context: HuntGroupRulesContext): FieldReason[] {
  const field = (index: number, name: string) => `members.${index}.${name}`;
  return [
    ...members.flatMap((member, index) => [
      ...(context.extensionExists(member.extensionId) ? [] : [reason(field(index, 'extensionId'), 'unknown')]),
      ...integerReasons(field(index, 'ringDelay'), member.ringDelay, { min: 0, max: RING_DELAY_MAX }),
      ...(member.ringTime === null ? [] : integerReasons(field(index, 'ringTime'), member.ringTime, { min: 1, max: RING_TIME_MAX })),
      ...booleanReasons(field(index, 'ignoreFollowMe'), member.ignoreFollowMe),
      ...booleanReasons(field(index, 'primary'), member.primary),
    ]),
    ...duplicateReasons(
      members,
      (member) => member.extensionId,
      (index) => field(index, 'extensionId')
    ),
  ];
}

function includedGroupReasons(included: readonly IncludedHuntGroup[], number: string, context: HuntGroupRulesContext): FieldReason[] {
  const field = (index: number, name: string) => `includedGroups.${index}.${name}`;
  const reasons = [
    ...included.flatMap((entry, index) => [
      ...(entry.groupId === context.groupId || context.group(entry.groupId) ? [] : [reason(field(index, 'groupId'), 'unknown')]),
      ...booleanReasons(field(index, 'ignoreFollowMe'), entry.ignoreFollowMe),
    ]),
    ...duplicateReasons(
      included,
      (entry) => entry.groupId,
      (index) => field(index, 'groupId')
    ),
  ];
  const { groupId } = context;
  if (reasons.length || groupId === undefined) return reasons;
  const includedGroupIds = included.map((entry) => entry.groupId);
  const withNewNumber = (id: string) => (id === groupId ? { id, number, includedGroupIds } : context.group(id));
  const cycle = findInclusionCycle(groupId, includedGroupIds, withNewNumber);
  return cycle ? [reason('includedGroups', 'cycle', { path: cycle.join(' → ') })] : [];
}
