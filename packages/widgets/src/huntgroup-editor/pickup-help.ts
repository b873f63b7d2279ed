/** The call pickup codes of the members, under the members' table. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DraftValue } from './draft.js';
import type { EditorText } from './editor-text.js';
import { pickupCodes } from './rules.js';

/** Nothing until the backend names its pickup prefix. */
export function renderPickupHelp(text: EditorText, value: DraftValue, prefix: string | null): TemplateResult | typeof nothing {
  if (!prefix) return nothing;
  const codes = pickupCodes(prefix, value);
  return html`<section class="pickup" aria-labelledby="pickup-title">
    <h4 id="pickup-title">${text.t('pickup.title')}</h4>
    ${codes === null
      ? html`<p class="hint">${text.t('pickup.notAllowed')}</p>`
      : html`<p class="hint">${text.t('pickup.hint', { prefix, number: value.number.trim() || '…' })}</p>
          ${codes.length === 0
            ? nothing
            : html`<ul class="plain codes">
                ${codes.map(
                  (entry) =>
                    html`<li>
                      ${text.t(entry.primary ? 'pickup.codePrimary' : 'pickup.codeOther', { member: text.memberName(entry.extensionId) })}
                      <code dir="ltr">${entry.code}</code>
                    </li>`
                )}
              </ul>`}`}
  </section>`;
}
