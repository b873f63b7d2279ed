/** The confirmations: deleting a group, and leaving a group with unsaved changes. */
import type { HuntGroup } from '@ringside/core';
import { html, type TemplateResult } from 'lit';
import type { EditorText } from './editor-text.js';

export type Dialog = { kind: 'leave'; key: string; then: () => void } | { kind: 'delete'; group: HuntGroup };

export interface DialogView {
  text: EditorText;
  dialog: Dialog;
  /** The group a "leave" dialog is about; null for a new group. */
  leaving: HuntGroup | null;
  close(): void;
  delete(group: HuntGroup): void;
  leave(dialog: Extract<Dialog, { kind: 'leave' }>, discard: boolean): void;
}

export function renderDialog(view: DialogView): TemplateResult {
  const { text, dialog } = view;
  const frame = (title: string, body: string, actions: TemplateResult) =>
    html`<dialog aria-labelledby="dialog-title" aria-describedby="dialog-body" @cancel=${view.close}>
      <h3 id="dialog-title">${title}</h3>
      <p id="dialog-body">${body}</p>
      <div class="actions">${actions}</div>
    </dialog>`;
  if (dialog.kind === 'delete') {
    return frame(
      text.t('deleteDialog.title'),
      text.t('deleteDialog.body', { group: text.groupName(dialog.group), number: dialog.group.number }),
      html`<button type="button" class="danger" id="confirm-delete" @click=${() => view.delete(dialog.group)}>${text.t('delete')}</button>
        <button type="button" autofocus @click=${view.close}>${text.t('cancel')}</button>`
    );
  }
  const name = view.leaving ? text.groupName(view.leaving) : text.t('newTitle');
  return frame(
    text.t('leaveDialog.title'),
    text.t('leaveDialog.body', { group: name }),
    html`<button type="button" class="primary" id="keep-draft" @click=${() => view.leave(dialog, false)}>${text.t('leaveDialog.keep')}</button>
      <button type="button" id="discard-draft" @click=${() => view.leave(dialog, true)}>${text.t('leaveDialog.discard')}</button>
      <button type="button" autofocus @click=${view.close}>${text.t('leaveDialog.stay')}</button>`
  );
}
