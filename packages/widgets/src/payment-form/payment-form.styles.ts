import { css } from 'lit';
import { token } from '../themes/tokens.js';

/** Styles of both payment widgets (the form, and stored methods with auto-pay). */
export const paymentFormStyles = css`
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
  h3 {
    font-size: 1em;
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
  }
  form,
  .stack {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.35rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.35rem;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .option input {
    accent-color: ${token('--rs-color-accent')};
    margin: 0;
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field label {
    font-weight: 500;
  }
  input[type='text'],
  select {
    font: inherit;
    color: inherit;
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
    padding-block: 0.45em;
    padding-inline: 0.6em;
    inline-size: 100%;
    max-inline-size: 16rem;
  }
  input[aria-invalid='true'] {
    border-color: ${token('--rs-color-danger')};
  }
  input[readonly] {
    background: ${token('--rs-color-surface-muted')};
  }
  .currency {
    color: ${token('--rs-color-text-muted')};
    font-weight: 400;
  }
  .balance {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .balance strong {
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    margin: 0;
    color: ${token('--rs-color-text-muted')};
    font-size: 0.9em;
  }
  .note {
    margin: 0;
    font-size: 0.9em;
    font-style: italic;
  }
  .error {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .error:empty,
  .summary:empty {
    display: none;
  }
  .summary {
    color: ${token('--rs-color-danger')};
    font-weight: 600;
  }
  .alert {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    border-inline-start: 4px solid currentColor;
  }
  .alert.warning {
    background: ${token('--rs-color-warning-surface')};
    color: ${token('--rs-color-warning')};
  }
  .alert.danger {
    background: ${token('--rs-color-danger-surface')};
    color: ${token('--rs-color-danger')};
  }
  .alert strong {
    display: block;
  }
  .alert p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .actions a {
    color: ${token('--rs-color-accent')};
  }
  .result {
    display: grid;
    gap: 0.5rem;
  }
  .result.succeeded h3,
  .result.voucher h3 {
    color: ${token('--rs-color-success')};
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    color: ${token('--rs-color-text-muted')};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }
  ul.methods {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ul.methods li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid ${token('--rs-color-border')};
  }
  .skeleton {
    block-size: 2.4em;
    inline-size: 60%;
    border-radius: 0.4rem;
    background: ${token('--rs-color-surface-muted')};
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    from {
      opacity: 0.55;
    }
    to {
      opacity: 1;
    }
  }
`;
