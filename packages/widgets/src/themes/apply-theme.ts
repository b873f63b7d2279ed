import type { ThemeName } from '@ringside/core';
import { darkTheme } from './tokens.js';

const darkQuery = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

/**
 * Sets the theme's custom properties on an element, through the CSSOM (allowed under a strict
 * CSP, unlike style attributes in markup). Widgets below inherit them, through shadow roots.
 * Returns a function that undoes it (and stops following the system setting for `auto`).
 */
export function applyTheme(element: HTMLElement, theme: ThemeName): () => void {
  const apply = (dark: boolean) => {
    for (const [name, value] of Object.entries(darkTheme)) {
      if (dark) element.style.setProperty(name, value);
      else element.style.removeProperty(name);
    }
    element.style.setProperty('color-scheme', dark ? 'dark' : 'light');
  };
  const undo = () => {
    apply(false);
    element.style.removeProperty('color-scheme');
  };
  if (theme !== 'auto') {
    apply(theme === 'dark');
    return undo;
  }
  const query = darkQuery();
  const follow = () => apply(!!query?.matches);
  follow();
  query?.addEventListener('change', follow);
  return () => {
    query?.removeEventListener('change', follow);
    undo();
  };
}
