import type { HuntGroupInput } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { expectCode, expectInvalid, memory } from './helpers.js';

const input = (changes: Partial<HuntGroupInput> = {}): HuntGroupInput => ({
  number: '230',
  name: 'Hygiene',
  sequence: 'order',
  callerIdMode: 'keep_original',
  pickupAllowed: true,
  members: [],
  includedGroups: [],
  ...changes,
});

const member = (extensionId: string, primary = false) => ({ extensionId, ringDelay: 0, ringTime: 20, ignoreFollowMe: false, primary });

describe('hunt groups', () => {
  it('lists the seeded groups, one including another', async () => {
    const page = await memory().huntGroups!.list({ sort: [{ field: 'name', direction: 'desc' }] });
    expect(page.items.map((g) => g.name)).toEqual(['Front Office', 'Clinical Team', 'Billing Desk']);
    expect(page.items[0]?.includedGroups).toEqual([{ groupId: 'hg-2', ignoreFollowMe: true }]);
  });

  it('creates a group and shows its members’ membership on the extensions', async () => {
    const adapter = memory();
    const group = await adapter.huntGroups!.create(input({ members: [member('ext-2', true), member('ext-12')] }));
    expect(group).toMatchObject({ id: 'hg-4', version: '1' });
    const [priya, conference] = await Promise.all([adapter.extensions!.get('ext-2'), adapter.extensions!.get('ext-12')]);
    expect([priya.groupIds, priya.primaryGroupId]).toEqual([['hg-3', 'hg-4'], 'hg-4']);
    expect([conference.groupIds, conference.primaryGroupId]).toEqual([['hg-4'], null]);
    const clinical = await adapter.huntGroups!.get('hg-3');
    expect(clinical.members.find((m) => m.extensionId === 'ext-2')?.primary).toBe(false);
  });

  it('clears the primary group of members it drops or unflags', async () => {
    const adapter = memory();
    const billing = await adapter.huntGroups!.get('hg-2');
    await adapter.huntGroups!.update('hg-2', { ...billing, members: [{ ...billing.members[1]!, primary: false }] }, { ifMatch: billing.version });
    const [lena, marco] = await Promise.all([adapter.extensions!.get('ext-5'), adapter.extensions!.get('ext-6')]);
    expect([lena.groupIds, lena.primaryGroupId]).toEqual([['hg-1'], null]);
    expect([marco.groupIds, marco.primaryGroupId]).toEqual([['hg-2'], null]);
  });

  it('shares the number space with extensions', async () => {
    const { huntGroups } = memory();
    await expectInvalid(huntGroups!.create(input({ number: '104' })), 'number: taken');
    await expectInvalid(huntGroups!.create(input({ number: '220' })), 'number: taken');
    await expectInvalid(huntGroups!.create(input({ number: '23' })), 'number: length');
  });

  it('rejects bad settings and members with per-field reasons', async () => {
    const { huntGroups } = memory();
    await expectInvalid(
      huntGroups!.create(
        input({
          name: '',
          sequence: 'loudest' as 'order',
          callerIdMode: 'mystery' as 'keep_original',
          members: [member('ext-1'), { ...member('ext-404'), ringDelay: 301, ringTime: 0 }, member('ext-1')],
        }),
      ),
      'name: required',
      'sequence: invalid',
      'callerIdMode: invalid',
      'members.1.extensionId: unknown',
      'members.1.ringDelay: too_large',
      'members.1.ringTime: too_small',
      'members.2.extensionId: duplicate',
    );
    await expectInvalid(huntGroups!.create(input({ members: [{ ...member('ext-1'), ringDelay: 1.5, ringTime: 601 }] })), 'members.0.ringDelay: invalid', 'members.0.ringTime: too_large');
  });

  it('refuses an inclusion cycle, naming the path', async () => {
    const { huntGroups } = memory();
    const billing = await huntGroups!.get('hg-2');
    const cycle = await expectInvalid(huntGroups!.update('hg-2', { ...billing, includedGroups: [{ groupId: 'hg-1', ignoreFollowMe: false }] }), 'includedGroups: cycle');
    expect(cycle.fields[0]?.params).toEqual({ path: '210 → 200 → 210' });
    const self = await expectInvalid(huntGroups!.update('hg-2', { ...billing, includedGroups: [{ groupId: 'hg-2', ignoreFollowMe: false }] }), 'includedGroups: cycle');
    expect(self.fields[0]?.params).toEqual({ path: '210 → 210' });
  });

  it('finds longer cycles, and names the new number of the group being changed', async () => {
    const { huntGroups } = memory();
    const clinical = await huntGroups!.get('hg-3');
    await huntGroups!.update('hg-3', { ...clinical, includedGroups: [{ groupId: 'hg-1', ignoreFollowMe: false }] });
    const billing = await huntGroups!.get('hg-2');
    const error = await expectInvalid(
      huntGroups!.update('hg-2', { ...billing, number: '211', includedGroups: [{ groupId: 'hg-3', ignoreFollowMe: false }] }),
      'includedGroups: cycle',
    );
    expect(error.fields[0]?.params).toEqual({ path: '211 → 220 → 200 → 211' });
  });

  it('rejects unknown and repeated included groups', async () => {
    const { huntGroups } = memory();
    await expectInvalid(
      huntGroups!.create(input({ includedGroups: [{ groupId: 'hg-404', ignoreFollowMe: false }, { groupId: 'hg-2', ignoreFollowMe: false }, { groupId: 'hg-2', ignoreFollowMe: true }] })),
      'includedGroups.0.groupId: unknown',
      'includedGroups.2.groupId: duplicate',
    );
  });

  it('rejects included groups when the backend cannot include groups', async () => {
    const { huntGroups } = memory({ capabilities: { huntGroups: { includeGroups: false } } });
    await expectCode(huntGroups!.create(input({ includedGroups: [{ groupId: 'hg-2', ignoreFollowMe: false }] })), 'unsupported');
  });

  it('deletes a group, dropping it from groups that include it and from its members', async () => {
    const adapter = memory();
    await adapter.huntGroups!.delete('hg-2');
    expect((await adapter.huntGroups!.get('hg-1')).includedGroups).toEqual([]);
    const lena = await adapter.extensions!.get('ext-5');
    expect([lena.groupIds, lena.primaryGroupId]).toEqual([['hg-1'], null]);
  });

  it('checks versions and ids', async () => {
    const { huntGroups } = memory();
    const stale = await huntGroups!.get('hg-3');
    await huntGroups!.update('hg-3', { ...stale, name: 'Clinicians' }, { ifMatch: stale.version });
    await expectCode(huntGroups!.update('hg-3', stale, { ifMatch: stale.version }), 'conflict');
    await expectCode(huntGroups!.delete('hg-3', { ifMatch: stale.version }), 'conflict');
    await expectCode(huntGroups!.get('hg-9'), 'not_found');
  });

  it('tells the pickup prefix', async () => {
    expect(await memory().huntGroups!.pickupSettings()).toEqual({ prefix: '*77' });
  });
});
