import type { Extension, HuntGroup, PhoneLine } from '@ringside/core';

export type ExtensionSeed = Omit<Extension, 'groupIds' | 'primaryGroupId' | 'version' | 'hasRecordedName'> & { hasRecordedName?: boolean };

/**
 * Extensions, lines and groups that agree with each other: each line knows its extension, each
 * extension its groups, and its primary group is the one whose membership says `primary`.
 */
export function linkTelephony(lines: Omit<PhoneLine, 'extensionId'>[], extensions: ExtensionSeed[], groups: HuntGroup[]) {
  const groupsOf = (id: string) => groups.filter((group) => group.members.some((member) => member.extensionId === id));
  return {
    phoneLines: lines.map((line) => ({ ...line, extensionId: extensions.find((extension) => extension.phoneLineId === line.id)?.id ?? null })),
    extensions: extensions.map(
      (extension): Extension => ({
        hasRecordedName: false,
        ...extension,
        groupIds: groupsOf(extension.id).map((group) => group.id),
        primaryGroupId: groupsOf(extension.id).find((group) => group.members.some((m) => m.extensionId === extension.id && m.primary))?.id ?? null,
        version: '1',
      }),
    ),
    huntGroups: groups,
  };
}
