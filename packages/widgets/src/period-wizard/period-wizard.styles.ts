import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { formFieldStyles, widgetChromeStyles } from '../themes/widget-chrome.js';

const periodWizardOwnStyles = css`
  /* A legend does not take part in the fieldset's grid; give it its own row. */
  [part='base'] > legend {
    float: inline-start;
    inline-size: 100%;
    margin-block-end: calc(${token('--rs-space')} * 0.75);
  }
  .title {
    font-weight: 650;
    font-size: 1.05em;
  }
  [part='summary'] {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    background: ${token('--rs-color-surface-muted')};
  }
  [part='summary'] dt {
    color: ${token('--rs-color-text-muted')};
  }
  [part='summary'] dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .description {
    font-weight: 600;
  }
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.92em;
    unicode-bidi: isolate;
    /* The expression exactly as written, spaces included. */
    white-space: pre-wrap;
  }
  .note {
    margin: 0;
    font-size: 0.9em;
    color: ${token('--rs-color-text-muted')};
    font-style: italic;
  }
  .block {
    display: block;
  }
  .error {
    margin: 0;
    color: ${token('--rs-color-danger')};
    font-size: 0.9em;
  }
  .error:empty {
    display: none;
  }
  p.error:not(:empty) {
    padding-block: 0.25rem;
    padding-inline: 0.6rem;
    border-inline-start: 3px solid currentColor;
    background: ${token('--rs-color-danger-surface')};
    border-radius: calc(${token('--rs-radius')} * 0.5);
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .choice > legend,
  .group > legend:not(.visually-hidden),
  .editor > legend {
    font-weight: 600;
    margin-block-end: 0.35rem;
  }
  .choice > legend {
    inline-size: 100%;
  }
  label.option,
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: ${token('--rs-color-accent')};
    inline-size: 1.05em;
    block-size: 1.05em;
    margin: 0;
  }
  .periods {
    display: grid;
    gap: 0.35rem;
  }
  .subtitle {
    margin: 0;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.35rem 0.75rem;
    padding-block: 0.45rem;
    padding-inline: 0.75rem;
  }
  li + li {
    border-block-start: 1px solid ${token('--rs-color-border')};
  }
  li.editing {
    background: ${token('--rs-color-surface-muted')};
  }
  .row-text {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .row-actions button {
    padding-block: 0.2em;
    padding-inline: 0.75em;
    font-size: 0.9em;
  }
  .editor {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border: 1px dashed ${token('--rs-color-border')};
    border-radius: calc(${token('--rs-radius')} * 0.75);
  }
  .editor > legend {
    float: inline-start;
    inline-size: 100%;
    margin-block-end: 0;
  }
  .times {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }
  label.field {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
  }
  input[type='time'],
  textarea {
    font-weight: normal;
    color: ${token('--rs-color-text')};
    border-radius: calc(${token('--rs-radius')} * 0.5);
    padding-block: 0.3em;
    padding-inline: 0.5em;
  }
  input[type='time'] {
    min-inline-size: 8.5em;
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  textarea[aria-invalid='true'] {
    outline-color: ${token('--rs-color-danger')};
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 0.9rem;
  }
  .checks.months {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(5.5em, 1fr));
  }
  /* Days of the month: a week-like grid of seven columns, fewer in a narrow column. */
  .checks.grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(3em, 1fr));
    inline-size: min(100%, calc(7 * 3em + 6 * 0.6rem));
    gap: 0.3rem 0.6rem;
    font-variant-numeric: tabular-nums;
  }
  .group {
    display: grid;
    gap: 0.35rem;
  }
  .group > legend:not(.visually-hidden) {
    float: inline-start;
    inline-size: 100%;
  }
  .month-days summary {
    cursor: pointer;
    font-weight: 600;
    inline-size: fit-content;
    border-radius: 0.25rem;
  }
  .month-days[open] summary {
    margin-block-end: 0.5rem;
  }
  .actions button,
  .row-actions button,
  .mode button {
    white-space: nowrap;
  }
  .text-mode {
    display: grid;
    gap: 0.35rem;
  }
  /* Disabled: the summary and list stay readable (full contrast); the frame says it is inactive. */
  [part='base']:disabled {
    background: ${token('--rs-color-surface-muted')};
    box-shadow: none;
    border-style: dashed;
  }
  @container (max-width: 22rem) {
    [part='summary'] {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    [part='summary'] dd + dt {
      margin-block-start: 0.35rem;
    }
  }
`;

/** The shared widget chrome and form fields, then this widget's own rules, which win where they differ. */
export const periodWizardStyles = [widgetChromeStyles, formFieldStyles, periodWizardOwnStyles];
