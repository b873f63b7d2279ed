import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { formFieldStyles, tableStyles, widgetChromeStyles } from '../themes/widget-chrome.js';

const huntgroupEditorOwnStyles = css`
  .editor-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  h3,
  h4 {
    font-size: 1em;
    margin: 0;
  }
  .editor-head h3 {
    margin-inline-end: auto;
  }
  .block {
    display: block;
  }
  .note {
    margin: 0;
    font-size: 0.85em;
    color: ${token('--rs-color-warning')};
  }
  .error {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .alert {
    display: grid;
    gap: 0.5rem;
  }
  .alert.warning {
    color: ${token('--rs-color-text')};
  }
  button.danger {
    color: ${token('--rs-color-danger')};
  }
  button.icon {
    padding-inline: 0.6em;
  }
  thead th {
    font-weight: 600;
    font-size: 0.9em;
  }
  tbody th {
    font-weight: 600;
  }
  td.number,
  td.position {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .row-actions {
    white-space: nowrap;
    text-align: end;
  }
  .row-actions button + button {
    margin-inline-start: 0.25rem;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .empty {
    display: grid;
    gap: 0.25rem;
  }
  .empty p {
    margin: 0;
  }
  .editor {
    display: grid;
    gap: calc(${token('--rs-space')} * 0.75);
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  [role='tab'] {
    border: none;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: none;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: ${token('--rs-color-accent')};
    font-weight: 600;
  }
  .error-dot {
    color: ${token('--rs-color-danger')};
    margin-inline-start: 0.3em;
    font-weight: 700;
  }
  legend {
    font-weight: 600;
  }
  [role='tabpanel'] {
    padding-block: 0.25rem;
  }
  .form-grid,
  .members,
  .included {
    display: grid;
    gap: 0.9rem;
  }
  .field > label {
    font-weight: 600;
  }
  input:not([type='checkbox']):not([type='radio']),
  select {
    border-radius: calc(${token('--rs-radius')} * 0.6);
    padding-block: 0.35em;
  }
  input:disabled,
  select:disabled {
    opacity: 0.7;
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: ${token('--rs-color-accent')};
    inline-size: 1.1em;
    block-size: 1.1em;
    margin: 0;
  }
  input.seconds {
    inline-size: 5.5em;
  }
  .choices {
    display: grid;
    gap: 0.4rem;
  }
  label.choice,
  label.check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  label.choice input,
  label.check input {
    margin-block-start: 0.2em;
  }
  .choice-label {
    display: block;
  }
  label.small {
    font-size: 0.85em;
    align-items: center;
  }
  label.small input {
    margin-block-start: 0;
  }
  .ring-time {
    display: grid;
    gap: 0.25rem;
  }
  .grip {
    cursor: grab;
    color: ${token('--rs-color-text-muted')};
    margin-inline-end: 0.35rem;
    user-select: none;
  }
  tr.drop-target > * {
    box-shadow: inset 0 2px 0 ${token('--rs-color-accent')};
  }
  .picker {
    display: grid;
    gap: 0.25rem;
  }
  .picker > label {
    font-weight: 600;
  }
  .combo {
    position: relative;
    max-inline-size: 24rem;
  }
  .combo input {
    inline-size: 100%;
  }
  [role='listbox'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 1;
    margin: 0.15rem 0 0;
    padding: 0.25rem 0;
    list-style: none;
    max-block-size: 14rem;
    overflow-y: auto;
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.6);
    box-shadow: ${token('--rs-shadow')};
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='listbox'] li {
    padding-block: 0.3rem;
    padding-inline: 0.75rem;
  }
  [role='option'] {
    cursor: pointer;
  }
  [role='option'].active,
  [role='option']:hover {
    background: ${token('--rs-color-surface-muted')};
    outline: 2px solid ${token('--rs-color-focus')};
    outline-offset: -2px;
  }
  .pickup {
    display: grid;
    gap: 0.4rem;
    padding-block: 0.6rem;
    padding-inline: 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    background: ${token('--rs-color-surface-muted')};
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 600;
    unicode-bidi: isolate;
  }
  .codes li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: space-between;
    max-inline-size: 28rem;
  }
  .included-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding-block: 0.35rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  .included-name {
    font-weight: 600;
    margin-inline-end: auto;
  }
  .include-add {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  .conflict h4 {
    font-size: 1em;
  }
  dialog {
    border: 1px solid ${token('--rs-color-border')};
    border-radius: ${token('--rs-radius')};
    background: ${token('--rs-color-surface')};
    color: ${token('--rs-color-text')};
    max-inline-size: min(28rem, 90vw);
    display: grid;
    gap: 0.75rem;
  }
  dialog:not([open]) {
    display: none;
  }
  dialog p {
    margin: 0;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .skeleton {
    block-size: 6em;
    inline-size: auto;
  }
`;

/** The shared widget chrome, form fields and tables, then this widget's own rules, which win where they differ. */
export const huntgroupEditorStyles = [widgetChromeStyles, formFieldStyles, tableStyles, huntgroupEditorOwnStyles];
