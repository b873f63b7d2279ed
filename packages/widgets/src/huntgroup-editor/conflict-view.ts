/** Someone else's change met the user's save: both versions, field by field, to choose from. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Conflict, ConflictRow, Side } from './conflict.js';
import type { DraftField } from './draft.js';
import type { EditorText } from './editor-text.js';

export interface ConflictView {
  text: EditorText;
  conflict: Conflict;
  saving: boolean;
  /** A per-field choice changed. */
  choose(field: DraftField, side: Side): void;
  /** One side for every field, or (no side) the per-field choices. */
  resolve(side?: Side): void;
}

export function renderConflict(view: ConflictView): TemplateResult {
  const { text, conflict, saving } = view;
  const fieldLabel = (field: DraftField) => text.fieldLabel(field);
  const row = (row: ConflictRow) => {
    const choice = conflict.choices[row.field] ?? 'theirs';
    const option = (side: Side) =>
      html`<label class="choice">
        <input
          type="radio"
          name="conflict-${row.field}"
          .checked=${live(choice === side)}
          aria-describedby="conflict-field-${row.field}"
          @change=${() => view.choose(row.field, side)}
        /><span>${text.summary(row.field, side === 'mine' ? row.mine : row.theirs)}</span>
      </label>`;
    return html`<tr>
      <th scope="row" id="conflict-field-${row.field}">${fieldLabel(row.field)}</th>
      <td>${option('mine')}</td>
      <td>${option('theirs')}</td>
    </tr>`;
  };
  return html`<section class="conflict alert warning" role="alert" aria-labelledby="conflict-title">
    <h4 id="conflict-title" tabindex="-1">${text.t('conflict.title')}</h4>
    <p>${text.t('conflict.body')}</p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${text.t('conflict.column.field')}</th>
            <th scope="col">${text.t('conflict.column.mine')}</th>
            <th scope="col">${text.t('conflict.column.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          ${conflict.rows.map(row)}
        </tbody>
      </table>
    </div>
    <div class="actions">
      <button type="button" class="primary" id="conflict-mine" ?disabled=${saving} @click=${() => view.resolve('mine')}>${text.t('conflict.keepMine')}</button>
      <button type="button" id="conflict-theirs" ?disabled=${saving} @click=${() => view.resolve('theirs')}>${text.t('conflict.takeTheirs')}</button>
      <button type="button" id="conflict-merge" ?disabled=${saving} @click=${() => view.resolve()}>${text.t('conflict.useSelected')}</button>
    </div>
  </section>`;
}
