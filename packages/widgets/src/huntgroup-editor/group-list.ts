/** The table of hunt groups, with its alerts, the note about a kept new draft, and "Add". */
import type { HuntGroup, RingsideError } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { NEW_GROUP, type HuntGroupDraft } from './draft.js';
import { loadError } from './editor-parts.js';
import { isKeptDirty } from './editor-state.js';
import type { EditorText } from './editor-text.js';

export interface LoadFailure {
  error: RingsideError;
  retry: () => void;
}

export interface GroupListView {
  text: EditorText;
  groups: readonly HuntGroup[];
  drafts: ReadonlyMap<string, HuntGroupDraft>;
  canWrite: boolean;
  busyDeleting: boolean;
  /** A failed delete. */
  listError: RingsideError | null;
  /** Failed loads of the groups or the extensions, each with its retry. */
  loadFailures: readonly LoadFailure[];
  open(key: string): void;
  askDelete(group: HuntGroup): void;
}

export function renderGroupList(view: GroupListView): TemplateResult {
  const { text, groups } = view;
  const add = view.canWrite
    ? html`<div class="actions">
        <button type="button" class="primary" id="add-group" @click=${() => view.open(NEW_GROUP)}>${text.t('add')}</button>
      </div>`
    : nothing;
  const note = isKeptDirty(view.drafts, NEW_GROUP) ? renderNewDraftNote(view) : nothing;
  const errors = html`${view.listError
    ? html`<div class="alert danger" role="alert">
        <p>${text.error(view.listError)}</p>
      </div>`
    : nothing}
  ${view.loadFailures.map((failure) => loadError(text, failure.error, failure.retry))}`;
  if (groups.length === 0) {
    return html`${errors}
      <div class="empty">
        <p>${text.t('empty')}</p>
        <p class="hint">${text.t('emptyHint')}</p>
      </div>
      ${note} ${add}`;
  }
  return html`${errors}
    <div class="table-wrap">
      <table part="list" aria-labelledby="title">
        <thead>
          <tr>
            <th scope="col">${text.t('column.number')}</th>
            <th scope="col">${text.t('column.name')}</th>
            <th scope="col">${text.t('column.sequence')}</th>
            <th scope="col">${text.t('column.members')}</th>
            <th scope="col">${text.t('column.callerId')}</th>
            <th scope="col">${text.t('column.pickup')}</th>
            <th scope="col">
              <span class="visually-hidden">${text.t('column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            groups,
            (group) => group.id,
            (group) => renderGroupRow(view, group)
          )}
        </tbody>
      </table>
    </div>
    ${note} ${add}`;
}

function renderGroupRow(view: GroupListView, group: HuntGroup): TemplateResult {
  const { text, canWrite } = view;
  const name = text.groupName(group);
  return html`<tr>
    <td class="number">${group.number}</td>
    <th scope="row">${group.name}${isKeptDirty(view.drafts, group.id) ? html` <span class="badge warning">${text.t('unsaved')}</span>` : nothing}</th>
    <td>${text.label('sequence', group.sequence)}</td>
    <td>
      ${group.members.length === 0
        ? html`<span class="hint">${text.t('noMembers')}</span>`
        : html`<ul class="plain" aria-label=${text.t('membersOf', { group: name, count: group.members.length })}>
            ${group.members.map((member) => html`<li>${text.memberName(member.extensionId)}</li>`)}
          </ul>`}
    </td>
    <td>${text.label('callerId', group.callerIdMode)}</td>
    <td>${text.t(group.pickupAllowed ? 'yes' : 'no')}</td>
    <td class="row-actions">
      <button
        type="button"
        data-open=${group.id}
        aria-label=${text.t(canWrite ? 'editLabel' : 'viewLabel', { group: name })}
        @click=${() => view.open(group.id)}
      >
        ${text.t(canWrite ? 'edit' : 'view')}
      </button>
      ${canWrite
        ? html`<button
            type="button"
            class="danger"
            data-delete=${group.id}
            aria-label=${text.t('deleteLabel', { group: name })}
            ?disabled=${view.busyDeleting}
            @click=${() => view.askDelete(group)}
          >
            ${text.t('delete')}
          </button>`
        : nothing}
    </td>
  </tr>`;
}

function renderNewDraftNote(view: GroupListView): TemplateResult {
  return html`<p class="note">
    ${view.text.t('newDraftKept')}
    <button type="button" class="link" @click=${() => view.open(NEW_GROUP)}>${view.text.t('newDraftOpen')}</button>
  </p>`;
}
