import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { formFieldStyles, widgetChromeStyles } from '../themes/widget-chrome.js';

const paymentOwnStyles = css`
  h3 {
    font-size: 1em;
    margin: 0;
  }
  form,
  .stack {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  fieldset {
    display: grid;
    gap: 0.35rem;
  }
  legend {
    font-weight: 600;
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
  .field label {
    font-weight: 500;
  }
  input[type='text'],
  select {
    padding-block: 0.45em;
    inline-size: 100%;
    max-inline-size: 16rem;
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
  .alert strong {
    display: block;
  }
  .actions {
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
`;

/** Styles of both payment widgets (the form, and stored methods with auto-pay): the shared chrome and form fields, then their own rules, which win where they differ. */
export const paymentFormStyles = [widgetChromeStyles, formFieldStyles, paymentOwnStyles];
