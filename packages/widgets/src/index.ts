export { RingsideElement, warnOnce } from './base/ringside-element.js';
export { QueryController, type QueryDescriptor, type QueryStatus } from './base/query-controller.js';
export type * from './base/events.js';
export { RsProvider } from './provider/provider.component.js';
export { provideRingside, type RingsideHandle } from './provider/provide-ringside.js';
export { createEnvironment, type RingsideOptions } from './provider/environment.js';
export { RsBalanceCard } from './balance-card/balance-card.component.js';
export { RsPeriodWizard, type PeriodWizardValueDetail } from './period-wizard/period-wizard.component.js';
export { RsPaymentForm, PAYMENT_FIELDS_SLOT, type PaymentActionDetail, type PaymentEventDetail } from './payment-form/payment-form.component.js';
export { RsPaymentMethods } from './payment-methods/payment-methods.component.js';
export {
  createDemoTokenizer,
  createHttpDemoService,
  createLocalDemoService,
  type DemoPaymentService,
  type DemoTokenizerOptions,
} from './payment-form/demo-tokenizer.js';
export { RsExtensionTable, type ExtensionDeletedDetail, type ExtensionExportDetail, type ExtensionSavedDetail } from './extension-table/extension-table.component.js';
export { RsHuntgroupEditor, type HuntGroupChangeDetail } from './huntgroup-editor/huntgroup-editor.component.js';
export { RsTicketList, type TicketChangeDetail } from './ticket-list/ticket-list.component.js';
export { applyTheme } from './themes/apply-theme.js';
export { darkTheme, lightTheme, type ThemeTokens } from './themes/tokens.js';
