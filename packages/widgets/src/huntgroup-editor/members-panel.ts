/** The "Members" tab: the members' table (timings, follow-me, primary group, order), the picker and pickup codes. */
import type { FieldReason } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { updateMember, type HuntGroupDraft, type MemberDraft } from './draft.js';
import { fieldError } from './editor-parts.js';
import { controlId, primaryMovesFrom } from './editor-state.js';
import type { EditorText } from './editor-text.js';
import type { MemberReorder } from './member-reorder.js';
import { renderPickupHelp } from './pickup-help.js';
import { RING_DELAY_MAX, RING_TIME_MAX } from './rules.js';

export interface MembersView {
  text: EditorText;
  draft: HuntGroupDraft;
  reasons: readonly FieldReason[];
  canWrite: boolean;
  reorder: MemberReorder;
  /** The picker that adds members, when the user may change the group. */
  picker: TemplateResult | typeof nothing;
  /** The call pickup prefix, once the backend said. */
  pickupPrefix: string | null;
  change(update: (draft: HuntGroupDraft) => HuntGroupDraft): void;
  remove(index: number, name: string): void;
}

export function renderMembers(view: MembersView): TemplateResult {
  const { text, draft, canWrite } = view;
  const members = draft.value.members;
  const ordered = draft.value.sequence === 'order';
  const reorderable = ordered && canWrite && members.length > 1;
  const membersError = fieldError(
    text,
    'members',
    view.reasons.filter((reason) => reason.field === 'members')
  );
  return html`<div class="members">
    <p class="hint" id="members-hint">${text.t(ordered ? 'members.orderHint' : 'members.noOrderHint')}</p>
    ${membersError.message}
    ${members.length === 0
      ? html`<p class="hint">${text.t('members.empty')}</p>`
      : html`<div class="table-wrap">
          <table aria-labelledby="tab-members" aria-describedby="members-hint">
            <thead>
              <tr>
                ${ordered ? html`<th scope="col">${text.t('members.position')}</th>` : nothing}
                <th scope="col">${text.t('members.extension')}</th>
                <th scope="col">${text.t('members.ringDelay')}</th>
                <th scope="col">${text.t('members.ringTime')}</th>
                <th scope="col">${text.t('members.ignoreFollowMe')}</th>
                <th scope="col">${text.t('members.primary')}</th>
                ${canWrite
                  ? html`<th scope="col">
                      <span class="visually-hidden">${text.t('column.actions')}</span>
                    </th>`
                  : nothing}
              </tr>
            </thead>
            <tbody>
              ${repeat(
                members,
                (member) => member.extensionId,
                (member, index) => renderMemberRow(view, member, index, ordered, reorderable)
              )}
            </tbody>
          </table>
        </div>`}
    <p class="hint" id="primary-hint">${text.t('members.primaryHint')}</p>
    ${view.picker} ${renderPickupHelp(text, draft.value, view.pickupPrefix)}
  </div>`;
}

function renderMemberRow(view: MembersView, member: MemberDraft, index: number, ordered: boolean, reorderable: boolean): TemplateResult {
  const { text, draft, reorder } = view;
  const name = text.memberName(member.extensionId);
  const memberError = fieldError(text, `members.${index}.extensionId`, view.reasons);
  const movesFrom = primaryMovesFrom(member, text.extension(member.extensionId), draft.base?.id ?? null);
  const update = (patch: Partial<MemberDraft>) => view.change((d) => updateMember(d, index, patch));
  const seconds = (control: 'ringDelay' | 'ringTime', min: number, max: number, disabled = false) => {
    const field = `members.${index}.${control}`;
    const error = fieldError(text, field, view.reasons);
    return {
      input: html`<input
        class="seconds"
        type="number"
        min=${min}
        max=${max}
        step="1"
        inputmode="numeric"
        id=${controlId(field)}
        data-control=${control}
        .value=${live(member[control])}
        ?disabled=${disabled}
        aria-label=${text.t(`members.${control}Label`, { member: name })}
        aria-invalid=${error.invalid}
        aria-describedby=${error.describedBy ?? nothing}
        @input=${(event: Event) => update({ [control]: (event.target as HTMLInputElement).value })}
      />`,
      message: error.message,
    };
  };
  const check = (control: 'ringsUntilAnswered' | 'ignoreFollowMe' | 'primary', dataControl: string, label: string, describedBy?: string) =>
    html`<input
      type="checkbox"
      data-control=${dataControl}
      .checked=${live(member[control])}
      aria-label=${text.t(label, { member: name })}
      aria-describedby=${describedBy ?? nothing}
      @change=${(event: Event) => update({ [control]: (event.target as HTMLInputElement).checked })}
    />`;
  const delay = seconds('ringDelay', 0, RING_DELAY_MAX);
  const time = seconds('ringTime', 1, RING_TIME_MAX, member.ringsUntilAnswered);
  return html`<tr
    data-row=${index}
    class=${reorder.isDropTarget(index) ? 'drop-target' : ''}
    @keydown=${(event: KeyboardEvent) => reorder.rowKey(event, index)}
    @dragover=${(event: DragEvent) => reorder.dragOver(event, index)}
    @dragleave=${() => reorder.dragLeave()}
    @drop=${(event: DragEvent) => reorder.drop(event, index)}
  >
    ${ordered ? html`<td class="position">${reorderable ? reorder.grip(text, index) : nothing} ${text.number(index + 1)}</td>` : nothing}
    <th scope="row">${name}${memberError.message}</th>
    <td>${delay.input} ${delay.message}</td>
    <td>
      <div class="ring-time">
        ${time.input}
        <label class="check small">
          ${check('ringsUntilAnswered', 'untilAnswered', 'members.untilAnsweredLabel')}<span aria-hidden="true">${text.t('members.untilAnswered')}</span>
        </label>
      </div>
      ${time.message}
    </td>
    <td>${check('ignoreFollowMe', 'ignoreFollowMe', 'members.ignoreFollowMeLabel')}</td>
    <td>
      ${check('primary', 'primary', 'members.primaryLabel', movesFrom ? `moves-${index} primary-hint` : 'primary-hint')}
      ${movesFrom
        ? html`<p class="note" id="moves-${index}">${text.t('members.primaryMoves', { member: name, group: text.groupNameById(movesFrom) })}</p>`
        : nothing}
    </td>
    ${view.canWrite
      ? html`<td class="row-actions">
          ${reorderable ? reorder.buttons(text, index, draft.value.members.length, name) : nothing}
          <button type="button" data-control="remove" aria-label=${text.t('members.remove', { member: name })} @click=${() => view.remove(index, name)}>
            ${text.t('members.removeShort')}
          </button>
        </td>`
      : nothing}
  </tr>`;
}
