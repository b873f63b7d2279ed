import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { sortMarkStyles } from '../base/sort-mark.js';
import { formFieldStyles, widgetChromeStyles } from '../themes/widget-chrome.js';

const extensionTableOwnStyles = css`
  /* The count follows the title; the badge goes to the end. */
  header {
    align-items: baseline;
    gap: 0.5rem 0.75rem;
  }
  h2 {
    margin-inline-end: 0;
  }
  h3 {
    font-size: 1em;
    margin: 0;
  }
  .badge {
    margin-inline-start: auto;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
  }
  .toolbar .search {
    flex: 1 1 12rem;
  }
  .field {
    gap: 0.2rem;
  }
  .field.checkbox {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.5rem;
  }
  .field.checkbox .field-error {
    grid-column: 1 / -1;
  }
  label {
    font-size: 0.9em;
    font-weight: 550;
  }
  input:not([type='checkbox']),
  select {
    padding-block: 0.35em;
    min-inline-size: 0;
  }
  .field-error {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .actions.end {
    justify-content: flex-end;
  }
  button.danger {
    color: ${token('--rs-color-danger')};
  }
  button.danger-solid {
    background: ${token('--rs-color-danger')};
    border-color: ${token('--rs-color-danger')};
    color: ${token('--rs-color-surface')};
  }
  .scroller {
    block-size: var(--rs-extension-table-height, 26rem);
    overflow: auto;
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
    overscroll-behavior: contain;
  }
  [role='grid'] {
    font-variant-numeric: tabular-nums;
  }
  [role='row'] {
    display: grid;
    grid-template-columns: var(--columns);
    block-size: 2.75rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: ${token('--rs-color-surface-muted')};
  }
  .body {
    box-sizing: border-box;
    contain: strict;
    inline-size: 100%;
  }
  .cell {
    display: flex;
    align-items: center;
    padding-inline: 0.5rem;
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell:focus-visible,
  .cell :focus-visible {
    outline-offset: -2px;
  }
  [role='columnheader'] {
    font-weight: 600;
    font-size: 0.9em;
    /* A long translated heading wraps rather than being cut off. */
    white-space: normal;
    line-height: 1.2;
  }
  button.sort {
    border: none;
    background: none;
    padding-inline: 0;
    font-weight: inherit;
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    text-align: start;
  }
  .cell.action button {
    padding-block: 0.2em;
    padding-inline: 0.6em;
  }
  [aria-selected='true'] {
    background: ${token('--rs-color-surface-muted')};
  }
  /* A grey bar where a row is still loading; the first cell's text says so to screen readers only. */
  .placeholder .cell {
    position: relative;
    color: transparent;
  }
  .placeholder .cell:not(.select, .edit, .delete)::before {
    content: '';
    position: absolute;
    inset-block-start: calc(50% - 0.4em);
    inset-inline-start: 0.5rem;
    inline-size: 70%;
    block-size: 0.8em;
    border-radius: 0.3rem;
    background: ${token('--rs-color-surface-muted')};
  }
  .empty {
    margin: 0;
    text-align: center;
    color: ${token('--rs-color-text-muted')};
  }
  .alert {
    display: grid;
    gap: 0.4rem;
  }
  .alert.info {
    background: ${token('--rs-color-surface-muted')};
  }
  .alert button {
    justify-self: start;
  }
  dialog {
    color: inherit;
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: ${token('--rs-radius')};
    box-shadow: ${token('--rs-shadow')};
    padding: ${token('--rs-space')};
    inline-size: min(30rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog form,
  dialog#confirm {
    display: grid;
    gap: 0.75rem;
  }
  dialog[open]#confirm {
    display: grid;
  }
  .skeleton {
    block-size: 8rem;
    inline-size: auto;
  }
`;

/** The shared widget chrome and form fields, then this widget's own rules, which win where they differ. */
export const extensionTableStyles = [widgetChromeStyles, formFieldStyles, sortMarkStyles, extensionTableOwnStyles];
