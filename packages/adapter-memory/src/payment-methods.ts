import type { PaymentsAdapter, SavedPaymentMethod, TokenizedMethod } from '@ringside/core';
import type { MemoryContext } from './context.js';
import type { CustomerData } from './data.js';
import { findRecord, removeRecord } from './records.js';
import { assertValid, conflict, toSavedMethod, tokenizedMethodReasons, unsupported } from './rules/index.js';

export function createPaymentMethods(context: MemoryContext): Pick<PaymentsAdapter, 'listMethods' | 'addMethod' | 'removeMethod' | 'setPreferred'> {
  const { data, call } = context;
  return {
    listMethods: (options) => call(options, () => data.payments.methods),
    addMethod: (method, options) =>
      call(options, () => {
        assertValid(tokenizedMethodReasons(method, context.now()));
        return saveMethod(context, method);
      }),
    removeMethod: (id, options) => call(options, () => removeMethod(data, id)),
    setPreferred: (id, options) => call(options, () => setPreferred(data, findRecord(data.payments.methods, id, 'payment method'))),
  };
}

/** Stores a tokenized method (never its token); the first one becomes the preferred one. */
export function saveMethod({ data, capabilities, nextId }: MemoryContext, method: TokenizedMethod): SavedPaymentMethod {
  if (!capabilities.payments.methods.includes(method.kind)) throw unsupported(`${method.kind} payments are not available`);
  const { methods } = data.payments;
  const saved = toSavedMethod(method, nextId('pm-', methods), methods.length === 0);
  methods.push(saved);
  return saved;
}

function setPreferred(data: CustomerData, method: SavedPaymentMethod): SavedPaymentMethod {
  for (const candidate of data.payments.methods) candidate.preferred = candidate === method;
  return method;
}

/** A method auto-pay relies on stays until auto-pay uses another; removing the preferred one promotes the next. */
function removeMethod(data: CustomerData, id: string): void {
  const { methods, autoPay } = data.payments;
  const method = findRecord(methods, id, 'payment method');
  if (autoPay.methodId === id && (autoPay.payInvoices || autoPay.topUp)) throw conflict('auto-pay uses this payment method');
  removeRecord(methods, method);
  if (autoPay.methodId === id) autoPay.methodId = null;
  const [first] = methods;
  if (method.preferred && first) setPreferred(data, first);
}
