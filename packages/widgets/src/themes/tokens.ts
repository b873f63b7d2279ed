import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The public theming API: every `--rs-*` custom property a host may set. The light values are
 * the defaults; the dark theme overrides them. Keep docs/theming.md in step with this list.
 */
export const lightTheme = {
  '--rs-color-surface': '#ffffff',
  '--rs-color-surface-muted': '#f4f6f8',
  '--rs-color-text': '#1b2430',
  '--rs-color-text-muted': '#566372',
  '--rs-color-border': '#d4dae1',
  '--rs-color-accent': '#0b5cad',
  '--rs-color-on-accent': '#ffffff',
  '--rs-color-danger': '#b3261e',
  '--rs-color-danger-surface': '#fdecea',
  '--rs-color-warning': '#8a5300',
  '--rs-color-warning-surface': '#fff4e0',
  '--rs-color-success': '#1e7a3c',
  '--rs-color-focus': '#0b5cad',
  '--rs-chart-1': '#0b5cad',
  '--rs-chart-2': '#c2410c',
  '--rs-chart-3': '#15803d',
  '--rs-chart-4': '#7e22ce',
  '--rs-chart-5': '#566372',
  '--rs-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  '--rs-font-size': '1rem',
  '--rs-radius': '0.5rem',
  '--rs-space': '1rem',
  '--rs-shadow': '0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)',
} as const;

export type ThemeTokens = Record<keyof typeof lightTheme, string>;

export const darkTheme: Partial<ThemeTokens> = {
  '--rs-color-surface': '#161b22',
  '--rs-color-surface-muted': '#212833',
  '--rs-color-text': '#e6edf3',
  '--rs-color-text-muted': '#a3b0bf',
  '--rs-color-border': '#3a4452',
  '--rs-color-accent': '#6cb1f5',
  '--rs-color-on-accent': '#0d1117',
  '--rs-color-danger': '#ff9b93',
  '--rs-color-danger-surface': '#3d1715',
  '--rs-color-warning': '#f5c26b',
  '--rs-color-warning-surface': '#3a2a0c',
  '--rs-color-success': '#6fdc8c',
  '--rs-color-focus': '#6cb1f5',
  '--rs-chart-1': '#6cb1f5',
  '--rs-chart-2': '#fb923c',
  '--rs-chart-3': '#4ade80',
  '--rs-chart-4': '#c084fc',
  '--rs-chart-5': '#a3b0bf',
  '--rs-shadow': '0 1px 3px rgb(0 0 0 / 0.5)',
};

/** `var(--rs-x, <default>)` for a token, so a widget works with no theme applied at all. */
export function token(name: keyof typeof lightTheme): CSSResult {
  return unsafeCSS(`var(${name}, ${lightTheme[name]})`);
}

/** Styles shared by every widget: typography, focus ring, buttons, visually hidden text. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: ${token('--rs-color-text')};
    font-family: ${token('--rs-font-family')};
    font-size: ${token('--rs-font-size')};
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid ${token('--rs-color-focus')};
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(${token('--rs-radius')} * 0.75);
    padding-block: 0.45em;
    padding-inline: 1em;
    border: 1px solid ${token('--rs-color-border')};
    background: ${token('--rs-color-surface')};
    color: ${token('--rs-color-text')};
  }
  button.primary {
    background: ${token('--rs-color-accent')};
    border-color: ${token('--rs-color-accent')};
    color: ${token('--rs-color-on-accent')};
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The card every widget sits in: its `base` part, a one-column grid that never overflows its column. */
export const surfaceStyles = css`
  [part='base'] {
    background: ${token('--rs-color-surface')};
    border: 1px solid ${token('--rs-color-border')};
    border-radius: ${token('--rs-radius')};
    box-shadow: ${token('--rs-shadow')};
    padding: ${token('--rs-space')};
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(${token('--rs-space')} * 0.75);
    container-type: inline-size;
  }
`;
