import type { HuntGroupChangeDetail } from '../src/huntgroup-editor/huntgroup-editor.component.js';
import type { RsHuntgroupEditor } from '../src/huntgroup-editor/huntgroup-editor.component.js';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { RingsideError } from '@ringside/core';
import { within } from 'shadow-dom-testing-library';
import { memory, renderWidget, visibleText, type RenderOptions } from './helpers.js';

async function renderEditor(options: RenderOptions = {}, template = html`<rs-huntgroup-editor></rs-huntgroup-editor>`) {
  const setup = await renderWidget<RsHuntgroupEditor>('rs-huntgroup-editor', template, options);
  return { ...setup, editor: setup.element };
}

type Screen = Awaited<ReturnType<typeof renderEditor>>['screen'];

/** Types into a field as a user does: value, then an input event. */
function type(field: HTMLElement, text: string): void {
  (field as HTMLInputElement).value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function toggle(box: HTMLElement): void {
  (box as HTMLInputElement).click();
}

function key(target: HTMLElement, keyName: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: keyName,
      bubbles: true,
      composed: true,
      cancelable: true,
      ...init,
    })
  );
}

const settle = async (editor: RsHuntgroupEditor) => {
  await editor.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await editor.updateComplete;
};

async function openGroup(screen: Screen, editor: RsHuntgroupEditor, name: string) {
  (await screen.findByShadowRole('button', { name: `Edit ${name}` })).click();
  await settle(editor);
}

async function openTab(screen: Screen, editor: RsHuntgroupEditor, name: string) {
  screen.getByShadowRole('tab', { name: new RegExp(`^${name}`) }).click();
  await settle(editor);
}

const memberOrder = (editor: RsHuntgroupEditor) =>
  [...editor.shadowRoot!.querySelectorAll('#panel-members tbody th[scope="row"]')].map((cell) => cell.textContent!.trim());

const status = (editor: RsHuntgroupEditor) => editor.shadowRoot!.querySelector('section > [role="status"]')!.textContent!.trim();

describe('<rs-huntgroup-editor>', () => {
  describe('the list', () => {
    it('shows every group with its sequence, members, caller ID and pickup, and passes axe', async () => {
      const { editor, screen } = await renderEditor();
      const table = await screen.findByShadowRole('table', {
        name: 'Hunt groups',
      });
      const rows = table.querySelectorAll('tbody tr');
      expect(rows.length).to.equal(3);
      const first = rows[0]!.textContent!.replace(/\s+/g, ' ');
      expect(first).to.include('200').and.include('Front Office').and.include('In order');
      expect(first).to.include('101 Front Desk').and.include('109 Grace Whitfield').and.include('105 Lena Fischer');
      expect(first).to.include('Keep the caller’s name and number').and.include('Allowed');
      expect(rows[2]!.textContent).to.include('Least used first');
      expect(rows[2]!.textContent).to.include('Not allowed');
      expect(
        screen.getByShadowRole('list', {
          name: 'The 3 members of 200 Front Office',
        })
      ).to.exist;
      await expect(editor).shadowDom.to.be.accessible();
    });

    it('shows a sequence and caller-ID mode it does not know as the backend wrote them', async () => {
      const adapter = memory();
      Object.assign(adapter.data.huntGroups[0]!, {
        sequence: 'weighted',
        callerIdMode: 'custom_cli',
      });
      const { screen } = await renderEditor({ adapter });
      const table = await screen.findByShadowRole('table', {
        name: 'Hunt groups',
      });
      expect(table.querySelector('tbody tr')!.textContent).to.include('weighted').and.include('custom_cli');
    });

    it('shows the empty state for a customer without groups', async () => {
      const { editor, screen } = await renderEditor({
        adapter: memory({ customer: 'new' }),
      });
      await screen.findByShadowText('No hunt groups yet.');
      expect(screen.getByShadowRole('button', { name: 'Add hunt group' })).to.exist;
      await expect(editor).shadowDom.to.be.accessible();
    });

    it('shows loading, then an error with retry that recovers', async () => {
      const adapter = memory();
      adapter.faults.hang();
      const { editor, screen } = await renderEditor({
        adapter,
        store: { timeout: 60_000, retry: { retries: 0 } },
      });
      await screen.findByShadowText('Loading hunt groups…');
      expect(editor.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
      await expect(editor).shadowDom.to.be.accessible();
      adapter.faults.clear();
      await screen.findByShadowRole('table', { name: 'Hunt groups' });

      const failing = memory();
      failing.faults.failNext(1, 'unavailable');
      const second = await renderEditor({ adapter: failing });
      const alert = await second.screen.findByShadowRole('alert');
      expect(alert.textContent).to.include('The service is not available right now.');
      await expect(second.editor).shadowDom.to.be.accessible();
      second.screen.getByShadowRole('button', { name: 'Try again' }).click();
      await second.screen.findByShadowRole('table', { name: 'Hunt groups' });
    });

    it('shows "not connected" without an adapter', async () => {
      const { editor, screen } = await renderEditor({ adapter: null });
      expect((await screen.findByShadowText('Not connected')).closest('[role="status"]')).to.exist;
      expect(screen.queryByShadowRole('button')).to.equal(null);
      await expect(editor).shadowDom.to.be.accessible();
    });

    it('says calmly that an account without a PBX has no hunt groups (no error, nothing to retry)', async () => {
      const adapter = memory({ customer: 'residential' });
      const { editor, screen } = await renderEditor({ adapter });
      expect((await screen.findByShadowText('Hunt groups are not available for this account.')).getAttribute('role')).to.equal('status');
      expect(screen.queryByShadowRole('alert')).to.equal(null);
      expect(screen.queryByShadowRole('button')).to.equal(null);
      expect(visibleText(editor)).not.to.include('View only');
      await expect(editor).shadowDom.to.be.accessible();
    });

    it('deletes a group only after confirmation', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      (
        await screen.findByShadowRole('button', {
          name: 'Delete 220 Clinical Team',
        })
      ).click();
      await settle(editor);
      const dialog = screen.getByShadowRole('dialog', {
        name: 'Delete hunt group?',
      });
      expect(dialog.textContent).to.include('Calls to 220 will no longer ring its members.');
      await expect(editor).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Cancel' }).click();
      await settle(editor);
      expect(adapter.data.huntGroups).to.have.length(3);
      screen.getByShadowRole('button', { name: 'Delete 220 Clinical Team' }).click();
      await settle(editor);
      const changed = oneEvent(editor, 'rs-hunt-group-change');
      screen.getByShadowRole('button', { name: 'Delete' }).click();
      const event = (await changed) as CustomEvent<HuntGroupChangeDetail>;
      expect(event.detail).to.deep.equal({
        action: 'deleted',
        id: 'hg-3',
        group: null,
      });
      await waitUntil(() => editor.shadowRoot!.querySelectorAll('tbody tr').length === 2);
      expect(adapter.data.huntGroups.map((group) => group.number)).to.deep.equal(['200', '210']);
      expect(status(editor)).to.equal('Hunt group 220 Clinical Team deleted.');
    });
  });

  describe('the editor', () => {
    it('creates a group, with a one-line explanation of each sequence', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      (await screen.findByShadowRole('button', { name: 'Add hunt group' })).click();
      await settle(editor);
      expect(screen.getByShadowRole('heading', { name: 'New hunt group' })).to.exist;
      expect(screen.getByShadowRole('radio', { name: /All at once/ }).getAttribute('aria-describedby')).to.equal('sequence-hint-simultaneous');
      expect(visibleText(editor)).to.include('Rings every member at the same time; the first to answer takes the call.');
      expect(visibleText(editor)).to.include('Digits only, 3 digits, different from every extension number.');
      await expect(editor).shadowDom.to.be.accessible();
      type(screen.getByShadowLabelText('Group number'), '230');
      type(screen.getByShadowLabelText('Name'), 'Night line');
      toggle(screen.getByShadowRole('radio', { name: /Random/ }));
      const select = screen.getByShadowLabelText('Caller ID shown to members') as HTMLSelectElement;
      select.value = 'group_name_and_number';
      select.dispatchEvent(new Event('change'));
      await settle(editor);
      const created = oneEvent(editor, 'rs-hunt-group-change');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      const event = (await created) as CustomEvent<HuntGroupChangeDetail>;
      expect(event.detail.action).to.equal('created');
      const stored = adapter.data.huntGroups.find((group) => group.number === '230')!;
      expect(stored).to.include({
        name: 'Night line',
        sequence: 'random',
        callerIdMode: 'group_name_and_number',
        pickupAllowed: true,
      });
      await settle(editor);
      expect(screen.getByShadowRole('heading', { name: 'Hunt group 230 Night line' })).to.exist;
      expect(status(editor)).to.equal('Hunt group 230 Night line created.');
    });

    it('refuses bad input at the field it concerns, in the user’s language, keeping what was typed', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      (await screen.findByShadowRole('button', { name: 'Add hunt group' })).click();
      await settle(editor);
      type(screen.getByShadowLabelText('Group number'), '101');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await settle(editor);
      const number = screen.getByShadowLabelText('Group number') as HTMLInputElement;
      expect(number.value).to.equal('101');
      expect(number.getAttribute('aria-invalid')).to.equal('true');
      expect(screen.getByShadowText('This number is already used by an extension or another hunt group.').id).to.equal(
        number.getAttribute('aria-describedby')!.split(' ')[1]
      );
      expect(screen.getByShadowLabelText('Name').getAttribute('aria-invalid')).to.equal('true');
      expect(editor.shadowRoot!.activeElement).to.equal(number);
      expect(screen.getByShadowRole('alert').textContent).to.include('Your changes are kept.');
      await expect(editor).shadowDom.to.be.accessible();
      type(number, '12');
      await settle(editor);
      expect(visibleText(editor)).to.include('Use exactly 3 digits.');
      expect(adapter.data.huntGroups).to.have.length(3);
    });

    it('shows the backend’s reasons at their fields when it refuses a save', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '210 Billing Desk');
      // Someone took the number after the list was read: only the backend knows.
      adapter.data.extensions[11]!.number = '233';
      type(screen.getByShadowLabelText('Group number'), '233');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => screen.queryByShadowText('This number is already used by an extension or another hunt group.'));
      expect((screen.getByShadowLabelText('Group number') as HTMLInputElement).value).to.equal('233');
    });

    it('names a backend reason by its field’s label, and a field it does not know by a generic text', async () => {
      const adapter = memory();
      adapter.huntGroups!.update = async () => {
        throw new RingsideError('validation', {
          fields: [
            { field: 'schedule', reason: 'branch_only' },
            { field: 'members.9.ringTime', reason: 'too_large', params: { max: 300 } },
          ],
        });
      };
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      const alert = await screen.findByShadowRole('alert');
      const items = within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent!.trim());
      expect(items).to.deep.equal(['Another setting: This value is not valid.', 'Members: The largest value is 300.']);
      expect(alert.textContent).not.to.include('schedule');
      await expect(editor).shadowDom.to.be.accessible();
    });

    it('stays on the group the user opened while an earlier save was still under way', async () => {
      const adapter = memory();
      const update = adapter.huntGroups!.update;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      adapter.huntGroups!.update = async (...args) => {
        await released;
        return update(...args);
      };
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      type(screen.getByShadowLabelText('Name'), 'Reception');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Back to hunt groups' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Keep draft' }).click();
      await openGroup(screen, editor, '210 Billing Desk');
      release();
      await waitUntil(() => status(editor) === 'Hunt group 200 Reception saved.', `status: ${status(editor)}`);
      await settle(editor);
      expect(screen.getByShadowRole('heading', { name: 'Hunt group 210 Billing Desk' })).to.exist;
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Billing Desk');
      expect(adapter.data.huntGroups.find((group) => group.id === 'hg-1')).to.include({ name: 'Reception' });
    });

    it('keeps the draft when a save fails, and saves it on retry without a second group', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      (await screen.findByShadowRole('button', { name: 'Add hunt group' })).click();
      await settle(editor);
      type(screen.getByShadowLabelText('Group number'), '240');
      type(screen.getByShadowLabelText('Name'), 'Overflow');
      // The create reaches the backend, but its answer is lost.
      const create = adapter.huntGroups!.create;
      adapter.huntGroups!.create = async (...args) => {
        await create(...args);
        throw Object.assign(new TypeError('Failed to fetch'));
      };
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => screen.queryByShadowRole('alert'));
      expect(screen.getByShadowRole('alert').textContent).to.include('Cannot reach the service.').and.include('Your changes are kept.');
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Overflow');
      adapter.huntGroups!.create = create;
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => status(editor) === 'Hunt group 240 Overflow saved.', `status: ${status(editor)}; ${visibleText(editor)}`);
      expect(adapter.data.huntGroups.filter((group) => group.number === '240')).to.have.length(1);
    });
  });

  describe('members', () => {
    it('adds an extension with the searchable picker, by keyboard', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '210 Billing Desk');
      await openTab(screen, editor, 'Members');
      const combo = screen.getByShadowRole('combobox', {
        name: 'Add an extension',
      });
      combo.focus();
      type(combo, 'dr');
      await settle(editor);
      const options = screen.getAllByShadowRole('option');
      expect(options.map((option) => option.textContent!.trim())).to.deep.equal(['103 Dr. Amara Okafor', '104 Dr. Sean Brennan']);
      expect(combo.getAttribute('aria-expanded')).to.equal('true');
      await expect(editor).shadowDom.to.be.accessible();
      key(combo, 'ArrowDown');
      await settle(editor);
      expect(combo.getAttribute('aria-activedescendant')).to.equal('member-option-1');
      key(combo, 'Enter');
      await settle(editor);
      expect(memberOrder(editor)).to.deep.equal(['105 Lena Fischer', '106 Marco Ruiz', '104 Dr. Sean Brennan']);
      expect(status(editor)).to.equal('104 Dr. Sean Brennan added.');
      expect(editor.shadowRoot!.activeElement).to.equal(combo);
      // Members are not offered again.
      type(combo, '10');
      await settle(editor);
      expect(screen.getAllByShadowRole('option').map((option) => option.textContent!.trim())).not.to.include('105 Lena Fischer');
      key(combo, 'Escape');
      await settle(editor);
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
    });

    it('reorders by buttons, Alt+arrow keys and drag and drop, announcing each move', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      expect(memberOrder(editor)).to.deep.equal(['101 Front Desk', '109 Grace Whitfield', '105 Lena Fischer']);
      screen.getByShadowRole('button', { name: 'Move 105 Lena Fischer up' }).click();
      await settle(editor);
      expect(memberOrder(editor)).to.deep.equal(['101 Front Desk', '105 Lena Fischer', '109 Grace Whitfield']);
      expect(status(editor)).to.equal('105 Lena Fischer moved to position 2 of 3.');
      expect(editor.shadowRoot!.activeElement).to.equal(screen.getByShadowRole('button', { name: 'Move 105 Lena Fischer up' }));

      key(
        screen.getByShadowRole('spinbutton', {
          name: 'Ring delay in seconds for 105 Lena Fischer',
        }),
        'ArrowUp',
        { altKey: true }
      );
      await settle(editor);
      expect(memberOrder(editor)).to.deep.equal(['105 Lena Fischer', '101 Front Desk', '109 Grace Whitfield']);
      expect(status(editor)).to.equal('105 Lena Fischer moved to position 1 of 3.');
      expect(editor.shadowRoot!.activeElement).to.equal(
        screen.getByShadowRole('spinbutton', {
          name: 'Ring delay in seconds for 105 Lena Fischer',
        })
      );

      const rows = editor.shadowRoot!.querySelectorAll<HTMLElement>('#panel-members tbody tr');
      const dataTransfer = new DataTransfer();
      rows[0]!.querySelector('.grip')!.dispatchEvent(
        new DragEvent('dragstart', {
          bubbles: true,
          composed: true,
          dataTransfer,
        })
      );
      rows[2]!.dispatchEvent(
        new DragEvent('dragover', {
          bubbles: true,
          composed: true,
          cancelable: true,
          dataTransfer,
        })
      );
      rows[2]!.dispatchEvent(
        new DragEvent('drop', {
          bubbles: true,
          composed: true,
          cancelable: true,
          dataTransfer,
        })
      );
      await settle(editor);
      expect(memberOrder(editor)).to.deep.equal(['101 Front Desk', '109 Grace Whitfield', '105 Lena Fischer']);
      expect(status(editor)).to.equal('105 Lena Fischer moved to position 3 of 3.');
      await expect(editor).shadowDom.to.be.accessible();

      screen.getByShadowRole('button', { name: 'Move 101 Front Desk down' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => status(editor).startsWith('Hunt group 200'));
      expect(adapter.data.huntGroups[0]!.members.map((member) => member.extensionId)).to.deep.equal(['ext-9', 'ext-1', 'ext-5']);
    });

    it('shows the order only for the "in order" sequence', async () => {
      const { editor, screen } = await renderEditor();
      await openGroup(screen, editor, '210 Billing Desk');
      await openTab(screen, editor, 'Members');
      expect(screen.queryByShadowRole('columnheader', { name: 'Order' })).to.equal(null);
      expect(screen.queryByShadowRole('button', { name: /^Move / })).to.equal(null);
      expect(visibleText(editor)).to.include('With this hunt sequence the order of the members does not matter.');
      await openTab(screen, editor, 'Settings');
      toggle(screen.getByShadowRole('radio', { name: /In order/ }));
      await openTab(screen, editor, 'Members');
      expect(screen.getByShadowRole('columnheader', { name: 'Order' })).to.exist;
      expect(screen.getByShadowRole('button', { name: 'Move 106 Marco Ruiz up' })).to.exist;
    });

    it('edits ring delay, ring time or "until answered", follow-me, and moves the primary group here', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      type(
        screen.getByShadowRole('spinbutton', {
          name: 'Ring delay in seconds for 109 Grace Whitfield',
        }),
        '5'
      );
      toggle(
        screen.getByShadowRole('checkbox', {
          name: '101 Front Desk rings until answered',
        })
      );
      toggle(
        screen.getByShadowRole('checkbox', {
          name: 'Ignore follow-me and voicemail for 109 Grace Whitfield',
        })
      );
      await settle(editor);
      expect(
        (
          screen.getByShadowRole('spinbutton', {
            name: 'Ring time in seconds for 101 Front Desk',
          }) as HTMLInputElement
        ).disabled
      ).to.equal(true);
      // Lena's primary group is 210 Billing Desk: the editor says it moves.
      toggle(
        screen.getByShadowRole('checkbox', {
          name: 'Make this the primary group of 105 Lena Fischer',
        })
      );
      await settle(editor);
      expect(visibleText(editor)).to.include('Saving moves the primary group of 105 Lena Fischer here from 210 Billing Desk.');
      await expect(editor).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => status(editor).startsWith('Hunt group 200'));
      const [desk, grace, lena] = adapter.data.huntGroups[0]!.members;
      expect(desk).to.include({ ringTime: null });
      expect(grace).to.include({ ringDelay: 5, ignoreFollowMe: true });
      expect(lena).to.include({ primary: true });
      expect(adapter.data.extensions.find((extension) => extension.id === 'ext-5')!.primaryGroupId).to.equal('hg-1');
    });

    it('refuses seconds out of range at the member’s field', async () => {
      const { editor, screen } = await renderEditor();
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      type(
        screen.getByShadowRole('spinbutton', {
          name: 'Ring time in seconds for 109 Grace Whitfield',
        }),
        '900'
      );
      await openTab(screen, editor, 'Settings');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await settle(editor);
      const field = screen.getByShadowRole('spinbutton', {
        name: 'Ring time in seconds for 109 Grace Whitfield',
      });
      expect(screen.getByShadowRole('tab', { name: /Members/ }).getAttribute('aria-selected')).to.equal('true');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(editor.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal('The largest value is 600.');
      expect(editor.shadowRoot!.activeElement).to.equal(field);
    });

    it('shows each member’s pickup code when pickup is allowed and a prefix is set', async () => {
      const { editor, screen } = await renderEditor();
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      const help = screen.getByShadowRole('region', {
        name: 'Call pickup codes',
      });
      const lines = [...help.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
      expect(lines).to.deep.equal(['101 Front Desk (primary group) *77', '109 Grace Whitfield (primary group) *77', '105 Lena Fischer *77200']);
      expect(help.textContent).to.include('dials the pickup prefix *77 alone if this is their primary group');
      await openTab(screen, editor, 'Settings');
      toggle(screen.getByShadowRole('checkbox', { name: 'Allow call pickup' }));
      await openTab(screen, editor, 'Members');
      expect(help.isConnected ? screen.getByShadowRole('region', { name: 'Call pickup codes' }).textContent : '').to.include(
        'Call pickup is not allowed in this group.'
      );
    });

    it('shows no pickup help without a prefix', async () => {
      const adapter = memory();
      adapter.data.pickup.prefix = null;
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      expect(screen.queryByShadowRole('region', { name: 'Call pickup codes' })).to.equal(null);
    });
  });

  describe('included groups', () => {
    it('includes a group with ignore follow-me, and refuses a cycle naming its path', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '210 Billing Desk');
      await openTab(screen, editor, 'Included groups');
      const select = screen.getByShadowLabelText('Group to include') as HTMLSelectElement;
      expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['200 Front Office', '220 Clinical Team']);
      // 200 already includes 210.
      screen.getByShadowRole('button', { name: 'Include group' }).click();
      await settle(editor);
      expect(visibleText(editor)).to.include('These groups would include each other in a loop: 210 → 200 → 210.');
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      await expect(editor).shadowDom.to.be.accessible();
      select.value = 'hg-3';
      select.dispatchEvent(new Event('change'));
      screen.getByShadowRole('button', { name: 'Include group' }).click();
      await settle(editor);
      expect(visibleText(editor)).not.to.include('loop');
      toggle(
        screen.getByShadowRole('checkbox', {
          name: /Ignore follow-me and voicemail \(220 Clinical Team\)/,
        })
      );
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => status(editor).startsWith('Hunt group 210'));
      expect(adapter.data.huntGroups[1]!.includedGroups).to.deep.equal([{ groupId: 'hg-3', ignoreFollowMe: true }]);
    });

    it('shows the backend’s cycle refusal with its path when the list was out of date', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '220 Clinical Team');
      await openTab(screen, editor, 'Included groups');
      // Meanwhile, elsewhere: 200 Front Office now includes 220 too.
      adapter.data.huntGroups[0]!.includedGroups.push({
        groupId: 'hg-3',
        ignoreFollowMe: false,
      });
      const select = screen.getByShadowLabelText('Group to include') as HTMLSelectElement;
      select.value = 'hg-1';
      select.dispatchEvent(new Event('change'));
      screen.getByShadowRole('button', { name: 'Include group' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => visibleText(editor).includes('loop'));
      expect(visibleText(editor)).to.include('These groups would include each other in a loop: 220 → 200 → 220.');
      expect(adapter.data.huntGroups[2]!.includedGroups).to.deep.equal([]);
    });

    it('has no included-groups tab when the backend cannot include groups', async () => {
      const { editor, screen } = await renderEditor({
        adapter: memory({
          capabilities: { huntGroups: { includeGroups: false } },
        }),
      });
      await openGroup(screen, editor, '210 Billing Desk');
      expect(screen.queryByShadowRole('tab', { name: /Included/ })).to.equal(null);
    });

    it('offers only the sequences the backend lists', async () => {
      const { editor, screen } = await renderEditor({
        adapter: memory({
          capabilities: {
            huntGroups: { sequences: ['order', 'simultaneous'] },
          },
        }),
      });
      await openGroup(screen, editor, '210 Billing Desk');
      expect(screen.getAllByShadowRole('radio').map((radio) => radio.getAttribute('value'))).to.deep.equal(['order', 'simultaneous']);
    });
  });

  describe('editing safety', () => {
    it('keeps a draft per group when the user leaves, after asking', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      type(screen.getByShadowLabelText('Name'), 'Reception');
      await openTab(screen, editor, 'Members');
      await openTab(screen, editor, 'Settings');
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Reception');
      screen.getByShadowRole('button', { name: 'Back to hunt groups' }).click();
      await settle(editor);
      const dialog = screen.getByShadowRole('dialog', {
        name: 'Unsaved changes',
      });
      expect(dialog.textContent).to.include('Your changes to 200 Front Office are not saved.');
      await expect(editor).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Stay here' }).click();
      await settle(editor);
      expect(screen.getByShadowLabelText('Name')).to.exist;
      screen.getByShadowRole('button', { name: 'Back to hunt groups' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Keep draft' }).click();
      await settle(editor);
      expect(
        screen.getByShadowRole('rowheader', {
          name: /Front Office Unsaved changes/,
        })
      ).to.exist;
      expect(editor.hasUnsavedChanges).to.equal(true);
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      expect(unload.defaultPrevented).to.equal(true);
      await openGroup(screen, editor, '210 Billing Desk');
      type(screen.getByShadowLabelText('Name'), 'Accounts');
      screen.getByShadowRole('button', { name: 'Back to hunt groups' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Discard and leave' }).click();
      await settle(editor);
      await openGroup(screen, editor, '200 Front Office');
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Reception');
      expect(adapter.data.huntGroups[0]!.name).to.equal('Front Office');
      screen.getByShadowRole('button', { name: 'Back to hunt groups' }).click();
      await settle(editor);
      screen.getByShadowRole('button', { name: 'Discard and leave' }).click();
      await settle(editor);
      await openGroup(screen, editor, '210 Billing Desk');
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Billing Desk');
      const clean = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(clean);
      expect(clean.defaultPrevented).to.equal(false);
    });

    it('on a conflict shows both versions and merges field by field', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      await openGroup(screen, editor, '200 Front Office');
      type(screen.getByShadowLabelText('Name'), 'Reception');
      // Someone else saves the group in the meantime.
      const current = await adapter.huntGroups!.get('hg-1');
      const { id: _id, version, ...input } = current;
      await adapter.huntGroups!.update('hg-1', { ...input, name: 'Front Office East', sequence: 'simultaneous' }, { ifMatch: version });
      screen.getByShadowRole('button', { name: 'Save' }).click();
      const conflict = await screen.findByShadowRole('alert', {
        name: 'Someone else changed this group',
      });
      const rows = [...conflict.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows).to.deep.equal(['Name Reception Front Office East', 'Hunt sequence In order All at once']);
      // Each radio is named by the value it keeps and described by the field it is for.
      const radio = (name: string, description: string) => screen.getByShadowRole('radio', { name, description }) as HTMLInputElement;
      expect(radio('Reception', 'Name').checked).to.equal(true);
      expect(radio('Front Office East', 'Name').checked).to.equal(false);
      expect(radio('In order', 'Hunt sequence').checked).to.equal(false);
      expect(radio('All at once', 'Hunt sequence').checked).to.equal(true);
      await expect(editor).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Use the selected values' }).click();
      await settle(editor);
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Reception');
      expect(
        (
          screen.getByShadowRole('radio', {
            name: /All at once/,
          }) as HTMLInputElement
        ).checked
      ).to.equal(true);
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await waitUntil(() => status(editor).startsWith('Hunt group 200'));
      expect(adapter.data.huntGroups[0]).to.include({
        name: 'Reception',
        sequence: 'simultaneous',
      });
    });

    it('on a conflict can overwrite with mine or take theirs', async () => {
      const adapter = memory();
      const { editor, screen } = await renderEditor({ adapter });
      const someoneElse = async (name: string) => {
        const { id: _id, version, ...input } = await adapter.huntGroups!.get('hg-2');
        await adapter.huntGroups!.update('hg-2', { ...input, name }, { ifMatch: version });
      };
      await openGroup(screen, editor, '210 Billing Desk');
      type(screen.getByShadowLabelText('Name'), 'Accounts');
      await someoneElse('Billing Team');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await screen.findByShadowRole('alert', {
        name: 'Someone else changed this group',
      });
      screen.getByShadowRole('button', { name: 'Save my version' }).click();
      await waitUntil(() => adapter.data.huntGroups[1]!.name === 'Accounts');

      type(screen.getByShadowLabelText('Name'), 'Accounts 2');
      await someoneElse('Billing Team 2');
      screen.getByShadowRole('button', { name: 'Save' }).click();
      await screen.findByShadowRole('alert', {
        name: 'Someone else changed this group',
      });
      screen.getByShadowRole('button', { name: 'Take their version' }).click();
      await settle(editor);
      expect((screen.getByShadowLabelText('Name') as HTMLInputElement).value).to.equal('Billing Team 2');
      expect(editor.hasUnsavedChanges).to.equal(false);
    });
  });

  describe('keyboard and themes', () => {
    it('moves between tabs with the arrow keys, Home and End', async () => {
      const { editor, screen } = await renderEditor();
      await openGroup(screen, editor, '200 Front Office');
      const settings = screen.getByShadowRole('tab', { name: 'Settings' });
      settings.focus();
      key(settings, 'ArrowRight');
      await settle(editor);
      const members = screen.getByShadowRole('tab', { name: 'Members' });
      expect(members.getAttribute('aria-selected')).to.equal('true');
      expect(editor.shadowRoot!.activeElement).to.equal(members);
      expect(screen.getByShadowRole('tabpanel', { name: 'Members' })).to.exist;
      key(members, 'End');
      await settle(editor);
      expect(editor.shadowRoot!.activeElement).to.equal(screen.getByShadowRole('tab', { name: 'Included groups' }));
      key(editor.shadowRoot!.activeElement as HTMLElement, 'Home');
      await settle(editor);
      expect(editor.shadowRoot!.activeElement).to.equal(settings);
      key(settings, 'ArrowLeft');
      await settle(editor);
      expect(screen.getByShadowRole('tab', { name: 'Included groups' }).getAttribute('aria-selected')).to.equal('true');
    });

    it('passes axe in the dark theme, with the members, picker and pickup codes open', async () => {
      const { editor, screen } = await renderEditor({ theme: 'dark' });
      await openGroup(screen, editor, '200 Front Office');
      await openTab(screen, editor, 'Members');
      const combo = screen.getByShadowRole('combobox', { name: 'Add an extension' });
      combo.focus();
      type(combo, '1');
      await settle(editor);
      expect(screen.getAllByShadowRole('option').length).to.be.greaterThan(0);
      await expect(editor).shadowDom.to.be.accessible();
    });
  });

  describe('read-only', () => {
    it('shows groups and details without controls that change them', async () => {
      for (const options of [
        {
          adapter: memory(),
          template: html`<rs-huntgroup-editor readonly></rs-huntgroup-editor>`,
        },
        {
          adapter: memory({ capabilities: { huntGroups: { write: false } } }),
          template: html`<rs-huntgroup-editor></rs-huntgroup-editor>`,
        },
      ]) {
        const { editor, screen } = await renderEditor({ adapter: options.adapter }, options.template);
        await screen.findByShadowRole('table', { name: 'Hunt groups' });
        expect(visibleText(editor)).to.include('View only');
        expect(screen.queryByShadowRole('button', { name: 'Add hunt group' })).to.equal(null);
        expect(screen.queryByShadowRole('button', { name: /^Delete/ })).to.equal(null);
        screen.getByShadowRole('button', { name: 'View 200 Front Office' }).click();
        await settle(editor);
        expect(screen.getByShadowLabelText('Name').matches(':disabled')).to.equal(true);
        expect(screen.queryByShadowRole('button', { name: 'Save' })).to.equal(null);
        await openTab(screen, editor, 'Members');
        expect(screen.queryByShadowRole('combobox')).to.equal(null);
        expect(screen.queryByShadowRole('button', { name: /^Move/ })).to.equal(null);
        await expect(editor).shadowDom.to.be.accessible();
      }
    });
  });

  describe('languages', () => {
    it('speaks German', async () => {
      const { editor, screen } = await renderEditor({ locale: 'de' });
      await screen.findByShadowRole('table', { name: 'Sammelrufgruppen' });
      expect(screen.getByShadowRole('button', { name: 'Sammelrufgruppe hinzufügen' })).to.exist;
      expect(visibleText(editor)).to.include('Der Reihe nach');
      screen.getByShadowRole('button', { name: '210 Billing Desk bearbeiten' }).click();
      await settle(editor);
      type(screen.getByShadowLabelText('Gruppennummer'), '21');
      screen.getByShadowRole('button', { name: 'Speichern' }).click();
      await settle(editor);
      expect(visibleText(editor)).to.include('Bitte genau 3 Ziffern verwenden.');
    });

    it('renders Arabic right to left, with its plural forms', async () => {
      const { editor, screen } = await renderEditor({ locale: 'ar' });
      await screen.findByShadowRole('table', { name: 'مجموعات الرنين' });
      expect(getComputedStyle(editor).direction).to.equal('rtl');
      expect(screen.getByShadowRole('list', { name: '3 أعضاء في 200 Front Office' })).to.exist;
      expect(screen.getByShadowRole('list', { name: 'عضوان في 210 Billing Desk' })).to.exist;
      await expect(editor).shadowDom.to.be.accessible();
    });
  });
});
