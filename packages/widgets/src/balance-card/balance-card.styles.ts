import { css } from 'lit';
import { token } from '../themes/tokens.js';

export const balanceCardStyles = css`
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
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: 999px;
    background: ${token('--rs-color-surface-muted')};
    color: ${token('--rs-color-text-muted')};
    border: 1px solid ${token('--rs-color-border')};
  }
  .status {
    font-size: 0.85em;
    color: ${token('--rs-color-text-muted')};
  }
  /* An empty live region stays in the accessibility tree but takes no room in the grid. */
  .status:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .headline-label {
    display: block;
    color: ${token('--rs-color-text-muted')};
    font-size: 0.9em;
  }
  [part='amount'] {
    font-size: clamp(1.25em, 10cqi, 2em);
    overflow-wrap: anywhere;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  .hint {
    margin: 0;
    color: ${token('--rs-color-text-muted')};
    font-size: 0.9em;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.5rem;
    border: none;
    border-radius: 999px;
    overflow: hidden;
    background: ${token('--rs-color-surface-muted')};
    box-shadow: inset 0 0 0 1px ${token('--rs-color-border')};
  }
  progress::-webkit-progress-bar {
    background: transparent;
  }
  progress::-webkit-progress-value {
    background: ${token('--rs-color-accent')};
    border-radius: 999px;
  }
  progress::-moz-progress-bar {
    background: ${token('--rs-color-accent')};
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }
  dt {
    color: ${token('--rs-color-text-muted')};
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    text-align: end;
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
  .alert > p {
    margin: 0;
  }
  .alert[role='alert'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .overdue {
    color: ${token('--rs-color-danger')};
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .chart-panel {
    display: grid;
    gap: 0.5rem;
  }
  .skeleton {
    block-size: 2.4em;
    inline-size: 60%;
    border-radius: 0.4rem;
    background: ${token('--rs-color-surface-muted')};
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @container (max-width: 22rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    dd {
      text-align: start;
      margin-block-end: 0.4rem;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
