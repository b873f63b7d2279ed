/** The editor of one group: its heading, the alerts of a failed save, the tabs and their panels, Save. */
import type { FieldReason, RingsideError } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { isDirty, type HuntGroupDraft } from './draft.js';
import { saveErrorReasons, tabOf, type Tab } from './editor-state.js';
import type { EditorText } from './editor-text.js';

export interface EditorView {
  text: EditorText;
  draft: HuntGroupDraft;
  reasons: readonly FieldReason[];
  tabs: readonly Tab[];
  tab: Tab;
  canWrite: boolean;
  saving: boolean;
  saveError: RingsideError | null;
  /** The conflict view while someone else's change waits for a choice. */
  conflict: TemplateResult | null;
  panels: Record<Tab, () => TemplateResult>;
  back(): void;
  selectTab(tab: Tab): void;
  tabKey(event: KeyboardEvent): void;
  save(): void;
  discard(): void;
}

export function renderEditor(view: EditorView): TemplateResult {
  const { text, draft, tabs, tab: selected, canWrite, saving } = view;
  const title = draft.base ? text.t('editTitle', { group: text.groupName(draft.base) }) : text.t('newTitle');
  const dirty = isDirty(draft);
  const tabErrors = new Set(view.reasons.map((reason) => tabOf(reason.field)));
  const panel = (tab: Tab) => html`<div role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${selected !== tab}>${view.panels[tab]()}</div>`;
  return html`<div part="editor" class="editor">
    <div class="editor-head">
      <button type="button" class="link back" id="back" @click=${view.back}>${text.t('back')}</button>
      <h3 id="editor-title">${title}</h3>
      ${dirty ? html`<span class="badge warning" id="dirty-note">${text.t('unsaved')}</span>` : nothing}
    </div>
    ${view.conflict ?? nothing} ${view.conflict ? nothing : renderSaveError(text, view.saveError, draft, view.reasons)}
    <div role="tablist" aria-labelledby="editor-title" @keydown=${view.tabKey}>
      ${tabs.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-selected=${selected === tab ? 'true' : 'false'}
            aria-controls="panel-${tab}"
            tabindex=${selected === tab ? '0' : '-1'}
            @click=${() => view.selectTab(tab)}
          >
            ${text.t(`tab.${tab}`)}${tabErrors.has(tab)
              ? html`<span class="error-dot" aria-hidden="true">!</span><span class="visually-hidden">${text.t('tabHasErrors')}</span>`
              : nothing}
          </button>`
      )}
    </div>
    <fieldset class="panels" ?disabled=${!canWrite || saving}>
      <legend class="visually-hidden">${title}</legend>
      ${tabs.map(panel)}
    </fieldset>
    ${canWrite
      ? html`<div class="actions">
          <button type="button" class="primary" part="save-button" id="save" ?disabled=${saving} @click=${view.save}>
            ${text.t(saving ? 'saving' : 'save')}
          </button>
          ${dirty && draft.base ? html`<button type="button" id="discard" ?disabled=${saving} @click=${view.discard}>${text.t('discard')}</button>` : nothing}
        </div>`
      : nothing}
  </div>`;
}

/** Why the save failed, and the backend's reasons the form has no field for. */
function renderSaveError(text: EditorText, error: RingsideError | null, draft: HuntGroupDraft, shown: readonly FieldReason[]): TemplateResult | typeof nothing {
  const unplaced = saveErrorReasons(error, draft, shown);
  if (!error || !unplaced) return nothing;
  return html`<div class="alert danger" role="alert" id="save-error">
    <p>${error.code === 'validation' ? text.t('invalid') : text.error(error)} ${text.t('keptNote')}</p>
    ${unplaced.length
      ? html`<ul>
          ${unplaced.map((reason) => html`<li>${text.fieldReason(reason)}</li>`)}
        </ul>`
      : nothing}
  </div>`;
}
