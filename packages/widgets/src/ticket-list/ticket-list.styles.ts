import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { sortMarkStyles } from '../base/sort-mark.js';
import { formFieldStyles, tableStyles, widgetChromeStyles } from '../themes/widget-chrome.js';

const ticketListOwnStyles = css`
  h3 {
    font-size: 1em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  h4 {
    font-size: 0.95em;
    margin: 0;
  }
  .status-badge {
    --tone: ${token('--rs-color-text-muted')};
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.85em;
    font-weight: 600;
    padding-block: 0.05em;
    padding-inline: 0.55em;
    border-radius: 999px;
    border: 1px solid var(--tone);
    color: var(--tone);
    background: ${token('--rs-color-surface')};
    white-space: nowrap;
  }
  .status-badge::before {
    content: '';
    inline-size: 0.55em;
    block-size: 0.55em;
    border-radius: 50%;
    background: var(--tone);
  }
  .status-badge[data-tone='new'],
  .status-badge[data-tone='open'] {
    --tone: ${token('--rs-color-accent')};
  }
  .status-badge[data-tone='stalled'] {
    --tone: ${token('--rs-color-warning')};
  }
  .status-badge[data-tone='resolved'] {
    --tone: ${token('--rs-color-success')};
  }
  .status-badge[data-tone='rejected'] {
    --tone: ${token('--rs-color-danger')};
  }
  .status,
  .refreshing {
    font-size: 0.85em;
    color: ${token('--rs-color-text-muted')};
  }
  /* Aria-hidden text shown only while a refresh runs; it takes no room while empty. */
  .refreshing:empty {
    display: none;
  }
  .badge {
    padding-block: 0.05em;
    padding-inline: 0.5em;
  }
  .filters,
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  fieldset.field-row {
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
    padding: 0.5rem 0.75rem 0.75rem;
    margin: 0;
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .field.grow {
    flex: 1 1 12rem;
  }
  fieldset .field-error {
    flex-basis: 100%;
  }
  label {
    font-weight: 600;
    font-size: 0.9em;
  }
  input,
  select,
  textarea {
    border-radius: calc(${token('--rs-radius')} * 0.6);
  }
  textarea {
    resize: vertical;
    inline-size: 100%;
  }
  #subject {
    inline-size: 100%;
  }
  input[type='file'] {
    border-style: dashed;
    inline-size: 100%;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    margin-inline-end: 0.75em;
    border-radius: calc(${token('--rs-radius')} * 0.6);
    border: 1px solid ${token('--rs-color-border')};
    background: ${token('--rs-color-surface-muted')};
    color: inherit;
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  .field-error,
  .file-failed {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .field-error p {
    margin: 0;
  }
  .files {
    display: grid;
    gap: 0.35rem;
    padding: 0.5rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    border: 2px dashed transparent;
  }
  .files.dragging {
    border-color: ${token('--rs-color-accent')};
    background: ${token('--rs-color-surface-muted')};
  }
  .uploads,
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  .uploads li,
  .attachments li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
  }
  .file-name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .file-done {
    color: ${token('--rs-color-success')};
    font-size: 0.9em;
  }
  progress {
    inline-size: 8rem;
    accent-color: ${token('--rs-color-accent')};
  }
  button.quiet,
  button.sort {
    border-color: transparent;
    background: transparent;
    padding-inline: 0.25em;
  }
  button.link {
    text-align: start;
    padding: 0;
    font-weight: 600;
  }
  button.sort {
    font-weight: 600;
    padding: 0;
    display: inline-flex;
    gap: 0.25em;
    white-space: nowrap;
  }
  th,
  td {
    padding-inline: 0.4rem;
  }
  th[scope='row'] {
    font-weight: normal;
    min-inline-size: 12rem;
  }
  td.number {
    font-variant-numeric: tabular-nums;
    color: ${token('--rs-color-text-muted')};
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .pager p {
    margin-inline-end: auto;
  }
  .detail,
  .ticket-form,
  .reply,
  .escalate {
    display: grid;
    gap: 0.75rem;
  }
  .escalate {
    padding: 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    background: ${token('--rs-color-surface-muted')};
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  .facts dt {
    font-size: 0.8em;
    color: ${token('--rs-color-text-muted')};
  }
  .facts dd {
    margin: 0;
  }
  .conversation {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .message {
    padding: 0.6rem 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    border: 1px solid ${token('--rs-color-border')};
    display: grid;
    gap: 0.35rem;
  }
  .message[data-role='agent'] {
    background: ${token('--rs-color-surface-muted')};
    border-inline-start: 4px solid ${token('--rs-color-accent')};
  }
  .message-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.6rem;
    margin: 0;
  }
  .message-body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  a {
    color: ${token('--rs-color-accent')};
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
`;

/** The shared widget chrome, form fields and tables, then this widget's own rules, which win where they differ. */
export const ticketListStyles = [widgetChromeStyles, formFieldStyles, tableStyles, sortMarkStyles, ticketListOwnStyles];
