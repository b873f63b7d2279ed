/** The "Included groups" tab: the groups whose members ring too, and adding one (never in a loop). */
import type { FieldReason, HuntGroup } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { updateIncluded, type HuntGroupDraft } from './draft.js';
import { fieldError, fieldRow } from './editor-parts.js';
import { controlId } from './editor-state.js';
import type { EditorText } from './editor-text.js';

export interface IncludedView {
  text: EditorText;
  draft: HuntGroupDraft;
  /** The reasons at fields, with the refusal of the last "Add group" if any. */
  reasons: readonly FieldReason[];
  canWrite: boolean;
  /** The groups that can still be included. */
  available: readonly HuntGroup[];
  /** The group chosen in the select. */
  choice: string;
  choose(groupId: string): void;
  add(): void;
  change(update: (draft: HuntGroupDraft) => HuntGroupDraft): void;
  remove(index: number, name: string): void;
}

export function renderIncluded(view: IncludedView): TemplateResult {
  const { text, draft, canWrite } = view;
  const entries = draft.value.includedGroups;
  const error = fieldError(text, 'includedGroups', view.reasons);
  return html`<div class="included">
    <p class="hint" id="included-hint">${text.t('included.hint')}</p>
    ${entries.length === 0
      ? html`<p class="hint">${text.t('included.empty')}</p>`
      : html`<ul class="plain included-list" aria-labelledby="tab-included">
          ${entries.map((entry, index) => {
            const name = text.groupNameById(entry.groupId);
            return html`<li>
              <span class="included-name">${name}</span>
              <label class="check small">
                <input
                  type="checkbox"
                  .checked=${live(entry.ignoreFollowMe)}
                  @change=${(event: Event) => view.change((d) => updateIncluded(d, index, (event.target as HTMLInputElement).checked))}
                />${text.t('included.ignoreFollowMe')}<span class="visually-hidden"> (${name})</span>
              </label>
              ${canWrite
                ? html`<button
                    type="button"
                    data-remove-included=${index}
                    aria-label=${text.t('included.remove', { group: name })}
                    @click=${() => view.remove(index, name)}
                  >
                    ${text.t('members.removeShort')}
                  </button>`
                : nothing}
            </li>`;
          })}
        </ul>`}
    ${canWrite
      ? view.available.length === 0
        ? html`<p class="hint">${text.t('included.noneLeft')}</p>`
        : html`<div class="include-add">
            ${fieldRow(
              'includedGroups',
              text.t('included.choose'),
              html`<select
                id=${controlId('includedGroups')}
                aria-invalid=${error.invalid}
                aria-describedby=${error.describedBy ?? nothing}
                @change=${(event: Event) => view.choose((event.target as HTMLSelectElement).value)}
              >
                ${view.available.map((group) => html`<option value=${group.id} ?selected=${view.choice === group.id}>${text.groupName(group)}</option>`)}
              </select>`
            )}
            <button type="button" id="include-add" @click=${view.add}>${text.t('included.add')}</button>
          </div>`
      : nothing}
    ${error.message}
  </div>`;
}
