import { RsPaymentForm } from './payment-form.component.js';

export * from './payment-form.component.js';
RsPaymentForm.define('rs-payment-form');

declare global {
  interface HTMLElementTagNameMap {
    'rs-payment-form': RsPaymentForm;
  }
}
