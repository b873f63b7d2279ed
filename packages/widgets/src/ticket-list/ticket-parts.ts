import type { FieldReason, RingsideI18n, TicketStatus } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { sizeInUnits } from './attachment-rules.js';
import { linkify } from './linkify.js';
import { statusTone } from './ticket-status.js';

/** A status as text and colour; a status the locale has no word for is shown as the backend sent it. */
export function statusBadge(i18n: RingsideI18n, status: TicketStatus): TemplateResult {
  const key = `tickets.status.${status}`;
  return html`<span class="status-badge" data-tone=${statusTone(status)}>${i18n.has(key) ? i18n.t(key) : status}</span>`;
}

/** "3 days ago", with the full date and time beside it for screen readers and in the tooltip. */
export function timeText(i18n: RingsideI18n, iso: string, now: Date): TemplateResult {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return html`${iso}`;
  const absolute = i18n.format.dateTime(date);
  return html`<time datetime=${date.toISOString()} title=${absolute}
    >${i18n.format.relative(date, now)}<span class="visually-hidden"> (${absolute})</span></time
  >`;
}

/** Server text as text nodes, with http(s) addresses as links that open in a new tab. */
export function bodyText(text: string): TemplateResult {
  return html`${linkify(text).map((segment) =>
    segment.kind === 'link' ? html`<a href=${segment.href} target="_blank" rel="noopener noreferrer nofollow">${segment.text}</a>` : segment.text
  )}`;
}

/** The translated message for a backend's reason at a field (`required`, `too_long` …). */
export function reasonText(i18n: RingsideI18n, reason: FieldReason): string {
  const key = `tickets.fieldErrors.${reason.reason}`;
  return i18n.t(i18n.has(key) ? key : 'tickets.fieldErrors.invalid', reason.params ?? {});
}

/** The message under a field, referenced by the field's aria-describedby. */
export function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing;
}

/** Ids for aria-describedby, leaving out the ones that are not rendered. */
export function describedBy(...ids: (string | false | undefined)[]): string {
  return ids.filter(Boolean).join(' ');
}

/** "1.2 MB", through Intl's unit formatting in the reader's locale. */
export function formatSize(i18n: RingsideI18n, bytes: number): string {
  const { value, unit } = sizeInUnits(bytes);
  return i18n.format.number(value, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  });
}
