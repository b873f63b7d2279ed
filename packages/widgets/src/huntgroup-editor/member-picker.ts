/**
 * The searchable picker that adds an extension as a member: a combobox with a list of options,
 * arrows to move through them, Enter to add, Escape to close (then to clear).
 */
import type { Extension } from '@ringside/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HuntGroupDraft } from './draft.js';
import { loadError } from './editor-parts.js';
import { pickerCandidates, pickerKey, type PickerState } from './editor-state.js';
import type { EditorText } from './editor-text.js';
import type { LoadFailure } from './group-list.js';

export interface PickerView {
  text: EditorText;
  draft: HuntGroupDraft;
  /** The loaded extensions. */
  extensions: readonly Extension[];
  /** False when the backend cannot list extensions. */
  available: boolean;
  /** A failed load of the extensions, with its retry. */
  failure: LoadFailure | null;
}

export class MemberPicker {
  #state: PickerState = { query: '', open: false, active: -1 };

  constructor(private readonly host: ReactiveControllerHost, private readonly add: (extension: Extension) => void) {}

  /** Forgets the search (another group opened). */
  clearQuery(): void {
    this.#set({ ...this.#state, query: '' });
  }

  #set(state: PickerState): void {
    this.#state = state;
    this.host.requestUpdate();
  }

  #choose(extension: Extension): void {
    this.#set({ query: '', open: false, active: -1 });
    this.add(extension);
  }

  #input = (event: Event) => {
    this.#set({ query: (event.target as HTMLInputElement).value, open: true, active: 0 });
  };

  #key(event: KeyboardEvent, candidates: readonly Extension[]): void {
    const result = pickerKey(this.#state, event.key, candidates.length);
    if (!result) return;
    if (result.handled) event.preventDefault();
    if (result.stop) event.stopPropagation();
    if (result.choose !== undefined) this.#choose(candidates[result.choose]!);
    else this.#set(result.state);
  }

  #setOpen(open: boolean): void {
    this.#set({ ...this.#state, open });
  }

  render(view: PickerView): TemplateResult {
    const { text, draft } = view;
    if (!view.available) return html`<p class="hint">${text.t('picker.unavailable')}</p>`;
    if (view.failure) return loadError(text, view.failure.error, view.failure.retry);
    const { query, open: wanted, active: highlighted } = this.#state;
    const candidates = pickerCandidates(view.extensions, draft.value.members, query, text.i18n.locale);
    const allMembers = view.extensions.length > 0 && text.extensionCount === draft.value.members.filter((member) => text.extension(member.extensionId)).length;
    const open = wanted && !allMembers;
    const active = open && highlighted >= 0 && highlighted < candidates.length ? highlighted : -1;
    return html`<div class="picker">
      <label for="member-search">${text.t('picker.label')}</label>
      <div class="combo">
        <input
          id="member-search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="member-options"
          aria-activedescendant=${active >= 0 ? `member-option-${active}` : nothing}
          aria-describedby="picker-hint"
          .value=${live(query)}
          ?disabled=${allMembers}
          @input=${this.#input}
          @keydown=${(event: KeyboardEvent) => this.#key(event, candidates)}
          @focus=${() => this.#setOpen(true)}
          @click=${() => this.#setOpen(true)}
          @blur=${() => this.#setOpen(false)}
        />
        <ul id="member-options" role="listbox" aria-label=${text.t('picker.options')} ?hidden=${!open}>
          ${candidates.length === 0
            ? html`<li class="hint" role="presentation">${text.t('picker.noMatches')}</li>`
            : candidates.map(
                (extension, index) =>
                  html`<li
                    role="option"
                    id="member-option-${index}"
                    aria-selected=${index === active ? 'true' : 'false'}
                    class=${index === active ? 'active' : ''}
                    @mousedown=${(event: Event) => event.preventDefault()}
                    @click=${() => this.#choose(extension)}
                  >
                    ${text.extensionName(extension)}
                  </li>`
              )}
        </ul>
      </div>
      <p class="hint" id="picker-hint">${text.t(allMembers ? 'picker.allMembers' : 'picker.hint')}</p>
    </div>`;
  }
}
