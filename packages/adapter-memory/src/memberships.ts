import type { Extension } from '@ringside/core';
import type { CustomerData } from './data.js';
import { touch } from './records.js';

/**
 * Makes `groupId` the extension's primary group (null for none) and flags its memberships to
 * match: at most one group is primary for an extension. Records that change get a new version.
 */
export function setPrimaryGroup(data: CustomerData, extension: Extension, groupId: string | null): void {
  if (extension.primaryGroupId !== groupId) {
    extension.primaryGroupId = groupId;
    touch(extension);
  }
  for (const group of data.huntGroups) {
    let changed = false;
    for (const member of group.members) {
      if (member.extensionId !== extension.id || member.primary === (group.id === groupId)) continue;
      member.primary = group.id === groupId;
      changed = true;
    }
    if (changed) touch(group);
  }
}

/**
 * Derives every extension's `groupIds` from the groups' members, and drops a primary group the
 * extension is no longer in. Extensions that change get a new version.
 */
export function syncMemberships(data: CustomerData): void {
  const groupsOf = new Map<string, string[]>();
  for (const group of data.huntGroups) {
    for (const { extensionId } of group.members) groupsOf.set(extensionId, [...(groupsOf.get(extensionId) ?? []), group.id]);
  }
  for (const extension of data.extensions) {
    const groupIds = groupsOf.get(extension.id) ?? [];
    const primaryGroupId = extension.primaryGroupId !== null && groupIds.includes(extension.primaryGroupId) ? extension.primaryGroupId : null;
    if (primaryGroupId === extension.primaryGroupId && sameList(groupIds, extension.groupIds)) continue;
    Object.assign(extension, { groupIds, primaryGroupId });
    touch(extension);
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
