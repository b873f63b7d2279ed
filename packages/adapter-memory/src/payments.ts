import type { PaymentRequest, PaymentResult, PaymentsAdapter, PaymentSource } from '@ringside/core';
import { createAutoPay } from './autopay.js';
import type { MemoryContext } from './context.js';
import { creditAccount } from './ledger.js';
import { createPaymentMethods, saveMethod } from './payment-methods.js';
import { findRecord } from './records.js';
import {
  amountReasons,
  assertValid,
  demoTokenOutcome,
  finishedAction,
  isExpired,
  paymentFingerprint,
  paymentReturnUrl,
  publicPayment,
  reason,
  replayed,
  returnUrlReasons,
  tokenizedMethodReasons,
  unsupported,
} from './rules/index.js';
import { createVouchers } from './vouchers.js';

/** Where the demo processor sends users for 3-D Secure and redirect payments. */
const PROCESSOR_URL = 'https://pay.example.test';

export function createPayments(context: MemoryContext): PaymentsAdapter {
  const { data, call, capabilities } = context;
  const { payments } = data;
  return {
    settings: (options) =>
      call(options, () => ({ ...payments.settings, methods: payments.settings.methods.filter((kind) => capabilities.payments.methods.includes(kind)) })),
    ...createPaymentMethods(context),
    makePayment: (request, options) => call(options, () => pay(context, request)),
    getPayment: (id, options) => call(options, () => readPayment(context, id)),
    ...createAutoPay(context),
    ...createVouchers(context),
  };
}

/** Charges once per idempotency key: a repeated request answers the first result, marked replayed. */
function pay(context: MemoryContext, request: PaymentRequest): PaymentResult {
  const { payments } = context.data;
  if (!request.idempotencyKey) assertValid([reason('idempotencyKey', 'required')]);
  const print = paymentFingerprint(request);
  const previousId = replayed(payments.idempotency.payments[request.idempotencyKey], print);
  if (previousId) return { ...publicPayment(findRecord(payments.history, previousId, 'payment')), replayed: true };

  assertValid([...amountReasons(request.amount, payments.settings), ...sourceReasons(context, request.source)]);
  const id = context.nextId('pay-', payments.history);
  const result: PaymentResult = {
    id,
    reference: `RS-${id.slice('pay-'.length).padStart(6, '0')}`,
    amount: { ...request.amount },
    ...outcome(context, request.source, id),
  };
  if (result.status === 'succeeded') {
    const newBalance = creditAccount(context, request.amount.amount);
    if (newBalance !== undefined) result.newBalance = newBalance;
  }
  if ('tokenized' in request.source && request.source.save && result.status !== 'declined') {
    result.savedMethodId = saveMethod(context, request.source.tokenized).id;
  }
  payments.history.push(result);
  payments.idempotency.payments[request.idempotencyKey] = { fingerprint: print, result: id };
  return publicPayment(result);
}

function sourceReasons({ data, capabilities, now }: MemoryContext, source: PaymentSource) {
  const offered = capabilities.payments.methods;
  if ('savedMethodId' in source) {
    return data.payments.methods.some((method) => method.id === source.savedMethodId) ? [] : [reason('source.savedMethodId', 'unknown')];
  }
  if ('tokenized' in source) {
    if (!offered.includes(source.tokenized.kind)) throw unsupported(`${source.tokenized.kind} payments are not available`);
    return tokenizedMethodReasons(source.tokenized, now(), 'source.tokenized');
  }
  if ('redirect' in source) {
    if (!offered.includes('redirect')) throw unsupported('redirect payments are not available');
    return returnUrlReasons(source.redirect.returnUrl);
  }
  return [reason('source', 'invalid')];
}

type Outcome = Pick<PaymentResult, 'status' | 'declineReason' | 'action'>;

function outcome({ data, now }: MemoryContext, source: PaymentSource, id: string): Outcome {
  if ('redirect' in source) {
    const returnUrl = encodeURIComponent(paymentReturnUrl(source.redirect.returnUrl, id));
    return { status: 'requires_action', action: { type: 'redirect', url: `${PROCESSOR_URL}/redirect/${id}?return=${returnUrl}` } };
  }
  if ('savedMethodId' in source) {
    const method = findRecord(data.payments.methods, source.savedMethodId, 'payment method');
    return isExpired(method.expiry, now()) ? { status: 'declined', declineReason: 'expired_card' } : { status: 'succeeded' };
  }
  const { status, declineReason, action } = demoTokenOutcome(source.tokenized.token);
  return {
    status,
    ...(declineReason ? { declineReason } : {}),
    ...(action ? { action: { type: action, url: `${PROCESSOR_URL}/3ds/${id}` } } : {}),
  };
}

/** A payment as the processor sees it now: one that waited for the customer is finished on the next read (succeeded, or declined after 3-D Secure). */
function readPayment(context: MemoryContext, id: string): PaymentResult {
  const { history } = context.data.payments;
  const payment = findRecord(history, id, 'payment');
  const finished = finishedAction(payment);
  if (!finished) return publicPayment(payment);
  if (finished.status === 'succeeded') {
    const newBalance = creditAccount(context, finished.amount.amount);
    if (newBalance !== undefined) finished.newBalance = newBalance;
  }
  history[history.indexOf(payment)] = finished;
  return finished;
}
