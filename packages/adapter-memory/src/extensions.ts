import type { Extension, ExtensionInput, ExtensionSortField, ExtensionsAdapter } from '@ringside/core';
import type { MemoryContext } from './context.js';
import type { CustomerData } from './data.js';
import { setPrimaryGroup } from './memberships.js';
import { numberRules } from './numbering.js';
import { listPage, type ListSpec } from './query.js';
import { findRecord, recordToWrite, removeRecord, touch } from './records.js';
import { assertValid, extensionReasons } from './rules/index.js';

export function createExtensions(context: MemoryContext): ExtensionsAdapter {
  const { data, call } = context;
  return {
    settings: (options) => call(options, () => data.extensionSettings),
    list: (query, options) =>
      call(options, () => {
        const groupId = query.filter?.groupId;
        return listPage(data.extensions, query, extensionListSpec(data), groupId ? (extension) => extension.groupIds.includes(groupId) : undefined);
      }),
    get: (id, options) => call(options, () => findRecord(data.extensions, id, 'extension')),
    create: (input, options) => call(options, () => createExtension(context, input)),
    update: (id, input, options) => call(options, () => updateExtension(data, recordToWrite(data.extensions, id, options?.ifMatch, 'extension'), input)),
    delete: (id, options) => call(options, () => deleteExtension(data, recordToWrite(data.extensions, id, options?.ifMatch, 'extension'))),
    listPhoneLines: (options) => call(options, () => data.phoneLines),
  };
}

function extensionListSpec(data: CustomerData): ListSpec<Extension, ExtensionSortField> {
  const lineNumbers = new Map(data.phoneLines.map((line) => [line.id, line.number]));
  const groupNames = new Map(data.huntGroups.map((group) => [group.id, group.name]));
  return {
    sortKeys: {
      number: (extension) => extension.number,
      name: (extension) => extension.name,
      phoneLine: (extension) => lineNumbers.get(extension.phoneLineId ?? '') ?? null,
      primaryGroup: (extension) => groupNames.get(extension.primaryGroupId ?? '') ?? null,
      published: (extension) => extension.published,
      recordedName: (extension) => extension.hasRecordedName,
    },
    defaultSort: [{ field: 'number', direction: 'asc' }],
    searchIn: (extension) => [extension.number, extension.name, lineNumbers.get(extension.phoneLineId ?? '')],
  };
}

function validate(data: CustomerData, input: ExtensionInput, existing?: Extension): void {
  assertValid(
    extensionReasons(input, {
      ...numberRules(data, existing?.id),
      phoneLine: (id) => data.phoneLines.find((line) => line.id === id),
      extensionId: existing?.id,
      groupIds: existing?.groupIds ?? [],
    }),
  );
}

function createExtension({ data, nextId }: MemoryContext, input: ExtensionInput): Extension {
  validate(data, input);
  const extension: Extension = {
    id: nextId('ext-', data.extensions),
    number: input.number,
    name: input.name.trim(),
    phoneLineId: null,
    primaryGroupId: null,
    published: input.published ?? true,
    hasRecordedName: false,
    groupIds: [],
    version: '1',
  };
  data.extensions.push(extension);
  assignLine(data, extension, input.phoneLineId ?? null);
  return extension;
}

/** Fields left undefined in the input keep their stored value; null clears a line or primary group. */
function updateExtension(data: CustomerData, extension: Extension, input: ExtensionInput): Extension {
  validate(data, input, extension);
  Object.assign(extension, { number: input.number, name: input.name.trim(), published: input.published ?? extension.published });
  if (input.phoneLineId !== undefined) assignLine(data, extension, input.phoneLineId);
  if (input.primaryGroupId !== undefined) setPrimaryGroup(data, extension, input.primaryGroupId);
  touch(extension);
  return extension;
}

function deleteExtension(data: CustomerData, extension: Extension): void {
  assignLine(data, extension, null);
  for (const group of data.huntGroups) {
    const members = group.members.filter((member) => member.extensionId !== extension.id);
    if (members.length === group.members.length) continue;
    group.members = members;
    touch(group);
  }
  removeRecord(data.extensions, extension);
}

/** Gives the extension this phone line (or none), freeing the one it had. */
function assignLine(data: CustomerData, extension: Extension, lineId: string | null): void {
  for (const line of data.phoneLines) {
    if (line.extensionId === extension.id && line.id !== lineId) line.extensionId = null;
    if (line.id === lineId) line.extensionId = extension.id;
  }
  extension.phoneLineId = lineId;
}
