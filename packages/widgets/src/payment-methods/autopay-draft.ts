import type { AutoPayInput, AutoPaySettings, BalanceSummary, FieldReason, PaymentSettings, SavedPaymentMethod } from '@ringside/core';
import { formatAmountInput, parseAmount } from '../payment-form/amount.js';

/** Auto-pay as the form edits it: amounts as typed, in the user's locale. */
export interface AutoPayDraft {
  payInvoices: boolean;
  topUpOn: boolean;
  threshold: string;
  amount: string;
  methodId: string;
}

/** The form's starting values: the stored settings, or the preferred method and the minimum top-up. */
export function draftOf(
  settings: AutoPaySettings,
  methods: readonly SavedPaymentMethod[],
  limits: Pick<PaymentSettings, 'currency' | 'minAmount'>,
  locale: string
): AutoPayDraft {
  const format = (value: number) => formatAmountInput(value, locale, limits.currency);
  const preferred = methods.find((method) => method.preferred) ?? methods[0];
  return {
    payInvoices: settings.payInvoices,
    topUpOn: settings.topUp !== null,
    threshold: settings.topUp ? format(settings.topUp.threshold) : '',
    amount: format(settings.topUp?.amount ?? limits.minAmount),
    methodId: settings.methodId ?? preferred?.id ?? '',
  };
}

export interface AutoPayRules {
  limits: Pick<PaymentSettings, 'currency' | 'minAmount' | 'maxAmount'>;
  /** The billing model decides what a threshold means; null without billing. */
  balance: Pick<BalanceSummary, 'model' | 'creditLimit'> | null;
  locale: string;
}

/**
 * The largest sensible threshold: on a postpaid line with a credit limit, available funds never
 * exceed the limit, so a higher threshold would top up forever; on a prepaid line, the largest
 * single payment (a threshold above it could never be reached by one top-up).
 */
export function thresholdCeiling({ limits, balance }: AutoPayRules): number {
  if (balance?.model === 'postpaid' && balance.creditLimit !== null) return balance.creditLimit;
  return limits.maxAmount;
}

/**
 * Checks the draft and builds the settings to store. Reasons use the contract's field names:
 * `topUp.threshold` (`required`, `format`…, `too_small` { min }, `too_large` { max }),
 * `topUp.amount` (the payment limits), `methodId` `required` when anything is on.
 */
export function readDraft(draft: AutoPayDraft, rules: AutoPayRules): { input: AutoPayInput; reasons: [] } | { input: null; reasons: FieldReason[] } {
  const { limits, locale } = rules;
  const reasons: FieldReason[] = [];
  let topUp: AutoPayInput['topUp'] = null;
  if (draft.topUpOn) {
    const threshold = parseAmount(draft.threshold, locale, limits.currency);
    const amount = parseAmount(draft.amount, locale, limits.currency);
    const ceiling = thresholdCeiling(rules);
    if (!threshold.ok) reasons.push({ field: 'topUp.threshold', reason: threshold.reason });
    else if (threshold.value > ceiling) reasons.push({ field: 'topUp.threshold', reason: 'too_large', params: { max: ceiling } });
    if (!amount.ok) reasons.push({ field: 'topUp.amount', reason: amount.reason });
    else if (amount.value < limits.minAmount) reasons.push({ field: 'topUp.amount', reason: 'too_small', params: { min: limits.minAmount } });
    else if (amount.value > limits.maxAmount) reasons.push({ field: 'topUp.amount', reason: 'too_large', params: { max: limits.maxAmount } });
    if (threshold.ok && amount.ok) topUp = { threshold: threshold.value, amount: amount.value };
  }
  const active = draft.payInvoices || draft.topUpOn;
  if (active && draft.methodId === '') reasons.push({ field: 'methodId', reason: 'required' });
  if (reasons.length) return { input: null, reasons };
  return { input: { payInvoices: draft.payInvoices, topUp, methodId: draft.methodId || null }, reasons: [] };
}
