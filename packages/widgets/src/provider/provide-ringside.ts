import { ContextProvider } from '@lit/context';
import { ringsideContext, type RingsideEnvironment } from '@ringside/core';
import { applyTheme } from '../themes/apply-theme.js';
import { createEnvironment, type RingsideOptions } from './environment.js';

export interface RingsideHandle {
  readonly environment: RingsideEnvironment;
  /** Changes some options; widgets below re-render. */
  update(options: Partial<RingsideOptions>): void;
  /** Disconnects the widgets from the adapter (they show "not connected") and removes the theme. */
  disconnect(): void;
}

/**
 * Provides Ringside to every widget inside `element`, for pages that scatter widgets
 * (e.g. `provideRingside(document.body, { adapter })`) instead of wrapping them in `<rs-provider>`.
 */
export function provideRingside(element: HTMLElement, options: RingsideOptions): RingsideHandle {
  let current = { ...options };
  let environment = createEnvironment(current);
  const provider = new ContextProvider(element, { context: ringsideContext, initialValue: environment });
  // Announces the provider so widgets that asked before it existed are answered now.
  provider.hostConnected();
  let removeTheme = applyTheme(element, environment.theme);
  const refresh = () => {
    environment = createEnvironment(current, environment);
    provider.setValue(environment);
  };
  return {
    get environment() {
      return environment;
    },
    update(changes) {
      current = { ...current, ...changes };
      refresh();
      removeTheme();
      removeTheme = applyTheme(element, environment.theme);
        },
    disconnect() {
      removeTheme();
      current = { locale: current.locale, messages: current.messages, adapter: null };
      refresh();
    },
  };
}
