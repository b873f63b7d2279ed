import {
  PAYMENT_METHOD_KINDS,
  isCurrencyCode,
  toMinorUnits,
  type PaymentRequest,
  type PaymentResult,
  type PaymentSource,
  type PaymentsAdapter,
  type RingsideAdapter,
} from '@ringside/core';
import { CheckSkipped, ensure, ensureEqual, rejectsInvalid, rejectsWith, show } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { canRead, canWrite, check, feature } from './define.js';

const savedMethods = feature('payments', (c) => c.savedMethods, 'saved payment methods');
const autoPay = feature('payments', (c) => c.autoPay, 'auto-pay');
const vouchers = feature('payments', (c) => c.methods.includes('voucher'), 'vouchers');

/** A card token most sandboxes accept (Stripe's test Visa). */
const TEST_CARD: PaymentSource = { tokenized: { kind: 'card', token: 'tok_visa', brand: 'visa', last4: '4242', expiry: { month: 12, year: new Date().getFullYear() + 2 } } };

async function paymentSource({ adapter, fixtures }: CheckContext, payments: PaymentsAdapter): Promise<PaymentSource> {
  if (fixtures.paymentSource) return fixtures.paymentSource;
  if (adapter.capabilities.payments.savedMethods) {
    const preferred = (await payments.listMethods()).find((method) => method.preferred);
    if (preferred) return { savedMethodId: preferred.id };
  }
  return TEST_CARD;
}

/** The balance in minor units, or null when the adapter shows none. */
async function balanceOf(adapter: RingsideAdapter): Promise<{ minor: number; sign: number } | null> {
  if (!adapter.capabilities.billing?.read || !adapter.billing) return null;
  const balance = await adapter.billing.getBalance();
  return balance && { minor: toMinorUnits(balance.balance, balance.currency), sign: balance.model === 'prepaid' ? 1 : -1 };
}

async function paymentRequest(context: CheckContext, payments: PaymentsAdapter, key: string): Promise<PaymentRequest> {
  const settings = await payments.settings();
  return { amount: { amount: settings.minAmount, currency: settings.currency }, source: await paymentSource(context, payments), idempotencyKey: key };
}

const withoutReplayed = ({ replayed: _replayed, ...result }: PaymentResult) => result;

export const PAYMENT_CHECKS: Check[] = [
  check('payments', 'settings', 'settings give a currency, limits and offered methods', [canRead('payments')], async ({ adapter }) => {
    const settings = await adapter.payments!.settings();
    ensure(isCurrencyCode(settings.currency), `currency is ${show(settings.currency)}`);
    ensure(settings.minAmount >= 0 && settings.maxAmount >= settings.minAmount, `limits are ${show([settings.minAmount, settings.maxAmount])}`);
    ensure(settings.methods.every((kind) => (PAYMENT_METHOD_KINDS as readonly string[]).includes(kind)), `unknown method kinds in ${show(settings.methods)}`);
  }),
  check('payments', 'one-preferred-method', 'saved methods show no card data and exactly one is preferred', [savedMethods], async ({ adapter }) => {
    const methods = await adapter.payments!.listMethods();
    if (methods.length === 0) return;
    ensureEqual(methods.filter((method) => method.preferred).length, 1, 'number of preferred methods');
    for (const method of methods) ensure(!/\d{7,}/.test(JSON.stringify(method)), `method ${method.id} shows a long number: ${show(method)}`);
  }),
  check('payments', 'method-round-trip', 'a method can be added without keeping its token, preferred and removed', [canWrite('payments'), savedMethods], async ({ adapter, unique }) => {
    const payments = adapter.payments!;
    const token = `tok_visa_${unique}`;
    const added = await payments.addMethod({ kind: 'card', token, brand: 'visa', last4: '4242', expiry: { month: 12, year: new Date().getFullYear() + 2 } });
    ensure(!JSON.stringify(await payments.listMethods()).includes(token), 'the saved methods show the token they were made from');
    ensure((await payments.listMethods()).some((method) => method.id === added.id), `method ${added.id} is not listed after adding it`);
    await payments.setPreferred(added.id);
    ensureEqual((await payments.listMethods()).filter((method) => method.preferred).map((method) => method.id), [added.id], 'preferred methods after setPreferred');
    await payments.removeMethod(added.id);
    const after = await payments.listMethods();
    ensure(!after.some((method) => method.id === added.id), `method ${added.id} is still listed after removing it`);
    if (after.length) ensureEqual(after.filter((method) => method.preferred).length, 1, 'number of preferred methods after removing the preferred one');
  }),
  check('payments', 'idempotent-payment', 'paying twice with one idempotency key charges once and replays the first result', [canWrite('payments')], async (context) => {
    const payments = context.adapter.payments!;
    const request = await paymentRequest(context, payments, `rs-conformance-${context.unique}`);
    const before = await balanceOf(context.adapter);
    const first = await payments.makePayment(request);
    const afterFirst = await balanceOf(context.adapter);
    const second = await payments.makePayment(structuredClone(request));
    const afterSecond = await balanceOf(context.adapter);
    ensure(second.replayed === true, `the second answer is not marked replayed: ${show(second)}`);
    ensureEqual(withoutReplayed(second), withoutReplayed(first), 'the replayed answer');
    if (!before || !afterFirst || !afterSecond) return;
    ensureEqual(afterSecond.minor, afterFirst.minor, 'balance (minor units) after the replay, compared with after the first payment');
    if (first.status === 'succeeded') {
      const expected = before.minor + before.sign * toMinorUnits(request.amount.amount, request.amount.currency);
      ensureEqual(afterFirst.minor, expected, 'balance (minor units) after one payment');
    }
    ensureEqual(await payments.getPayment(first.id).then(withoutReplayed), withoutReplayed(first), `getPayment(${first.id})`);
  }),
  check('payments', 'idempotency-key-conflict', 'reusing an idempotency key for a different payment is a conflict', [canWrite('payments')], async (context) => {
    const payments = context.adapter.payments!;
    const request = await paymentRequest(context, payments, `rs-conformance-${context.unique}`);
    await payments.makePayment(request);
    const settings = await payments.settings();
    const other = Math.min(settings.maxAmount, request.amount.amount + 1);
    ensure(other !== request.amount.amount, 'the payment limits leave no second amount to try');
    await rejectsWith(payments.makePayment({ ...request, amount: { ...request.amount, amount: other } }), 'conflict', 'the same key with another amount');
  }),
  check('payments', 'amount-limits', 'amounts outside the limits or in another currency are rejected', [canWrite('payments')], async (context) => {
    const payments = context.adapter.payments!;
    const settings = await payments.settings();
    const request = await paymentRequest(context, payments, '');
    const attempt = (amount: number, currency = settings.currency, suffix = '') =>
      payments.makePayment({ ...request, amount: { amount, currency }, idempotencyKey: `rs-conformance-${context.unique}-${amount}${suffix}` });
    if (settings.minAmount > 0) await rejectsInvalid(attempt(settings.minAmount / 2), 'amount', `paying below the minimum of ${settings.minAmount}`);
    await rejectsInvalid(attempt(settings.maxAmount + 1), 'amount', `paying above the maximum of ${settings.maxAmount}`);
    const error = await rejectsWith(attempt(settings.minAmount, settings.currency === 'XTS' ? 'XXX' : 'XTS', '-currency'), 'validation', 'paying in another currency');
    ensure(error.fields.some((f) => f.field === 'currency' || f.field === 'amount' || f.field.startsWith('amount.')), `paying in another currency should name currency or amount: ${show(error.fields)}`);
  }),
  check('payments', 'unknown-payment', 'an unknown payment id is not_found', [canRead('payments')], async ({ adapter, unique }) => {
    await rejectsWith(adapter.payments!.getPayment(`rs-conformance-missing-${unique}`), 'not_found', 'getPayment of an unknown id');
  }),
  check('payments', 'autopay-version', 'auto-pay updates with the current version, and a stale one is a conflict', [canWrite('payments'), autoPay], async ({ adapter }) => {
    const payments = adapter.payments!;
    const current = await payments.getAutoPay();
    const { version, ...input } = current;
    ensure(typeof version === 'string', `auto-pay has no version: ${show(current)}`);
    const updated = await payments.updateAutoPay(input, { ifMatch: version });
    ensure(updated.version !== version, `updating auto-pay kept version ${show(version)}`);
    await rejectsWith(payments.updateAutoPay(input, { ifMatch: version }), 'conflict', 'updating auto-pay with the version before the last update');
  }),
  check('payments', 'autopay-invalid', 'an auto-pay top-up below the minimum payment is rejected', [canWrite('payments'), autoPay, savedMethods], async ({ adapter }) => {
    const payments = adapter.payments!;
    const [settings, methods] = [await payments.settings(), await payments.listMethods()];
    const method = methods.find((candidate) => candidate.preferred) ?? methods[0];
    if (!method || settings.minAmount <= 0) throw new CheckSkipped('no saved method, or no minimum amount');
    const input = { payInvoices: false, topUp: { threshold: 0, amount: settings.minAmount / 2 }, methodId: method.id };
    await rejectsInvalid(payments.updateAutoPay(input), 'topUp', `a top-up of ${settings.minAmount / 2}`);
  }),
  check('payments', 'voucher-invalid', 'an unknown voucher code is rejected, naming the code', [canWrite('payments'), vouchers], async ({ adapter, unique }) => {
    await rejectsInvalid(adapter.payments!.redeemVoucher({ code: `RS-NO-SUCH-CODE-${unique}`, idempotencyKey: `rs-conformance-${unique}` }), 'code', 'redeeming an unknown code');
  }),
  check('payments', 'voucher-idempotent', 'redeeming a voucher twice with one key credits once', [canWrite('payments'), vouchers], async ({ adapter, unique, fixtures }) => {
    if (!fixtures.voucherCode) throw new CheckSkipped('no voucher code was given (fixtures.voucherCode)');
    const payments = adapter.payments!;
    const request = { code: fixtures.voucherCode, idempotencyKey: `rs-conformance-${unique}` };
    const first = await payments.redeemVoucher(request);
    const afterFirst = await balanceOf(adapter);
    const second = await payments.redeemVoucher({ ...request });
    ensure(second.replayed === true, `the second answer is not marked replayed: ${show(second)}`);
    ensureEqual(second.amount, first.amount, 'amount of the replayed answer');
    if (afterFirst) ensureEqual((await balanceOf(adapter))?.minor, afterFirst.minor, 'balance (minor units) after the replay');
    await rejectsInvalid(payments.redeemVoucher({ ...request, idempotencyKey: `${request.idempotencyKey}-again` }), 'code', 'redeeming a used code with a new key');
  }),
];
