/**
 * The query parameter that names a redirect payment on the page the customer comes back to
 * (`?rs-payment=<payment id>`). The backend adds it to the form's `returnUrl` when it sends the
 * customer to the wallet or bank (docs/payments.md); a payment id is not secret, and nothing
 * else about the payment ever goes into a URL.
 */
export const PAYMENT_RETURN_PARAM = 'rs-payment';

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
