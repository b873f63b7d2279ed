/** The "Settings" tab: number, name, hunt sequence, caller ID and call pickup. */
import type { FieldReason } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { edit, type DraftValue, type HuntGroupDraft } from './draft.js';
import { fieldError, fieldRow } from './editor-parts.js';
import { CALLER_ID_MODES, controlId, optionsWith } from './editor-state.js';
import type { EditorText } from './editor-text.js';

export interface SettingsView {
  text: EditorText;
  draft: HuntGroupDraft;
  reasons: readonly FieldReason[];
  /** How many digits numbers have, when the backend said. */
  numberLength: number | undefined;
  /** The sequences the backend offers. */
  sequences: readonly string[];
  change(update: (draft: HuntGroupDraft) => HuntGroupDraft): void;
}

export function renderSettings(view: SettingsView): TemplateResult {
  const { text, draft } = view;
  const value = draft.value;
  const number = fieldError(text, 'number', view.reasons);
  const name = fieldError(text, 'name', view.reasons);
  const set = (patch: Partial<DraftValue>) => view.change((d) => edit(d, patch));
  return html`<div class="form-grid">
    ${fieldRow(
      'number',
      text.t('field.number'),
      html`<input
        id=${controlId('number')}
        inputmode="numeric"
        autocomplete="off"
        dir="ltr"
        .value=${live(value.number)}
        aria-invalid=${number.invalid}
        aria-describedby=${['number-hint', number.describedBy].filter(Boolean).join(' ')}
        @input=${(event: Event) => set({ number: (event.target as HTMLInputElement).value })}
      />`,
      html`<p class="hint" id="number-hint">${view.numberLength ? text.t('field.numberHint', { count: view.numberLength }) : text.t('field.numberHintAny')}</p>
        ${number.message}`
    )}
    ${fieldRow(
      'name',
      text.t('field.name'),
      html`<input
        id=${controlId('name')}
        autocomplete="off"
        .value=${live(value.name)}
        aria-invalid=${name.invalid}
        aria-describedby=${name.describedBy ?? nothing}
        @input=${(event: Event) => set({ name: (event.target as HTMLInputElement).value })}
      />`,
      name.message
    )}
    <fieldset class="choices">
      <legend>${text.t('field.sequence')}</legend>
      ${optionsWith(view.sequences, value.sequence).map(
        (sequence) =>
          html`<label class="choice">
            <input
              type="radio"
              name="sequence"
              value=${sequence}
              .checked=${live(value.sequence === sequence)}
              aria-describedby="sequence-hint-${sequence}"
              @change=${() => set({ sequence })}
            />
            <span>
              <span class="choice-label">${text.label('sequence', sequence)}</span>
              <span class="hint block" id="sequence-hint-${sequence}"
                >${text.i18n.has(`huntGroups.sequenceHint.${sequence}`) ? text.t(`sequenceHint.${sequence}`) : ''}</span
              >
            </span>
          </label>`
      )}
    </fieldset>
    ${fieldRow(
      'callerIdMode',
      text.t('field.callerId'),
      html`<select id=${controlId('callerIdMode')} @change=${(event: Event) => set({ callerIdMode: (event.target as HTMLSelectElement).value })}>
        ${optionsWith(CALLER_ID_MODES, value.callerIdMode).map(
          (mode) => html`<option value=${mode} ?selected=${value.callerIdMode === mode}>${text.label('callerId', mode)}</option>`
        )}
      </select>`
    )}
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          id=${controlId('pickupAllowed')}
          .checked=${live(value.pickupAllowed)}
          aria-describedby="pickup-allowed-hint"
          @change=${(event: Event) => set({ pickupAllowed: (event.target as HTMLInputElement).checked })}
        />
        ${text.t('field.pickupAllowed')}
      </label>
      <p class="hint" id="pickup-allowed-hint">${text.t('field.pickupAllowedHint')}</p>
    </div>
  </div>`;
}
