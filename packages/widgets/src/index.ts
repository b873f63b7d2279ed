export { RingsideElement, warnOnce } from './base/ringside-element.js';
export { QueryController, type QueryDescriptor, type QueryStatus } from './base/query-controller.js';
export type * from './base/events.js';
export { RsProvider } from './provider/provider.component.js';
export { provideRingside, type RingsideHandle } from './provider/provide-ringside.js';
export { createEnvironment, type RingsideOptions } from './provider/environment.js';
export { RsBalanceCard } from './balance-card/balance-card.component.js';
export { applyTheme } from './themes/apply-theme.js';
export { darkTheme, lightTheme, type ThemeTokens } from './themes/tokens.js';
