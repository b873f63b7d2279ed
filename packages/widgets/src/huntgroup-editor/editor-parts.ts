/** Small templates the editor's parts share: field rows, error paragraphs at fields, load errors. */
import type { FieldReason, RingsideError } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorText } from './editor-text.js';
import { controlId, reasonsOf } from './editor-state.js';

export interface FieldError {
  /** The paragraph under the control; nothing when the field is fine. */
  message: TemplateResult | typeof nothing;
  invalid: 'true' | 'false';
  /** The paragraph's id, for the control's aria-describedby. */
  describedBy: string | undefined;
}

/** The error paragraph of a field, and the attributes its control needs. */
export function fieldError(text: EditorText, field: string, reasons: readonly FieldReason[]): FieldError {
  const found = reasonsOf(field, reasons);
  if (found.length === 0) return { message: nothing, invalid: 'false', describedBy: undefined };
  const id = `${controlId(field)}-error`;
  return {
    message: html`<p class="error" id=${id}>${found.map((reason) => text.reasonText(reason)).join(' ')}</p>`,
    invalid: 'true',
    describedBy: id,
  };
}

/** A labelled control with what follows it (hint, error). */
export function fieldRow(field: string, label: string, control: TemplateResult, after: unknown = nothing): TemplateResult {
  return html`<div class="field">
    <label for=${controlId(field)}>${label}</label>
    ${control} ${after}
  </div>`;
}

export function loadError(text: EditorText, error: RingsideError, retry: () => void): TemplateResult {
  return html`<div class="alert danger" role="alert">
    <p>${text.error(error)}</p>
    <button type="button" @click=${retry}>${text.i18n.t('common.retry')}</button>
  </div>`;
}
