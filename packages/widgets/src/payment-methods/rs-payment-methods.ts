import { RsPaymentMethods } from './payment-methods.component.js';

export * from './payment-methods.component.js';
RsPaymentMethods.define('rs-payment-methods');

declare global {
  interface HTMLElementTagNameMap {
    'rs-payment-methods': RsPaymentMethods;
  }
}
