import { createContext } from '@lit/context';
import type { RingsideAdapter } from './adapter.js';
import type { RingsideI18n } from './i18n.js';
import type { RingsideStore } from './store.js';

export type ThemeName = 'light' | 'dark' | 'auto';

/** Everything a widget receives from `<rs-provider>` or `provideRingside()`. */
export interface RingsideEnvironment {
  /** Null when the host configured no backend: widgets then show a "not connected" state. */
  readonly adapter: RingsideAdapter | null;
  readonly store: RingsideStore;
  readonly i18n: RingsideI18n;
  readonly theme: ThemeName;
}

export const ringsideContext = createContext<RingsideEnvironment>(Symbol.for('ringside.environment'));
