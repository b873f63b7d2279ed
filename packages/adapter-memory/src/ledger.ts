import type { MemoryContext } from './context.js';
import { creditBalance } from './rules/index.js';

/** Books money that came in; answers the new balance, or undefined for an account without billing. */
export function creditAccount({ data, now }: MemoryContext, amount: number): number | undefined {
  if (!data.balance) return undefined;
  Object.assign(data.balance, creditBalance(data.balance, amount, now().toISOString().slice(0, 10)));
  return data.balance.balance;
}
