import type { HuntGroup } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { choose, conflictOf, resolve } from '../src/huntgroup-editor/conflict.js';
import {
  addIncluded,
  addMember,
  draftOf,
  edit,
  isDirty,
  move,
  moveMember,
  newDraft,
  parseSeconds,
  removeMember,
  toInput,
  updateMember,
} from '../src/huntgroup-editor/draft.js';
import { draftReasons, findInclusionCycle, pickupCode, pickupCodes, type DraftRulesContext } from '../src/huntgroup-editor/rules.js';

const group = (id: string, number: string, included: string[] = [], patch: Partial<HuntGroup> = {}): HuntGroup => ({
  id,
  version: '1',
  number,
  name: `Group ${number}`,
  sequence: 'order',
  callerIdMode: 'keep_original',
  pickupAllowed: true,
  members: [],
  includedGroups: included.map((groupId) => ({
    groupId,
    ignoreFollowMe: false,
  })),
  ...patch,
});

const FRONT = group('hg-1', '200', [], {
  members: [
    {
      extensionId: 'ext-1',
      ringDelay: 0,
      ringTime: 20,
      ignoreFollowMe: false,
      primary: true,
    },
    {
      extensionId: 'ext-9',
      ringDelay: 10,
      ringTime: null,
      ignoreFollowMe: true,
      primary: false,
    },
  ],
});

const context = (patch: Partial<DraftRulesContext> = {}): DraftRulesContext => ({
  numberLength: 3,
  takenNumbers: new Set(['101', '210']),
  groups: [FRONT],
  groupId: 'hg-1',
  ...patch,
});

describe('drafts', () => {
  it('start clean from the stored group and keep seconds as text, "until answered" apart', () => {
    const draft = draftOf(FRONT);
    expect(isDirty(draft)).toBe(false);
    expect(draft.value.members[1]).toMatchObject({
      ringDelay: '10',
      ringsUntilAnswered: true,
    });
    const { id: _id, version: _version, ...input } = FRONT;
    expect(toInput(draft.value)).toEqual(input);
  });

  it('are dirty after a change and clean again when it is undone', () => {
    const changed = edit(draftOf(FRONT), { name: 'Reception' });
    expect(isDirty(changed)).toBe(true);
    expect(isDirty(edit(changed, { name: FRONT.name }))).toBe(false);
  });

  it('keep the typed ring time while "until answered" is on, and send null', () => {
    const draft = updateMember(updateMember(draftOf(FRONT), 0, { ringTime: '45' }), 0, { ringsUntilAnswered: true });
    expect(draft.value.members[0]!.ringTime).toBe('45');
    expect(toInput(draft.value).members[0]!.ringTime).toBeNull();
    expect(toInput(updateMember(draft, 0, { ringsUntilAnswered: false }).value).members[0]!.ringTime).toBe(45);
  });

  it('clear the backend’s reasons on the next edit', () => {
    const draft = {
      ...draftOf(FRONT),
      serverReasons: [{ field: 'number', reason: 'taken' }],
    };
    expect(edit(draft, { number: '201' }).serverReasons).toEqual([]);
  });

  it('add a member once, with default timings, and remove it', () => {
    const added = addMember(draftOf(FRONT), 'ext-5');
    expect(addMember(added, 'ext-5')).toBe(added);
    expect(added.value.members.at(-1)).toEqual({
      extensionId: 'ext-5',
      ringDelay: '0',
      ringTime: '20',
      ringsUntilAnswered: false,
      ignoreFollowMe: false,
      primary: false,
    });
    expect(removeMember(added, 2).value.members.map((m) => m.extensionId)).toEqual(['ext-1', 'ext-9']);
  });

  it('start a new group with the first offered sequence, `order` when offered', () => {
    expect(newDraft(['random', 'order']).value.sequence).toBe('order');
    expect(newDraft(['simultaneous', 'random']).value.sequence).toBe('simultaneous');
    expect(isDirty(newDraft(['order']))).toBe(false);
  });

  it('parse whole seconds only', () => {
    expect(parseSeconds(' 20 ')).toBe(20);
    expect(parseSeconds('2.5')).toBeNull();
    expect(parseSeconds('-1')).toBeNull();
    expect(parseSeconds('')).toBeNull();
  });
});

describe('member order', () => {
  it('moves an item and clamps at the ends', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
    const same = ['a', 'b'];
    expect(move(same, 0, -1)).toBe(same);
  });

  it('moving a member makes the draft dirty; moving it back makes it clean', () => {
    const moved = moveMember(draftOf(FRONT), 1, 0);
    expect(moved.value.members.map((m) => m.extensionId)).toEqual(['ext-9', 'ext-1']);
    expect(isDirty(moved)).toBe(true);
    expect(isDirty(moveMember(moved, 0, 1))).toBe(false);
    expect(moveMember(moved, 0, -3).value.members).toBe(moved.value.members);
  });
});

describe('validation', () => {
  const reasonsOf = (patch: Parameters<typeof edit>[1], ctx = context()) => draftReasons(edit(draftOf(FRONT), patch).value, ctx);

  it('accepts the stored group', () => {
    expect(reasonsOf({})).toEqual([]);
  });

  it('refuses a missing, non-digit, wrong-length or taken number', () => {
    expect(reasonsOf({ number: ' ' })).toEqual([{ field: 'number', reason: 'required' }]);
    expect(reasonsOf({ number: '2a0' })).toEqual([{ field: 'number', reason: 'digits_only' }]);
    expect(reasonsOf({ number: '2000' })).toEqual([{ field: 'number', reason: 'length', params: { length: 3 } }]);
    expect(reasonsOf({ number: '101' })).toEqual([{ field: 'number', reason: 'taken' }]);
    expect(reasonsOf({ number: '2000' }, context({ numberLength: null }))).toEqual([]);
  });

  it('refuses an empty or too long name', () => {
    expect(reasonsOf({ name: '  ' })).toEqual([{ field: 'name', reason: 'required' }]);
    expect(reasonsOf({ name: 'x'.repeat(101) })).toEqual([{ field: 'name', reason: 'too_long', params: { max: 100 } }]);
  });

  it('names the member field of bad seconds, and ignores ring time when ringing until answered', () => {
    const draft = updateMember(updateMember(draftOf(FRONT), 0, { ringDelay: '301', ringTime: '0' }), 1, { ringTime: 'abc' });
    expect(draftReasons(draft.value, context())).toEqual([
      {
        field: 'members.0.ringDelay',
        reason: 'too_large',
        params: { max: 300 },
      },
      { field: 'members.0.ringTime', reason: 'too_small', params: { min: 1 } },
    ]);
    expect(draftReasons(updateMember(draft, 1, { ringsUntilAnswered: false }).value, context())).toContainEqual({
      field: 'members.1.ringTime',
      reason: 'whole_seconds',
    });
    expect(draftReasons(updateMember(draft, 0, { ringDelay: '' }).value, context())).toContainEqual({ field: 'members.0.ringDelay', reason: 'required' });
  });

  it('refuses an inclusion cycle and names its path', () => {
    const billing = group('hg-2', '210', ['hg-3']);
    const clinical = group('hg-3', '220', ['hg-1']);
    const draft = addIncluded(draftOf(FRONT), 'hg-2');
    expect(draftReasons(draft.value, context({ groups: [FRONT, billing, clinical], takenNumbers: new Set() }))).toEqual([
      {
        field: 'includedGroups',
        reason: 'cycle',
        params: { path: '200 → 210 → 220 → 200' },
      },
    ]);
  });
});

describe('inclusion cycles', () => {
  const a = group('a', '100');
  const b = group('b', '200', ['a']);
  const c = group('c', '300', ['b']);

  it('finds a group including itself', () => {
    expect(
      findInclusionCycle(
        'a',
        {
          number: '100',
          includedGroups: [{ groupId: 'a', ignoreFollowMe: false }],
        },
        [a]
      )
    ).toEqual(['100', '100']);
  });

  it('finds A → B → A and longer paths, with the edited number', () => {
    expect(
      findInclusionCycle(
        'a',
        {
          number: '101',
          includedGroups: [{ groupId: 'b', ignoreFollowMe: false }],
        },
        [a, b]
      )
    ).toEqual(['101', '200', '101']);
    expect(
      findInclusionCycle(
        'a',
        {
          number: '100',
          includedGroups: [{ groupId: 'c', ignoreFollowMe: false }],
        },
        [a, b, c]
      )
    ).toEqual(['100', '300', '200', '100']);
  });

  it('answers null when the inclusions form no loop', () => {
    expect(
      findInclusionCycle(
        'c',
        {
          number: '300',
          includedGroups: [{ groupId: 'b', ignoreFollowMe: false }],
        },
        [a, b, c]
      )
    ).toBeNull();
    const diamond = [group('x', '1', ['y', 'z']), group('y', '2', ['w']), group('z', '3', ['w']), group('w', '4')];
    expect(
      findInclusionCycle(
        'x',
        {
          number: '1',
          includedGroups: [
            { groupId: 'y', ignoreFollowMe: false },
            { groupId: 'z', ignoreFollowMe: false },
          ],
        },
        diamond
      )
    ).toBeNull();
  });
});

describe('pickup codes', () => {
  it('are the prefix alone in the primary group and the prefix with the group number elsewhere', () => {
    expect(pickupCode('*77', '88', true)).toBe('*77');
    expect(pickupCode('*77', '88', false)).toBe('*7788');
  });

  it('follow the draft: none without a prefix or without pickup allowed', () => {
    const draft = draftOf(FRONT);
    expect(pickupCodes('*77', draft.value)).toEqual([
      { extensionId: 'ext-1', code: '*77', primary: true },
      { extensionId: 'ext-9', code: '*77200', primary: false },
    ]);
    expect(pickupCodes(null, draft.value)).toBeNull();
    expect(pickupCodes('*77', edit(draft, { pickupAllowed: false }).value)).toBeNull();
    expect(pickupCodes('*77', updateMember(draft, 1, { primary: true }).value)?.map((entry) => entry.code)).toEqual(['*77', '*77']);
  });
});

describe('conflicts', () => {
  const mine = edit(draftOf(FRONT), {
    name: 'Reception',
    pickupAllowed: false,
  });
  const theirs: HuntGroup = {
    ...FRONT,
    version: '2',
    name: 'Front Desk Team',
    sequence: 'simultaneous',
  };

  it('lists the fields that differ, preselecting mine where I changed them', () => {
    const conflict = conflictOf(mine, theirs);
    expect(conflict.rows.map((row) => [row.field, row.mine, row.theirs, row.changedByMe])).toEqual([
      ['name', 'Reception', 'Front Desk Team', true],
      ['sequence', 'order', 'simultaneous', false],
      ['pickupAllowed', false, true, true],
    ]);
    expect(conflict.choices).toEqual({
      name: 'mine',
      sequence: 'theirs',
      pickupAllowed: 'mine',
    });
  });

  it('keeping mine overwrites their version with all of mine', () => {
    const draft = resolve(mine, conflictOf(mine, theirs), 'mine');
    expect(draft.base?.version).toBe('2');
    expect(draft.value).toEqual(mine.value);
    expect(isDirty(draft)).toBe(true);
  });

  it('taking theirs leaves a clean draft of their version', () => {
    const draft = resolve(mine, conflictOf(mine, theirs), 'theirs');
    expect(draft.value.name).toBe('Front Desk Team');
    expect(isDirty(draft)).toBe(false);
  });

  it('merges field by field', () => {
    const conflict = choose(conflictOf(mine, theirs), 'name', 'theirs');
    const draft = resolve(mine, conflict);
    expect([draft.value.name, draft.value.sequence, draft.value.pickupAllowed]).toEqual(['Front Desk Team', 'simultaneous', false]);
    expect(draft.base?.version).toBe('2');
  });
});
