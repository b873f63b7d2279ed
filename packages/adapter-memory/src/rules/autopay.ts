import type { AutoPayInput, BalanceSummary, FieldReason, PaymentSettings } from '@ringside/core';
import { reason } from './errors.js';
import { booleanReasons } from './values.js';

export interface AutoPayRulesContext {
  settings: Pick<PaymentSettings, 'minAmount' | 'maxAmount'>;
  balance: Pick<BalanceSummary, 'model' | 'creditLimit'> | null;
  methodExists(id: string): boolean;
}

/**
 * Reasons to reject auto-pay settings. The top-up threshold is an amount of available funds, so
 * it is never negative (`topUp.threshold` `too_small` { min: 0 }); on a postpaid account with a
 * credit limit it cannot exceed that limit (`too_large` { max }), since available funds never do.
 * `topUp.amount` lies within the payment limits; `methodId` is `required` when anything is
 * switched on, and `unknown` when it names no saved method.
 */
export function autoPayReasons(input: AutoPayInput, context: AutoPayRulesContext): FieldReason[] {
  const active = input.payInvoices === true || (input.topUp !== null && input.topUp !== undefined);
  return [...booleanReasons('payInvoices', input.payInvoices), ...topUpReasons(input.topUp, context), ...methodReasons(input.methodId, active, context)];
}

function topUpReasons(topUp: AutoPayInput['topUp'], { settings, balance }: AutoPayRulesContext): FieldReason[] {
  if (topUp === null || topUp === undefined) return [];
  const reasons: FieldReason[] = [];
  const { amount, threshold } = topUp;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) reasons.push(reason('topUp.amount', 'invalid'));
  else if (amount < settings.minAmount) reasons.push(reason('topUp.amount', 'too_small', { min: settings.minAmount }));
  else if (amount > settings.maxAmount) reasons.push(reason('topUp.amount', 'too_large', { max: settings.maxAmount }));
  const ceiling = balance?.model === 'postpaid' ? balance.creditLimit : null;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) reasons.push(reason('topUp.threshold', 'invalid'));
  else if (threshold < 0) reasons.push(reason('topUp.threshold', 'too_small', { min: 0 }));
  else if (ceiling !== null && threshold > ceiling) reasons.push(reason('topUp.threshold', 'too_large', { max: ceiling }));
  return reasons;
}

function methodReasons(methodId: string | null, active: boolean, context: AutoPayRulesContext): FieldReason[] {
  if (methodId === null || methodId === undefined || methodId === '') return active ? [reason('methodId', 'required')] : [];
  return context.methodExists(methodId) ? [] : [reason('methodId', 'unknown')];
}
