import type { Extension, ExtensionCapabilities, ExtensionInput, HuntGroup } from '@ringside/core';
import { CheckSkipped, ensure, ensureEqual, rejectsInvalid, show } from '../assert.js';
import type { Check } from '../types.js';
import { allows, canRead, canWrite, check, feature } from './define.js';
import { Fixture } from './fixture.js';
import { newExtensionInput, newHuntGroupInput } from './inputs.js';
import { query, walkAll } from './listing.js';
import { resourceChecks, type ResourceSpec } from './resources.js';

const hasField = (field: ExtensionCapabilities['fields'][number]) => feature('extensions', (c) => c.fields.includes(field), `the extension field ${field}`);

export const EXTENSIONS: ResourceSpec<Extension, ExtensionInput> = {
  domain: 'extensions',
  noun: 'extension',
  crud: (fixture) => fixture.section('extensions'),
  input: newExtensionInput,
  change: (input) => ({ ...input, name: `${input.name} renamed`, ...(input.published === undefined ? {} : { published: !input.published }) }),
  sorts: [
    { field: 'number', values: async () => [(item) => item.number] },
    { field: 'name', values: async () => [(item) => item.name] },
    {
      field: 'phoneLine',
      needs: [hasField('phoneLine')],
      values: async (fixture) => {
        const lines = new Map((await fixture.section('extensions').listPhoneLines()).map((line) => [line.id, line]));
        return [(item) => lines.get(item.phoneLineId ?? '')?.number, (item) => lines.get(item.phoneLineId ?? '')?.label];
      },
    },
    {
      field: 'primaryGroup',
      needs: [hasField('primaryGroup'), canRead('huntGroups')],
      values: async (fixture) => {
        const groups = new Map((await walkAll((q) => fixture.section('huntGroups').list(q), 500)).map((group) => [group.id, group]));
        return [(item) => groups.get(item.primaryGroupId ?? '')?.name, (item) => groups.get(item.primaryGroupId ?? '')?.number];
      },
    },
    { field: 'published', needs: [hasField('published')], values: async () => [(item) => item.published] },
    { field: 'recordedName', needs: [hasField('recordedName')], values: async () => [(item) => item.hasRecordedName] },
  ],
  searchIn: (item) => [item.number, item.name],
  invalid: () => [
    { field: 'number', reason: 'digits_only', input: (valid) => ({ ...valid, number: `${valid.number.slice(1)}x` }) },
    { field: 'number', reason: 'length', input: (valid) => ({ ...valid, number: `${valid.number}1` }) },
    { field: 'name', reason: 'required', input: (valid) => ({ ...valid, name: '' }) },
  ],
};

/** A hunt group to collide with or filter by: an existing one with members, else one this check makes. */
async function groupWithMembers(fixture: Fixture): Promise<HuntGroup> {
  const groups = await walkAll((q) => fixture.section('huntGroups').list(q), 500);
  const existing = groups.find((group) => group.members.length > 0);
  if (existing) return existing;
  if (!allows([canWrite('huntGroups'), canWrite('extensions')], fixture.adapter.capabilities)) {
    throw new CheckSkipped('no hunt group has members, and the adapter cannot make one');
  }
  const member = await fixture.section('extensions').create(await newExtensionInput(fixture));
  const input = await newHuntGroupInput(fixture);
  return fixture.section('huntGroups').create({ ...input, members: [{ extensionId: member.id, ringDelay: 0, ringTime: null, ignoreFollowMe: false, primary: false }] });
}

export const EXTENSION_CHECKS: Check[] = [
  ...resourceChecks(EXTENSIONS),
  check('extensions', 'settings', 'settings give a positive number length', [canRead('extensions')], async ({ adapter }) => {
    const { numberLength } = await adapter.extensions!.settings();
    ensure(Number.isInteger(numberLength) && numberLength > 0, `numberLength is ${show(numberLength)}`);
  }),
  check('extensions', 'number-taken-by-extension', 'a number another extension has is rejected as taken', [canWrite('extensions')], async (context) => {
    const fixture = new Fixture(context);
    const extensions = fixture.section('extensions');
    const other = await extensions.create(await newExtensionInput(fixture));
    const input = await newExtensionInput(fixture);
    await rejectsInvalid(extensions.create({ ...input, number: other.number }), 'number', 'create with the number of another extension', 'taken');
    const mine = await extensions.create(input);
    await rejectsInvalid(extensions.update(mine.id, { ...input, number: other.number }, { ifMatch: mine.version }), 'number', 'update to the number of another extension', 'taken');
  }),
  check('extensions', 'number-taken-by-hunt-group', 'a hunt group’s number is rejected as taken', [canWrite('extensions'), canRead('huntGroups')], async (context) => {
    const fixture = new Fixture(context);
    const group = await groupWithMembers(fixture);
    const input = await newExtensionInput(fixture);
    await rejectsInvalid(fixture.section('extensions').create({ ...input, number: group.number }), 'number', `create with the number of hunt group ${group.number}`, 'taken');
  }),
  check('extensions', 'filter-group', 'filtering by hunt group lists exactly its members', [canRead('extensions'), canRead('huntGroups')], async (context) => {
    const fixture = new Fixture(context);
    const group = await groupWithMembers(fixture);
    const listed = await walkAll((q) => fixture.section('extensions').list(q), 500, query({ filter: { groupId: group.id } }));
    ensureEqual(listed.map((item) => item.id).sort(), group.members.map((member) => member.extensionId).sort(), `extensions listed for group ${group.id}`);
    for (const item of listed) ensure(item.groupIds.includes(group.id), `extension ${item.id} is listed for group ${group.id} but its groupIds are ${show(item.groupIds)}`);
  }),
  check('extensions', 'phone-lines', 'each phone line belongs to one extension at most, and they agree', [hasField('phoneLine')], async (context) => {
    const fixture = new Fixture(context);
    const lines = await fixture.section('extensions').listPhoneLines();
    const extensions = await walkAll((q) => fixture.section('extensions').list(q), 500);
    for (const extension of extensions.filter((item) => item.phoneLineId !== null)) {
      const line = lines.find((candidate) => candidate.id === extension.phoneLineId);
      ensure(line?.extensionId === extension.id, `extension ${extension.id} has line ${extension.phoneLineId}, which says it belongs to ${show(line?.extensionId)}`);
    }
    const owners = lines.map((line) => line.extensionId).filter((id) => id !== null);
    ensure(new Set(owners).size === owners.length, `a phone line is assigned twice: ${show(owners)}`);
  }),
  check('extensions', 'phone-line-taken', 'a phone line another extension has is rejected', [canWrite('extensions'), hasField('phoneLine')], async (context) => {
    const fixture = new Fixture(context);
    const extensions = fixture.section('extensions');
    const lines = await extensions.listPhoneLines();
    let line = lines.find((candidate) => candidate.extensionId !== null);
    if (!line) {
      const free = lines[0];
      if (!free) throw new CheckSkipped('the customer has no phone lines');
      await extensions.create({ ...(await newExtensionInput(fixture)), phoneLineId: free.id });
      line = free;
    }
    await rejectsInvalid(extensions.create({ ...(await newExtensionInput(fixture)), phoneLineId: line.id }), 'phoneLineId', `create with line ${line.id}, which is taken`);
  }),
  check('extensions', 'answers-are-copies', 'changing an answer does not change the backend', [canRead('extensions')], async (context) => {
    const fixture = new Fixture(context);
    const [first] = (await fixture.section('extensions').list({ pageSize: 1 })).items;
    if (!first) throw new CheckSkipped('there are no extensions to read');
    const before = await fixture.section('extensions').get(first.id);
    const copy = structuredClone(before);
    before.name = `${before.name} (changed by the caller)`;
    before.groupIds.push('rs-conformance');
    ensureEqual(await fixture.section('extensions').get(first.id), copy, `get(${first.id}) after the caller changed an earlier answer`);
  }),
];
