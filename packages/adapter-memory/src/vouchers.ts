import type { PaymentsAdapter, VoucherRequest, VoucherResult } from '@ringside/core';
import type { MemoryContext } from './context.js';
import { creditAccount } from './ledger.js';
import { assertValid, fingerprint, normalizeVoucherCode, reason, replayed, voucherReasons } from './rules/index.js';

export function createVouchers(context: MemoryContext): Pick<PaymentsAdapter, 'redeemVoucher'> {
  return { redeemVoucher: (request, options) => context.call(options, () => redeem(context, request)) };
}

function redeem(context: MemoryContext, request: VoucherRequest): VoucherResult {
  const { payments } = context.data;
  if (!request.idempotencyKey) assertValid([reason('idempotencyKey', 'required')]);
  const code = normalizeVoucherCode(request.code);
  const print = fingerprint({ code });
  const previous = replayed(payments.idempotency.vouchers[request.idempotencyKey], print);
  if (previous) return { ...previous, replayed: true };
  const found = payments.vouchers.find((candidate) => candidate.code === code);
  assertValid(voucherReasons(code, found));
  const voucher = found!;
  voucher.redeemedAt = context.now().toISOString();
  const newBalance = creditAccount(context, voucher.amount);
  const result: VoucherResult = { amount: { amount: voucher.amount, currency: payments.settings.currency }, ...(newBalance === undefined ? {} : { newBalance }) };
  payments.idempotency.vouchers[request.idempotencyKey] = { fingerprint: print, result };
  return result;
}
