import { css } from 'lit';
import { token } from '../themes/tokens.js';
import { widgetChromeStyles } from '../themes/widget-chrome.js';

const balanceCardOwnStyles = css`
  .status {
    font-size: 0.85em;
    color: ${token('--rs-color-text-muted')};
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
  .alert strong {
    display: block;
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
  .chart-panel {
    display: grid;
    gap: 0.5rem;
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
`;

/** The shared widget chrome, then this widget's own rules, which win where they differ. */
export const balanceCardStyles = [widgetChromeStyles, balanceCardOwnStyles];
