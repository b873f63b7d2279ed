import { css } from 'lit';
import { token } from '../themes/tokens.js';

export const extensionTableStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 0.75rem;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  h3 {
    font-size: 1em;
    margin: 0;
  }
  .count,
  .hint {
    color: ${token('--rs-color-text-muted')};
    font-size: 0.9em;
    margin: 0;
  }
  .badge {
    font-size: 0.8em;
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: 999px;
    background: ${token('--rs-color-surface-muted')};
    color: ${token('--rs-color-text-muted')};
    border: 1px solid ${token('--rs-color-border')};
    margin-inline-start: auto;
  }
  .status:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
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
    display: grid;
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
    font: inherit;
    color: inherit;
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
    padding-block: 0.35em;
    padding-inline: 0.6em;
    min-inline-size: 0;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: ${token('--rs-color-danger')};
  }
  .field-error {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
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
  .sort-icon {
    font-size: 0.7em;
  }
  .cell.action button {
    padding-block: 0.2em;
    padding-inline: 0.6em;
  }
  [aria-selected='true'] {
    background: ${token('--rs-color-surface-muted')};
  }
  /* A grey bar where a row is still loading; the first cell's text says so to screen readers only. */
  .placeholder .bar {
    display: block;
    inline-size: 70%;
    block-size: 0.8em;
    border-radius: 0.3rem;
    background: ${token('--rs-color-surface-muted')};
    color: transparent;
    overflow: hidden;
  }
  .empty {
    margin: 0;
    text-align: center;
    color: ${token('--rs-color-text-muted')};
  }
  .alert {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    border-inline-start: 4px solid currentColor;
    display: grid;
    gap: 0.4rem;
  }
  .alert p {
    margin: 0;
  }
  .alert.danger {
    background: ${token('--rs-color-danger-surface')};
    color: ${token('--rs-color-danger')};
  }
  .alert.warning {
    background: ${token('--rs-color-warning-surface')};
    color: ${token('--rs-color-warning')};
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
    border-radius: 0.4rem;
    background: ${token('--rs-color-surface-muted')};
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
