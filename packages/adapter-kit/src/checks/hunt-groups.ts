import type { HuntGroup, HuntGroupInput, HuntGroupMember } from '@ringside/core';
import { ensure, ensureEqual, rejectsInvalid, rejectsWith, show } from '../assert.js';
import type { Check } from '../types.js';
import { canRead, canWrite, check, feature } from './define.js';
import { Fixture } from './fixture.js';
import { newExtensionInput, newHuntGroupInput } from './inputs.js';
import { resourceChecks, type ResourceSpec } from './resources.js';

/** Free numbers come from listing extensions, so making groups needs them readable. */
const WRITE_NEEDS = [canRead('extensions')];

const member = (extensionId: string, primary = false): HuntGroupMember => ({ extensionId, ringDelay: 0, ringTime: null, ignoreFollowMe: false, primary });

export const HUNT_GROUPS: ResourceSpec<HuntGroup, HuntGroupInput> = {
  domain: 'huntGroups',
  noun: 'hunt group',
  crud: (fixture) => fixture.section('huntGroups'),
  input: newHuntGroupInput,
  change: (input, capabilities) => ({
    ...input,
    name: `${input.name} renamed`,
    pickupAllowed: !input.pickupAllowed,
    sequence: capabilities.huntGroups.sequences.find((sequence) => sequence !== input.sequence) ?? input.sequence,
  }),
  sorts: [
    { field: 'number', values: async () => [(item) => item.number] },
    { field: 'name', values: async () => [(item) => item.name] },
    { field: 'sequence', values: async () => [(item) => item.sequence] },
  ],
  searchIn: (item) => [item.number, item.name],
  invalid: () => [
    { field: 'number', reason: 'digits_only', input: (valid) => ({ ...valid, number: `${valid.number.slice(1)}x` }) },
    { field: 'name', reason: 'required', input: (valid) => ({ ...valid, name: '' }) },
    { field: 'sequence', input: (valid) => ({ ...valid, sequence: 'rs-no-such-sequence' as HuntGroupInput['sequence'] }) },
    { field: 'members', input: (valid) => ({ ...valid, members: [member('rs-conformance-missing-extension')] }) },
  ],
  writeNeeds: WRITE_NEEDS,
};

const toInput = ({ id: _id, version: _version, ...input }: HuntGroup): HuntGroupInput => input;

export const HUNT_GROUP_CHECKS: Check[] = [
  ...resourceChecks(HUNT_GROUPS),
  check('huntGroups', 'number-taken-by-extension', 'an extension’s number is rejected as taken', [canWrite('huntGroups'), ...WRITE_NEEDS, canWrite('extensions')], async (context) => {
    const fixture = new Fixture(context);
    const extension = await fixture.section('extensions').create(await newExtensionInput(fixture));
    const input = await newHuntGroupInput(fixture);
    await rejectsInvalid(fixture.section('huntGroups').create({ ...input, number: extension.number }), 'number', `create with the number of extension ${extension.number}`, 'taken');
  }),
  check(
    'huntGroups',
    'inclusion-cycle',
    'a group cannot include itself, directly or through other groups',
    [canWrite('huntGroups'), ...WRITE_NEEDS, feature('huntGroups', (c) => c.includeGroups, 'groups including groups')],
    async (context) => {
      const fixture = new Fixture(context);
      const groups = fixture.section('huntGroups');
      const [a, b, c] = [await groups.create(await newHuntGroupInput(fixture)), await groups.create(await newHuntGroupInput(fixture)), await groups.create(await newHuntGroupInput(fixture))];
      const including = (group: HuntGroup, included: HuntGroup) => ({ ...toInput(group), includedGroups: [{ groupId: included.id, ignoreFollowMe: false }] });
      await rejectsInvalid(groups.update(a.id, including(a, a)), 'includedGroups', 'a group including itself', 'cycle');
      await groups.update(a.id, including(a, b));
      await rejectsInvalid(groups.update(b.id, including(b, a)), 'includedGroups', 'A includes B, then B includes A', 'cycle');
      await groups.update(b.id, including(await groups.get(b.id), c));
      await rejectsInvalid(groups.update(c.id, including(await groups.get(c.id), a)), 'includedGroups', 'A includes B includes C, then C includes A', 'cycle');
    },
  ),
  check(
    'huntGroups',
    'memberships',
    'members see their groups and primary group, and a deleted extension leaves its groups',
    [canWrite('huntGroups'), ...WRITE_NEEDS, canWrite('extensions')],
    async (context) => {
      const fixture = new Fixture(context);
      const extensions = fixture.section('extensions');
      const groups = fixture.section('huntGroups');
      const [first, second] = [await extensions.create(await newExtensionInput(fixture)), await extensions.create(await newExtensionInput(fixture))];
      const group = await groups.create({ ...(await newHuntGroupInput(fixture)), members: [member(first.id, true), member(second.id)] });
      const [firstAfter, secondAfter] = [await extensions.get(first.id), await extensions.get(second.id)];
      ensure(firstAfter.groupIds.includes(group.id) && secondAfter.groupIds.includes(group.id), `members' groupIds lack ${group.id}: ${show([firstAfter.groupIds, secondAfter.groupIds])}`);
      ensureEqual(firstAfter.primaryGroupId, group.id, `primaryGroupId of the member marked primary`);
      ensure(secondAfter.primaryGroupId !== group.id, `the member not marked primary has ${group.id} as primary group`);
      await extensions.delete(first.id);
      ensureEqual((await groups.get(group.id)).members.map((m) => m.extensionId), [second.id], 'members after one member extension was deleted');
    },
  ),
  check('huntGroups', 'pickup-settings', 'pickup settings give a prefix or null', [canRead('huntGroups')], async ({ adapter }) => {
    const { prefix } = await adapter.huntGroups!.pickupSettings();
    ensure(prefix === null || (typeof prefix === 'string' && prefix.length > 0), `pickup prefix is ${show(prefix)}`);
  }),
  check('huntGroups', 'update-unknown-member', 'members must be existing extensions on update too', [canWrite('huntGroups'), ...WRITE_NEEDS], async (context) => {
    const fixture = new Fixture(context);
    const group = await fixture.section('huntGroups').create(await newHuntGroupInput(fixture));
    const input = { ...toInput(group), members: [member('rs-conformance-missing-extension')] };
    await rejectsInvalid(fixture.section('huntGroups').update(group.id, input, { ifMatch: group.version }), 'members', 'update with an unknown member');
    await rejectsWith(fixture.section('huntGroups').update(`${group.id}-missing`, input), 'not_found', 'update of an unknown group');
  }),
];
