import type { ExtensionInput } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { expectCode, expectInvalid, memory } from './helpers.js';

const input = (changes: Partial<ExtensionInput> = {}): ExtensionInput => ({ number: '130', name: 'Front Desk 2', ...changes });

describe('extensions', () => {
  describe('list', () => {
    it('pages by number with a total of every match', async () => {
      const { extensions } = memory();
      const page = await extensions!.list({ page: 2, pageSize: 5 });
      expect(page.items.map((e) => e.number)).toEqual(['106', '107', '108', '109', '110']);
      expect([page.total, page.page, page.pageSize]).toEqual([12, 2, 5]);
      expect((await extensions!.list({ page: 9, pageSize: 5 })).items).toEqual([]);
    });

    it('defaults to 50 a page and rejects more than 500', async () => {
      const { extensions } = memory();
      expect((await extensions!.list({})).pageSize).toBe(50);
      await expectInvalid(extensions!.list({ pageSize: 501 }), 'pageSize: too_large');
      await expectInvalid(extensions!.list({ page: 0, pageSize: 1.5 }), 'page: too_small', 'pageSize: invalid');
      await expectInvalid(extensions!.list({ sort: [{ field: 'color' as 'name', direction: 'asc' }] }), 'sort: invalid');
    });

    it('sorts by phone line number with lines-less extensions last, ties by id', async () => {
      const { extensions } = memory();
      const page = await extensions!.list({ sort: [{ field: 'phoneLine', direction: 'asc' }] });
      expect(page.items.slice(0, 6).map((e) => e.number)).toEqual(['101', '103', '104', '105', '107', '102']);
      const desc = await extensions!.list({ sort: [{ field: 'phoneLine', direction: 'desc' }] });
      expect(desc.items.at(-1)?.number).toBe('101');
    });

    it('sorts by published, then by name, in sequence', async () => {
      const { extensions } = memory();
      const page = await extensions!.list({
        sort: [
          { field: 'published', direction: 'desc' },
          { field: 'name', direction: 'asc' },
        ],
        pageSize: 3,
      });
      expect(page.items.map((e) => e.name)).toEqual(['Dr. Amara Okafor', 'Dr. Sean Brennan', 'Front Desk']);
    });

    it('searches number, name and phone line number however it is spaced', async () => {
      const { extensions } = memory();
      const names = async (search: string) => (await extensions!.list({ search })).items.map((e) => e.name);
      expect(await names('okafor')).toEqual(['Dr. Amara Okafor']);
      expect(await names('110')).toEqual(['Sterilization Room']);
      expect(await names('6045550104')).toEqual(['Lab']);
    });

    it('filters by hunt group', async () => {
      const { extensions } = memory();
      const page = await extensions!.list({ filter: { groupId: 'hg-2' } });
      expect(page.items.map((e) => e.number)).toEqual(['105', '106']);
    });
  });

  describe('create', () => {
    it('stores the extension and assigns its phone line', async () => {
      const adapter = memory();
      const created = await adapter.extensions!.create(input({ phoneLineId: 'line-6', published: false }));
      expect(created).toMatchObject({ id: 'ext-13', number: '130', phoneLineId: 'line-6', published: false, groupIds: [], primaryGroupId: null, version: '1' });
      expect(adapter.data.phoneLines.find((line) => line.id === 'line-6')?.extensionId).toBe('ext-13');
      expect(await adapter.extensions!.get('ext-13')).toEqual(created);
    });

    it('rejects numbers that are not digits, of the wrong length, or taken by an extension or a hunt group', async () => {
      const { extensions } = memory();
      await expectInvalid(extensions!.create(input({ number: '1a3' })), 'number: digits_only');
      const length = await expectInvalid(extensions!.create(input({ number: '1300' })), 'number: length');
      expect(length.fields[0]?.params).toEqual({ length: 3 });
      await expectInvalid(extensions!.create(input({ number: '101' })), 'number: taken');
      await expectInvalid(extensions!.create(input({ number: '210' })), 'number: taken');
    });

    it('rejects a missing or long name, an unknown or used line, and a primary group it is not in', async () => {
      const { extensions } = memory();
      await expectInvalid(extensions!.create(input({ name: '  ' })), 'name: required');
      await expectInvalid(extensions!.create(input({ name: 'x'.repeat(101) })), 'name: too_long');
      await expectInvalid(extensions!.create(input({ phoneLineId: 'line-99' })), 'phoneLineId: unknown');
      await expectInvalid(extensions!.create(input({ phoneLineId: 'line-1' })), 'phoneLineId: line_taken');
      await expectInvalid(extensions!.create(input({ primaryGroupId: 'hg-1' })), 'primaryGroupId: not_member');
    });
  });

  describe('update', () => {
    it('changes fields, moves the phone line and gives a new version', async () => {
      const adapter = memory();
      const before = await adapter.extensions!.get('ext-1');
      const after = await adapter.extensions!.update('ext-1', input({ number: '101', phoneLineId: 'line-6' }), { ifMatch: before.version });
      expect(after.version).not.toBe(before.version);
      expect(after.name).toBe('Front Desk 2');
      const lines = Object.fromEntries(adapter.data.phoneLines.map((line) => [line.id, line.extensionId]));
      expect([lines['line-1'], lines['line-6']]).toEqual([null, 'ext-1']);
    });

    it('keeps its own number and line, and rejects a stale version as a conflict', async () => {
      const { extensions } = memory();
      const stale = await extensions!.get('ext-3');
      await extensions!.update('ext-3', { number: '103', name: 'Dr. A. Okafor', phoneLineId: 'line-2' }, { ifMatch: stale.version });
      await expectCode(extensions!.update('ext-3', { number: '103', name: 'Other' }, { ifMatch: stale.version }), 'conflict');
      await expectCode(extensions!.delete('ext-3', { ifMatch: stale.version }), 'conflict');
    });

    it('switches the primary group, flagging the memberships to match', async () => {
      const adapter = memory();
      const updated = await adapter.extensions!.update('ext-5', { number: '105', name: 'Lena Fischer', primaryGroupId: 'hg-1' });
      expect(updated.primaryGroupId).toBe('hg-1');
      const [front, billing] = await Promise.all([adapter.huntGroups!.get('hg-1'), adapter.huntGroups!.get('hg-2')]);
      expect(front.members.find((m) => m.extensionId === 'ext-5')?.primary).toBe(true);
      expect(billing.members.find((m) => m.extensionId === 'ext-5')?.primary).toBe(false);
      expect(billing.version).toBe('2');
    });
  });

  describe('delete', () => {
    it('removes the extension from every hunt group and frees its line', async () => {
      const adapter = memory();
      await adapter.extensions!.delete('ext-5');
      const groups = await adapter.huntGroups!.list({});
      expect(groups.items.flatMap((g) => g.members.map((m) => m.extensionId))).not.toContain('ext-5');
      expect(adapter.data.phoneLines.find((line) => line.id === 'line-4')?.extensionId).toBeNull();
      await expectCode(adapter.extensions!.get('ext-5'), 'not_found');
    });

    it('answers not_found for unknown ids', async () => {
      const { extensions } = memory();
      await expectCode(extensions!.get('ext-404'), 'not_found');
      await expectCode(extensions!.update('ext-404', input()), 'not_found');
      await expectCode(extensions!.delete('ext-404'), 'not_found');
    });
  });

  it('lists the phone lines with the extension each is assigned to', async () => {
    const lines = await memory().extensions!.listPhoneLines();
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.extensionId === null).map((line) => line.label)).toEqual(['Fax']);
  });
});
