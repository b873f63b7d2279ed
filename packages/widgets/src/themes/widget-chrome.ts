import { css } from 'lit';
import { token } from './tokens.js';

/**
 * The chrome widgets share inside their card: the header row with its title and badges, hints,
 * alerts, action rows, the loading skeleton, a live region that takes no room while empty, and a
 * scrolling wrapper for wide tables. A widget overrides a rule in its own styles where it differs
 * (a skeleton's size, for instance). A module of its own, so that bundles without these widgets
 * (the provider alone, for instance) leave it out.
 */
export const widgetChromeStyles = css`
  button.link {
    border: none;
    background: none;
    padding-inline: 0;
    color: ${token('--rs-color-accent')};
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
    margin-inline-end: auto;
  }
  .badge {
    font-size: 0.8em;
    font-weight: normal;
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: 999px;
    background: ${token('--rs-color-surface-muted')};
    color: ${token('--rs-color-text-muted')};
    border: 1px solid ${token('--rs-color-border')};
    white-space: nowrap;
  }
  .badge.warning {
    background: ${token('--rs-color-warning-surface')};
    color: ${token('--rs-color-warning')};
  }
  .hint {
    margin: 0;
    color: ${token('--rs-color-text-muted')};
    font-size: 0.9em;
  }
  /* An empty live region stays in the accessibility tree but takes no room in the grid. */
  .status:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .alert {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    border-inline-start: 4px solid currentColor;
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .skeleton {
    block-size: 2.4em;
    inline-size: 60%;
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

/**
 * Form controls as the widgets with forms draw them: bare fieldsets, a label above its control, and
 * text-like controls on the surface with a danger border while invalid. The controls' rule is
 * wrapped in :where() so that any rule of a widget's own (a smaller radius, a wider field) wins.
 */
export const formFieldStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: none;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  :where(input:not([type='checkbox'], [type='radio']), select, textarea) {
    font: inherit;
    color: inherit;
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
    padding-block: 0.4em;
    padding-inline: 0.6em;
    max-inline-size: 100%;
  }
  :where(input, select, textarea)[aria-invalid='true'] {
    border-color: ${token('--rs-color-danger')};
  }
`;

/** Data tables: full width, a rule under every row, headings in the muted colour. */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.45rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  thead th {
    color: ${token('--rs-color-text-muted')};
  }
`;
