import type { CallOptions } from './call-options.js';
import type { ListQuery, Page, Versioned, WriteOptions } from './paging.js';

export interface PhoneLine {
  id: string;
  /** E.164 or as the provider writes it. */
  number: string;
  label: string;
  /** The extension this line is assigned to; a line belongs to one extension at most. */
  extensionId: string | null;
}

export interface Extension extends Versioned {
  id: string;
  /** Digits only, exactly `ExtensionSettings.numberLength` long, unique with hunt group numbers. */
  number: string;
  name: string;
  phoneLineId: string | null;
  /** One of `groupIds`, or null. */
  primaryGroupId: string | null;
  /** Listed in the dial-by-name directory. */
  published: boolean;
  /** Whether a recorded name (audio) exists. */
  hasRecordedName: boolean;
  /** The hunt groups this extension is a member of (read-only here; change it on the group). */
  groupIds: string[];
}

export type ExtensionInput = Pick<Extension, 'number' | 'name'> & Partial<Pick<Extension, 'phoneLineId' | 'primaryGroupId' | 'published'>>;

export type ExtensionSortField = 'number' | 'name' | 'phoneLine' | 'primaryGroup' | 'published' | 'recordedName';
export type ExtensionQuery = ListQuery<ExtensionSortField, { groupId?: string }>;

export interface ExtensionSettings {
  /** How many digits extension and hunt group numbers have. */
  numberLength: number;
}

export interface ExtensionsAdapter {
  settings(options?: CallOptions): Promise<ExtensionSettings>;
  list(query: ExtensionQuery, options?: CallOptions): Promise<Page<Extension>>;
  get(id: string, options?: CallOptions): Promise<Extension>;
  create(input: ExtensionInput, options?: CallOptions): Promise<Extension>;
  update(id: string, input: ExtensionInput, options?: WriteOptions): Promise<Extension>;
  delete(id: string, options?: WriteOptions): Promise<void>;
  listPhoneLines(options?: CallOptions): Promise<PhoneLine[]>;
}

export const HUNT_SEQUENCES = ['order', 'random', 'simultaneous', 'least_used'] as const;
export type HuntSequence = (typeof HUNT_SEQUENCES)[number];

export const CALLER_ID_MODES = ['keep_original', 'group_name_and_number', 'group_name_caller_number'] as const;
export type CallerIdMode = (typeof CALLER_ID_MODES)[number];

export interface HuntGroupMember {
  extensionId: string;
  /** Seconds before this member starts ringing. */
  ringDelay: number;
  /** Seconds this member rings; null rings until answered. */
  ringTime: number | null;
  ignoreFollowMe: boolean;
  /** This group is the member's primary group (for call pickup). */
  primary: boolean;
}

export interface IncludedHuntGroup {
  groupId: string;
  ignoreFollowMe: boolean;
}

export interface HuntGroup extends Versioned {
  id: string;
  number: string;
  name: string;
  sequence: HuntSequence;
  callerIdMode: CallerIdMode;
  pickupAllowed: boolean;
  /** In hunting order; the order matters only for the `order` sequence. */
  members: HuntGroupMember[];
  includedGroups: IncludedHuntGroup[];
}

export type HuntGroupInput = Omit<HuntGroup, 'id' | 'version'>;
export type HuntGroupSortField = 'number' | 'name' | 'sequence';
export type HuntGroupQuery = ListQuery<HuntGroupSortField>;

/** A hunt group as the inclusion-cycle check sees it. */
export interface HuntGroupNode {
  id: string;
  number: string;
  includedGroupIds: readonly string[];
}

/**
 * The numbers along an inclusion cycle that giving `groupId` these included groups would close
 * (first and last the same, e.g. ['200', '210', '200']), or null when there is none. `group`
 * answers the other groups as stored (and may answer `groupId` itself with a new number).
 */
export function findInclusionCycle(groupId: string, includedGroupIds: readonly string[], group: (id: string) => HuntGroupNode | undefined): string[] | null {
  const includedOf = (id: string) => (id === groupId ? includedGroupIds : group(id)?.includedGroupIds ?? []);
  const numberOf = (id: string) => group(id)?.number ?? id;
  const visited = new Set<string>();
  const search = (id: string, path: string[]): string[] | null => {
    for (const next of includedOf(id)) {
      if (next === groupId) return [...path, numberOf(groupId)];
      if (visited.has(next)) continue;
      visited.add(next);
      const found = search(next, [...path, numberOf(next)]);
      if (found) return found;
    }
    return null;
  };
  return search(groupId, [numberOf(groupId)]);
}

export interface PickupSettings {
  /** The group pickup prefix (e.g. `*77`); null when group pickup is off. */
  prefix: string | null;
}

export interface HuntGroupsAdapter {
  list(query: HuntGroupQuery, options?: CallOptions): Promise<Page<HuntGroup>>;
  get(id: string, options?: CallOptions): Promise<HuntGroup>;
  create(input: HuntGroupInput, options?: CallOptions): Promise<HuntGroup>;
  update(id: string, input: HuntGroupInput, options?: WriteOptions): Promise<HuntGroup>;
  delete(id: string, options?: WriteOptions): Promise<void>;
  pickupSettings(options?: CallOptions): Promise<PickupSettings>;
}

/** A named Time::Period schedule (follow-me, auto attendant, call screening). */
export interface Schedule extends Versioned {
  id: string;
  name: string;
  /** A Time::Period expression, kept exactly as written. */
  period: string;
  /** IANA zone the period is evaluated in. */
  timeZone: string;
}

export type ScheduleInput = Omit<Schedule, 'id' | 'version'>;
export type ScheduleQuery = ListQuery<'name'>;

export interface SchedulesAdapter {
  list(query: ScheduleQuery, options?: CallOptions): Promise<Page<Schedule>>;
  get(id: string, options?: CallOptions): Promise<Schedule>;
  create(input: ScheduleInput, options?: CallOptions): Promise<Schedule>;
  update(id: string, input: ScheduleInput, options?: WriteOptions): Promise<Schedule>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}
