import type { PaymentsAdapter } from '@ringside/core';
import type { MemoryContext } from './context.js';
import { touch } from './records.js';
import { assertValid, assertVersion, autoPayReasons } from './rules/index.js';

export function createAutoPay({ data, call }: MemoryContext): Pick<PaymentsAdapter, 'getAutoPay' | 'updateAutoPay'> {
  const { payments } = data;
  return {
    getAutoPay: (options) => call(options, () => payments.autoPay),
    updateAutoPay: (input, options) =>
      call(options, () => {
        assertVersion(payments.autoPay, options?.ifMatch, 'auto-pay');
        assertValid(
          autoPayReasons(input, {
            settings: payments.settings,
            balance: data.balance,
            methodExists: (id) => payments.methods.some((method) => method.id === id),
          }),
        );
        const { payInvoices, topUp, methodId } = input;
        Object.assign(payments.autoPay, { payInvoices, topUp: topUp && { threshold: topUp.threshold, amount: topUp.amount }, methodId: methodId || null });
        touch(payments.autoPay);
        return payments.autoPay;
      }),
  };
}
