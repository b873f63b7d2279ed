import { createMemoryAdapter } from '@ringside/adapter-memory';
import { RingsideError, createI18n, registerMessages, type Extension, type HuntGroup } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { choose, conflictOf, resolve } from '../src/huntgroup-editor/conflict.js';
import {
  NEW_GROUP,
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
  type HuntGroupDraft,
} from '../src/huntgroup-editor/draft.js';
import {
  draftToShow,
  editorTabs,
  fieldTarget,
  focusAfterRemoval,
  hasUnsaved,
  includableGroups,
  includeGroup,
  isKeptDirty,
  isPlaceable,
  optionsWith,
  pickerCandidates,
  pickerKey,
  planMove,
  primaryMovesFrom,
  reasonsOf,
  rulesContext,
  saveErrorReasons,
  shownReasons,
  tabAfterKey,
  withDraft,
  withoutDraft,
} from '../src/huntgroup-editor/editor-state.js';
import { EditorText } from '../src/huntgroup-editor/editor-text.js';
import messages from '../src/huntgroup-editor/locales/en.js';
import { saveDraft } from '../src/huntgroup-editor/save-flow.js';
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

const extension = (id: string, number: string, name: string): Extension => ({
  id,
  version: '1',
  number,
  name,
  phoneLineId: null,
  primaryGroupId: null,
  published: true,
  hasRecordedName: false,
  groupIds: [],
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

// ------------------------------------------------------------------------------------------------
// What the element used to decide itself: draft switching, reasons at fields, keys, moves, saving
// ------------------------------------------------------------------------------------------------

describe('draft switching', () => {
  const newer = { ...FRONT, version: '2', name: 'Front Office East' };

  it('keeps a dirty draft, and a clean one while the stored version is the same', () => {
    const dirty = edit(draftOf(FRONT), { name: 'Reception' });
    expect(draftToShow('hg-1', new Map([['hg-1', dirty]]), [newer], ['order'])).toBe(dirty);
    const clean = draftOf(FRONT);
    expect(draftToShow('hg-1', new Map([['hg-1', clean]]), [FRONT], ['order'])).toBe(clean);
  });

  it('lets a clean draft follow the stored group someone else changed', () => {
    const shown = draftToShow('hg-1', new Map([['hg-1', draftOf(FRONT)]]), [newer], ['order']);
    expect(shown?.base?.version).toBe('2');
    expect(shown?.value.name).toBe('Front Office East');
  });

  it('starts a blank draft for a new group, and has none for a group that is gone', () => {
    expect(draftToShow(NEW_GROUP, new Map(), [FRONT], ['simultaneous'])?.value.sequence).toBe('simultaneous');
    expect(draftToShow('hg-404', new Map(), [FRONT], ['order'])).toBeNull();
  });

  it('keeps drafts in new maps, never changing the old one', () => {
    const drafts = new Map([['hg-1', draftOf(FRONT)]]);
    const changed = withDraft(drafts, 'hg-1', edit(draftOf(FRONT), { name: 'Reception' }));
    expect(hasUnsaved(drafts)).toBe(false);
    expect(hasUnsaved(changed)).toBe(true);
    expect(isKeptDirty(changed, 'hg-1')).toBe(true);
    expect(withoutDraft(changed, 'hg-1').size).toBe(0);
    expect(changed.size).toBe(1);
  });
});

describe('reasons at fields', () => {
  const known = { groups: [FRONT, group('hg-2', '210')], extensions: [extension('ext-1', '101', 'Front Desk')], numberLength: 3 };

  it('counts extension numbers and the other groups’ numbers as taken, not the group’s own', () => {
    const taken = rulesContext(draftOf(FRONT), known).takenNumbers;
    expect([...taken].sort()).toEqual(['101', '210']);
    expect(rulesContext(newDraft(['order']), known).takenNumbers.has('200')).toBe(true);
  });

  it('shows the rules’ reasons only once the user tried to save, and the backend’s over them only where the rules say nothing', () => {
    const draft = edit(draftOf(FRONT), { number: '' });
    expect(shownReasons(draft, rulesContext(draft, known))).toEqual([]);
    const tried = {
      ...draft,
      showReasons: true,
      serverReasons: [
        { field: 'number', reason: 'taken' },
        { field: 'name', reason: 'taken' },
      ],
    };
    expect(shownReasons(tried, rulesContext(tried, known))).toEqual([
      { field: 'number', reason: 'required' },
      { field: 'name', reason: 'taken' },
    ]);
  });

  it('finds the reasons of a field and of its parts', () => {
    const reasons = [
      { field: 'members', reason: 'required' },
      { field: 'members.0.ringTime', reason: 'too_large' },
      { field: 'membersX', reason: 'other' },
    ];
    expect(reasonsOf('members', reasons).map((reason) => reason.field)).toEqual(['members', 'members.0.ringTime']);
  });

  it('lists above the form only the backend’s reasons the form has no field for', () => {
    const draft = {
      ...draftOf(FRONT),
      serverReasons: [
        { field: 'name', reason: 'taken' },
        { field: 'members.5.ringTime', reason: 'too_large' },
        { field: 'schedule', reason: 'invalid' },
      ],
    };
    const validation = new RingsideError('validation', { fields: draft.serverReasons });
    expect(saveErrorReasons(validation, draft, draft.serverReasons)?.map((reason) => reason.field)).toEqual(['members.5.ringTime', 'schedule']);
    expect(saveErrorReasons(validation, draftOf(FRONT), [])).toBeNull();
    expect(saveErrorReasons(new RingsideError('unavailable'), draftOf(FRONT), [])).toEqual([]);
    expect(saveErrorReasons(null, draft, [])).toBeNull();
    expect(isPlaceable('members.1.extensionId', draft)).toBe(true);
    expect(isPlaceable('includedGroups.0.groupId', draft)).toBe(true);
  });

  it('takes the user to the tab and control of a field', () => {
    expect(fieldTarget('number')).toEqual({ tab: 'settings', selector: '#f-number' });
    expect(fieldTarget('members.2.ringTime')).toEqual({ tab: 'members', selector: '#f-members-2-ringTime' });
    expect(fieldTarget('members.2.extensionId')).toEqual({ tab: 'members', selector: '#member-search' });
    expect(fieldTarget('members')).toEqual({ tab: 'members', selector: '#member-search' });
    expect(fieldTarget('includedGroups.0.groupId')).toEqual({ tab: 'included', selector: '#f-includedGroups' });
  });
});

describe('tabs', () => {
  const all = ['settings', 'members', 'included'] as const;

  it('show included groups when the backend supports them or the group has some', () => {
    expect(editorTabs(false, draftOf(FRONT))).toEqual(['settings', 'members']);
    expect(editorTabs(true, draftOf(FRONT))).toEqual(all);
    expect(editorTabs(false, addIncluded(draftOf(FRONT), 'hg-2'))).toEqual(all);
  });

  it('move with the arrows in reading direction, wrap, and jump with Home and End', () => {
    expect(tabAfterKey('ArrowRight', 'ltr', all, 'included')).toBe('settings');
    expect(tabAfterKey('ArrowLeft', 'ltr', all, 'settings')).toBe('included');
    expect(tabAfterKey('ArrowLeft', 'rtl', all, 'settings')).toBe('members');
    expect(tabAfterKey('End', 'ltr', all, 'settings')).toBe('included');
    expect(tabAfterKey('Home', 'rtl', all, 'included')).toBe('settings');
    expect(tabAfterKey('Enter', 'ltr', all, 'settings')).toBeNull();
  });
});

describe('member picker', () => {
  const extensions = [extension('ext-1', '101', 'Front Desk'), extension('ext-3', '103', 'Dr. Amara Okafor'), extension('ext-4', '104', 'Dr. Sean Brennan')];

  it('offers extensions that are not members, by number prefix or by name in any case', () => {
    const members = draftOf(FRONT).value.members;
    expect(pickerCandidates(extensions, members, '', 'en').map((entry) => entry.number)).toEqual(['103', '104']);
    expect(pickerCandidates(extensions, members, ' DR ', 'en').map((entry) => entry.number)).toEqual(['103', '104']);
    expect(pickerCandidates(extensions, members, '104', 'en').map((entry) => entry.number)).toEqual(['104']);
    expect(pickerCandidates(extensions, [], '10', 'en')).toHaveLength(3);
  });

  it('moves through the options with the arrows, wrapping, and opens the list', () => {
    const closed = { query: 'dr', open: false, active: -1 };
    expect(pickerKey(closed, 'ArrowDown', 2)?.state).toEqual({ query: 'dr', open: true, active: 0 });
    expect(pickerKey(closed, 'ArrowUp', 2)?.state).toEqual({ query: 'dr', open: true, active: 1 });
    expect(pickerKey({ ...closed, open: true, active: 1 }, 'ArrowDown', 2)?.state.active).toBe(0);
    expect(pickerKey({ ...closed, open: true, active: 0 }, 'ArrowUp', 2)?.state.active).toBe(1);
  });

  it('adds the highlighted option with Enter, only while the list is open', () => {
    expect(pickerKey({ query: '', open: true, active: 1 }, 'Enter', 2)?.choose).toBe(1);
    expect(pickerKey({ query: '', open: false, active: 1 }, 'Enter', 2)).toBeNull();
    expect(pickerKey({ query: '', open: true, active: -1 }, 'Enter', 2)).toBeNull();
  });

  it('closes with Escape first, and clears the search the next time', () => {
    const open = pickerKey({ query: 'dr', open: true, active: 0 }, 'Escape', 2);
    expect(open).toMatchObject({ handled: true, stop: true, state: { query: 'dr', open: false } });
    const closed = pickerKey(open!.state, 'Escape', 2);
    expect(closed).toMatchObject({ handled: false, state: { query: '' } });
    expect(closed?.stop).toBeUndefined();
  });
});

describe('member moves', () => {
  const three = addMember(draftOf(FRONT), 'ext-3');

  it('say where the member went and keep focus on the control that moved it', () => {
    const move = planMove(three, 0, 1, 'ringDelay');
    expect(move).toMatchObject({ extensionId: 'ext-1', position: 1, count: 3, focus: '[data-row="1"] [data-control="ringDelay"]' });
    expect(move!.draft.value.members.map((member) => member.extensionId)).toEqual(['ext-9', 'ext-1', 'ext-3']);
  });

  it('hand focus to the partner button when the moving one turns disabled at an end', () => {
    expect(planMove(three, 1, 0, 'up')?.focus).toBe('[data-row="0"] [data-control="down"]');
    expect(planMove(three, 1, 2, 'down')?.focus).toBe('[data-row="2"] [data-control="up"]');
  });

  it('do nothing past the ends', () => {
    expect(planMove(three, 0, -1, 'up')).toBeNull();
    expect(planMove(three, 2, 5, 'down')).toBeNull();
  });

  it('after a removal focus the next remove button, the last one, or the picker', () => {
    expect(focusAfterRemoval(0, 2)).toBe('[data-row="0"] [data-control="remove"]');
    expect(focusAfterRemoval(2, 2)).toBe('[data-row="1"] [data-control="remove"]');
    expect(focusAfterRemoval(0, 0)).toBe('#member-search');
  });

  it('note the group a primary member leaves', () => {
    const member = { ...draftOf(FRONT).value.members[0]!, primary: true };
    expect(primaryMovesFrom(member, { ...extension('ext-1', '101', 'Front Desk'), primaryGroupId: 'hg-2' }, 'hg-1')).toBe('hg-2');
    expect(primaryMovesFrom(member, { ...extension('ext-1', '101', 'Front Desk'), primaryGroupId: 'hg-1' }, 'hg-1')).toBeNull();
    expect(primaryMovesFrom({ ...member, primary: false }, { ...extension('ext-1', '101', 'Front Desk'), primaryGroupId: 'hg-2' }, 'hg-1')).toBeNull();
  });
});

describe('including groups', () => {
  const groups = [group('hg-1', '200'), group('hg-2', '210', ['hg-1']), group('hg-3', '220')];
  const draft = draftOf(groups[0]!);

  it('offers the other groups not yet included', () => {
    expect(includableGroups(draft, groups).map((entry) => entry.id)).toEqual(['hg-2', 'hg-3']);
    expect(includableGroups(addIncluded(draft, 'hg-3'), groups).map((entry) => entry.id)).toEqual(['hg-2']);
  });

  it('includes the chosen group, or the first offered when the choice is not offered', () => {
    const available = includableGroups(draft, groups);
    const chosen = includeGroup(draft, 'hg-3', available, groups);
    expect(chosen && 'draft' in chosen ? chosen.draft.value.includedGroups : null).toEqual([{ groupId: 'hg-3', ignoreFollowMe: false }]);
    expect(includeGroup(draft, 'hg-404', [groups[2]!], groups)).toMatchObject({ groupId: 'hg-3' });
    expect(includeGroup(draft, '', [], groups)).toBeNull();
  });

  it('refuses a group that would close a loop, naming its path', () => {
    expect(includeGroup(draft, 'hg-2', includableGroups(draft, groups), groups)).toEqual({
      refusal: { field: 'includedGroups', reason: 'cycle', params: { path: '200 → 210 → 200' } },
    });
  });

  it('shows a value the backend wrote among the known options', () => {
    expect(optionsWith(['order', 'simultaneous'], 'order')).toEqual(['order', 'simultaneous']);
    expect(optionsWith(['order'], 'skills_based')).toEqual(['order', 'skills_based']);
  });
});

describe('the editor’s words', () => {
  registerMessages('huntgroup-editor', { en: messages, languages: {} });
  const text = new EditorText(createI18n({ locale: 'en' }), [extension('ext-1', '101', 'Front Desk')], [FRONT]);

  it('name members and groups by number and name, or by id when unknown', () => {
    expect(text.memberName('ext-1')).toBe('101 Front Desk');
    expect(text.memberName('ext-404')).toBe('ext-404');
    expect(text.groupNameById('hg-1')).toBe('200 Group 200');
    expect(text.groupNameById('hg-404')).toBe('hg-404');
  });

  it('translate known values and show unknown ones as the backend wrote them', () => {
    expect(text.label('sequence', 'order')).toBe('In order');
    expect(text.label('sequence', 'skills_based')).toBe('skills_based');
    expect(text.reasonText({ field: 'x', reason: 'no_such_reason' })).toBe(text.t('reasons.invalid'));
  });

  it('name the field of a backend reason by its label, and an unknown field by a generic text', () => {
    expect(text.fieldLabel('members.5.ringTime')).toBe('Members');
    expect(text.fieldLabel('schedule')).toBe('Another setting');
    expect(text.fieldReason({ field: 'schedule', reason: 'branch_only' })).toBe('Another setting: This value is not valid.');
    expect(text.fieldReason({ field: 'name', reason: 'too_long', params: { max: 40 } })).toBe('Name: Use at most 40 characters.');
  });

  it('sum up each side of a conflict in one line', () => {
    const value = draftOf(FRONT).value;
    expect(text.summary('members', value.members)).toBe('101 Front Desk (primary group) and ext-9');
    // The list is joined in the widget's language.
    const german = new EditorText(createI18n({ locale: 'de' }), [extension('ext-1', '101', 'Front Desk')], [FRONT]);
    expect(german.summary('members', value.members)).toBe('101 Front Desk (primary group) und ext-9');
    expect(text.summary('members', [])).toBe(text.t('noMembers'));
    expect(text.summary('pickupAllowed', true)).toBe(text.t('yes'));
    expect(text.summary('includedGroups', [{ groupId: 'hg-1', ignoreFollowMe: false }])).toBe('200 Group 200');
  });
});

describe('saving', () => {
  const setup = () => {
    const adapter = createMemoryAdapter({ now: new Date() });
    const section = adapter.huntGroups!;
    const deps = async () => {
      const groups = (await section.list({ pageSize: 100 })).items;
      const extensions = (await adapter.extensions!.list({ pageSize: 100 })).items;
      return {
        section,
        write: (run: () => Promise<HuntGroup>) => run(),
        rulesContext: (draft: HuntGroupDraft) => rulesContext(draft, { groups, extensions, numberLength: null }),
      };
    };
    return { adapter, section, deps };
  };
  const blank = (number: string, name: string) => edit(newDraft(['order']), { number, name });

  it('creates a new group and updates a stored one with its version', async () => {
    const { section, deps } = setup();
    const created = await saveDraft(blank('240', 'Overflow'), await deps());
    expect(created).toMatchObject({ kind: 'saved', created: true, stored: { number: '240', name: 'Overflow' } });
    const stored = (created as { stored: HuntGroup }).stored;
    const updated = await saveDraft(edit(draftOf(stored), { name: 'Overflow 2' }), await deps());
    expect(updated).toMatchObject({ kind: 'saved', created: false, stored: { id: stored.id, name: 'Overflow 2' } });
    expect((await section.get(stored.id)).name).toBe('Overflow 2');
  });

  it('refuses a draft the rules reject without sending it, showing reasons from then on', async () => {
    const { section, deps } = setup();
    const before = (await section.list({ pageSize: 100 })).total;
    const outcome = await saveDraft(blank('', 'Overflow'), await deps());
    expect(outcome).toMatchObject({ kind: 'failed', focusField: 'number', draft: { showReasons: true } });
    expect(outcome.kind === 'failed' && outcome.error?.code).toBe('validation');
    expect((await section.list({ pageSize: 100 })).total).toBe(before);
  });

  it('keeps the backend’s reasons at their fields', async () => {
    const { adapter, deps } = setup();
    const prepared = await deps();
    const taken = adapter.data.extensions[0]!.number;
    const outcome = await saveDraft(blank(taken, 'Overflow'), {
      ...prepared,
      rulesContext: (draft) => ({ ...prepared.rulesContext(draft), takenNumbers: new Set() }),
    });
    expect(outcome).toMatchObject({ kind: 'failed', focusField: 'number', draft: { showReasons: true, serverReasons: [{ field: 'number' }] } });
  });

  it('after a create whose answer was lost, adopts the group it made instead of making a second', async () => {
    const { adapter, section, deps } = setup();
    const create = section.create;
    section.create = async (...args) => {
      await create(...args);
      throw new TypeError('Failed to fetch');
    };
    const lost = await saveDraft(blank('240', 'Overflow'), await deps());
    expect(lost).toMatchObject({ kind: 'failed', error: { code: 'network' }, draft: { createUncertain: true } });
    section.create = create;
    const retried = await saveDraft((lost as { draft: HuntGroupDraft }).draft, await deps());
    expect(retried).toMatchObject({ kind: 'saved', created: false, stored: { number: '240' } });
    expect(adapter.data.huntGroups.filter((entry) => entry.number === '240')).toHaveLength(1);
  });

  it('shows both versions after someone else’s change, or moves onto theirs when they match', async () => {
    const { section, deps } = setup();
    const stored = await section.get('hg-1');
    const { id: _id, version, ...input } = stored;
    await section.update('hg-1', { ...input, name: 'Front Office East' }, { ifMatch: version });
    const mine = edit(draftOf(stored), { name: 'Reception' });
    const outcome = await saveDraft(mine, await deps());
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'conflict' } });
    expect(outcome.kind === 'failed' && outcome.conflict?.rows.map((row) => [row.field, row.mine, row.theirs])).toEqual([
      ['name', 'Reception', 'Front Office East'],
    ]);
    const same = await saveDraft(edit(draftOf(stored), { name: 'Front Office East' }), await deps());
    expect(same).toMatchObject({ kind: 'failed', error: null, draft: { base: { name: 'Front Office East' }, value: { name: 'Front Office East' } } });
  });

  it('says when the session expired, and keeps the draft as it was', async () => {
    const { adapter, deps } = setup();
    const prepared = await deps();
    const stored = await adapter.huntGroups!.get('hg-1');
    adapter.faults.failNext(1, 'unauthorized');
    const outcome = await saveDraft(edit(draftOf(stored), { name: 'Reception' }), prepared);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'unauthorized' }, authRequired: true });
    expect(outcome.kind === 'failed' && outcome.draft).toBeUndefined();
  });
});
