// The billing page's payments, as an ITSP wires them: each payment widget gets its own demo
// tokenizer (card and bank details go to the demo payment service under /pay-demo/, never to
// /api/v1). 3-D Secure checks are answered with the bank's dialog; for a wallet the customer
// really leaves for the demo wallet's page (served by the demo payment service) and comes back
// to this page, whose URL then names the payment: the form shows how it ended. Ringside is
// loaded by demo.js once the visitor is signed in; this waits for it.
import { translate } from '/demo-strings.js';

const dialog = document.getElementById('payment-action');
const text = document.getElementById('payment-action-text');

customElements.whenDefined('rs-payment-form').then(async () => {
  const { createDemoTokenizer } = await import('/ringside.js');
  for (const widget of document.querySelectorAll('rs-payment-form, rs-payment-methods')) {
    widget.tokenizer = createDemoTokenizer({ endpoint: '/pay-demo/' });
  }
});

document.addEventListener('rs-payment-action', (event) => {
  // Answered here: the form waits for respond() instead of offering a link.
  event.preventDefault();
  const { action, respond } = event.detail;
  if (action.type === 'redirect') {
    // Only ever leave for an http(s) page: a javascript: or data: address from the backend is refused.
    const target = URL.canParse(action.url, location.href) ? new URL(action.url, location.href) : null;
    if (target && (target.protocol === 'http:' || target.protocol === 'https:')) location.assign(target.href);
    else respond('cancelled');
    return;
  }
  const key = 'payDemo.threeDs';
  text.dataset.i18n = key;
  text.textContent = translate(document.documentElement.lang || 'en', key);
  dialog.returnValue = '';
  dialog.addEventListener('close', () => respond(dialog.returnValue === 'completed' ? 'completed' : 'cancelled'), { once: true });
  dialog.showModal();
});
