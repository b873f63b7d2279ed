import type { HuntGroup, HuntGroupInput, HuntGroupSortField, HuntGroupsAdapter } from '@ringside/core';
import type { MemoryContext } from './context.js';
import type { CustomerData } from './data.js';
import { setPrimaryGroup, syncMemberships } from './memberships.js';
import { numberRules } from './numbering.js';
import { listPage, type ListSpec } from './query.js';
import { findRecord, recordToWrite, removeRecord, touch } from './records.js';
import { assertValid, huntGroupReasons, unsupported } from './rules/index.js';

const LIST_SPEC: ListSpec<HuntGroup, HuntGroupSortField> = {
  sortKeys: { number: (group) => group.number, name: (group) => group.name, sequence: (group) => group.sequence },
  defaultSort: [{ field: 'number', direction: 'asc' }],
  searchIn: (group) => [group.number, group.name],
};

export function createHuntGroups(context: MemoryContext): HuntGroupsAdapter {
  const { data, call } = context;
  const toWrite = (id: string, ifMatch: string | undefined) => recordToWrite(data.huntGroups, id, ifMatch, 'hunt group');
  return {
    list: (query, options) => call(options, () => listPage(data.huntGroups, query, LIST_SPEC)),
    get: (id, options) => call(options, () => findRecord(data.huntGroups, id, 'hunt group')),
    create: (input, options) => call(options, () => saveGroup(context, input)),
    update: (id, input, options) => call(options, () => saveGroup(context, input, toWrite(id, options?.ifMatch))),
    delete: (id, options) => call(options, () => deleteGroup(data, toWrite(id, options?.ifMatch))),
    pickupSettings: (options) => call(options, () => data.pickup),
  };
}

function saveGroup({ data, capabilities, nextId }: MemoryContext, input: HuntGroupInput, existing?: HuntGroup): HuntGroup {
  if (input.includedGroups?.length && !capabilities.huntGroups.includeGroups) throw unsupported('hunt groups cannot include other groups');
  assertValid(
    huntGroupReasons(input, {
      ...numberRules(data, existing?.id),
      extensionExists: (id) => data.extensions.some((extension) => extension.id === id),
      group: (id) => {
        const group = data.huntGroups.find((candidate) => candidate.id === id);
        return group && { id, number: group.number, includedGroupIds: group.includedGroups.map((entry) => entry.groupId) };
      },
      groupId: existing?.id,
      sequences: capabilities.huntGroups.sequences,
    }),
  );
  const group: HuntGroup = {
    id: existing?.id ?? nextId('hg-', data.huntGroups),
    version: existing?.version ?? '0',
    number: input.number,
    name: input.name.trim(),
    sequence: input.sequence,
    callerIdMode: input.callerIdMode,
    pickupAllowed: input.pickupAllowed,
    members: input.members.map(({ extensionId, ringDelay, ringTime, ignoreFollowMe, primary }) => ({ extensionId, ringDelay, ringTime, ignoreFollowMe, primary })),
    includedGroups: input.includedGroups.map(({ groupId, ignoreFollowMe }) => ({ groupId, ignoreFollowMe })),
  };
  if (existing) Object.assign(existing, group);
  else data.huntGroups.push(group);
  const stored = existing ?? group;
  syncMemberships(data);
  applyPrimaryFlags(data, stored);
  touch(stored);
  return stored;
}

/** The group's `primary` flags decide its members' primary group: set where flagged, cleared where it was this group. */
function applyPrimaryFlags(data: CustomerData, group: HuntGroup): void {
  for (const member of group.members) {
    const extension = findRecord(data.extensions, member.extensionId, 'extension');
    if (member.primary) setPrimaryGroup(data, extension, group.id);
    else if (extension.primaryGroupId === group.id) setPrimaryGroup(data, extension, null);
  }
}

function deleteGroup(data: CustomerData, group: HuntGroup): void {
  removeRecord(data.huntGroups, group);
  for (const other of data.huntGroups) {
    const includedGroups = other.includedGroups.filter((entry) => entry.groupId !== group.id);
    if (includedGroups.length === other.includedGroups.length) continue;
    other.includedGroups = includedGroups;
    touch(other);
  }
  syncMemberships(data);
}
