import { PAYMENT_RETURN_PARAM } from '@ringside/core';

export { PAYMENT_RETURN_PARAM };

/** What a payment id may look like in a URL: anything else is ignored, never sent to the adapter. */
const PAYMENT_ID = /^[\w.:-]{1,100}$/;

/** The payment a return URL names, or null when it names none (or something that is no payment id). */
export function returnedPaymentId(href: string): string | null {
  const id = new URL(href).searchParams.get(PAYMENT_RETURN_PARAM);
  return id !== null && PAYMENT_ID.test(id) ? id : null;
}

/** The URL without the return parameter: what the address bar shows once the payment is shown, and where the next redirect comes back to. */
export function withoutReturnParam(href: string): string {
  const url = new URL(href);
  if (!url.searchParams.has(PAYMENT_RETURN_PARAM)) return href;
  url.searchParams.delete(PAYMENT_RETURN_PARAM);
  return url.href;
}

/** Whether a payment id handed in by the host can be asked for. */
export function isPaymentId(id: string): boolean {
  return PAYMENT_ID.test(id);
}
