// Northwind Voice's page script: what an ITSP writes around Ringside. It connects the widgets on
// the page to a backend (here the in-memory demo backend), switches the demo customer, language
// and theme (kept in the URL, not in storage), and answers the balance card's "Top up" with the
// provider's own payment dialog. An external module: the page's CSP allows no inline script.
import { provideRingside } from '/ringside.js';
import { createMemoryAdapter } from '/ringside-memory.js';
import { CUSTOMERS, LANGUAGES, THEMES, translate } from '/demo-strings.js';

const root = document.documentElement;
const page = document.body.dataset.page ?? 'dashboard';

// --- Settings, from the query string (the server rendered the page with the same ones) --------

function readSettings() {
  const params = new URLSearchParams(location.search);
  const pick = (name, allowed) => (allowed.includes(params.get(name)) ? params.get(name) : allowed[0]);
  return {
    customer: pick('customer', CUSTOMERS),
    lang: pick('lang', LANGUAGES.map((language) => language.code)),
    theme: pick('theme', THEMES),
  };
}

const settings = readSettings();
const t = (key, values) => translate(settings.lang, key, values);

/** The query string of the current settings, leaving out defaults. */
function settingsQuery() {
  const query = new URLSearchParams();
  if (settings.customer !== CUSTOMERS[0]) query.set('customer', settings.customer);
  if (settings.lang !== LANGUAGES[0].code) query.set('lang', settings.lang);
  if (settings.theme !== THEMES[0]) query.set('theme', settings.theme);
  return query.size ? `?${query}` : '';
}

// --- Ringside --------------------------------------------------------------------------------

// One adapter per demo customer, kept while the page lives: switching back shows what was paid.
const adapters = new Map();
function adapterFor(customer) {
  if (!adapters.has(customer)) adapters.set(customer, createMemoryAdapter({ customer, latency: [150, 400] }));
  return adapters.get(customer);
}

let adapter = adapterFor(settings.customer);
const ringside = provideRingside(document.body, { adapter, locale: settings.lang, theme: settings.theme });

// --- The page's own content ------------------------------------------------------------------

function applyStrings() {
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  document.title = `${t(`${page}.title`)} · ${t('brand.name')}`;
}

function renderAccount() {
  document.getElementById('account-name').textContent = adapter.data.name;
  const list = document.getElementById('phone-lines');
  if (!list) return;
  const items = adapter.data.phoneLines.map((line) => {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = line.label;
    const number = document.createElement('span');
    number.className = 'number';
    number.dir = 'ltr';
    number.textContent = line.number;
    item.append(label, number);
    return item;
  });
  if (items.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.dataset.i18n = list.dataset.emptyI18n;
    empty.textContent = t(list.dataset.emptyI18n);
    items.push(empty);
  }
  list.replaceChildren(...items);
}

/** Links between the portal's pages keep the demo settings. */
function updateLinks() {
  const search = settingsQuery();
  for (const link of document.querySelectorAll('a[href^="/"]')) {
    const url = new URL(link.getAttribute('href'), location.origin);
    url.search = search;
    link.setAttribute('href', url.pathname + url.search);
  }
}

function applySettings(changes) {
  const changed = Object.keys(changes).filter((key) => settings[key] !== changes[key]);
  if (changed.length === 0) return;
  Object.assign(settings, changes);
  const update = {};
  if (changed.includes('customer')) {
    adapter = adapterFor(settings.customer);
    update.adapter = adapter;
    renderAccount();
  }
  if (changed.includes('lang')) {
    root.lang = settings.lang;
    root.dir = LANGUAGES.find((language) => language.code === settings.lang).dir;
    update.locale = settings.lang;
    applyStrings();
    toast.hidden = true; // it speaks the previous language
  }
  if (changed.includes('theme')) {
    root.dataset.theme = settings.theme;
    update.theme = settings.theme;
  }
  ringside.update(update);
  history.replaceState(null, '', location.pathname + settingsQuery() + location.hash);
  updateLinks();
}

const controls = document.querySelector('.demo-bar');
controls.addEventListener('change', (event) => {
  const { name, value } = event.target;
  if (name in settings) applySettings({ [name]: value });
});
controls.addEventListener('submit', (event) => event.preventDefault());
// The browser may restore a select's earlier choice on back/forward; show what is in effect.
for (const select of controls.querySelectorAll('select')) select.value = settings[select.name];

renderAccount();
updateLinks();

// --- Top up: Ringside asks, the provider's page collects the payment ---------------------------

const dialog = document.getElementById('top-up');
const form = dialog.querySelector('form');
const amountInput = document.getElementById('top-up-amount');
const currencyLabel = document.getElementById('top-up-currency');
const hint = document.getElementById('top-up-hint');
const errorBox = document.getElementById('top-up-error');
const payButton = form.querySelector('button[type="submit"]');
const toast = document.getElementById('toast');

let topUp = null; // { currency, minimum, maximum, method, idempotencyKey }

const money = (amount, currency) => new Intl.NumberFormat(settings.lang, { style: 'currency', currency }).format(amount);

function currencySymbol(currency) {
  const parts = new Intl.NumberFormat(settings.lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** crypto.randomUUID() exists only in secure contexts (not on http://<lan-address>). */
function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = !message;
}

/**
 * What a payment may be, through the adapter contract (and the store, so it is asked once):
 * limits from payments.settings(), the preferred saved method from payments.listMethods().
 */
async function paymentOptions() {
  const { store } = ringside.environment;
  const payments = adapter.payments;
  const [settings, methods] = await Promise.all([
    store.read('payments/settings', (signal) => payments.settings({ signal })),
    store.read('payments/methods', (signal) => payments.listMethods({ signal })),
  ]);
  return { settings, method: methods.find((method) => method.preferred) ?? methods[0] };
}

document.addEventListener('rs-top-up', async (event) => {
  const currency = event.detail.currency;
  topUp = { currency, minimum: 0, maximum: undefined, method: undefined, idempotencyKey: newIdempotencyKey() };
  const opened = topUp;
  currencyLabel.textContent = currencySymbol(currency);
  amountInput.value = '';
  hint.textContent = '…';
  payButton.disabled = true;
  showError('');
  dialog.showModal();
  amountInput.focus();
  try {
    const { settings, method } = await paymentOptions();
    if (topUp !== opened) return; // closed and opened again meanwhile
    Object.assign(topUp, { minimum: settings.minAmount, maximum: settings.maxAmount, method });
    amountInput.min = String(settings.minAmount);
    amountInput.max = String(settings.maxAmount);
    hint.textContent = method
      ? `${t('topUp.limits', { min: money(settings.minAmount, currency), max: money(settings.maxAmount, currency) })}\n${t('topUp.method', { method: method.label })}`
      : t('topUp.noMethod');
    payButton.disabled = !method;
  } catch (error) {
    if (topUp === opened) showError(t('topUp.failed', { code: error?.code ?? 'error' }));
  }
});

form.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.dataset.amount) {
    amountInput.value = button.dataset.amount;
    amountInput.dispatchEvent(new Event('input', { bubbles: true }));
    amountInput.focus();
  } else if (button.dataset.action === 'cancel') {
    dialog.close('cancel');
  }
});

// A new amount is a new payment; the same amount sent twice (a double click, a retry) is one.
amountInput.addEventListener('input', () => {
  if (topUp) topUp.idempotencyKey = newIdempotencyKey();
  showError('');
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!topUp?.method || payButton.disabled) return;
  const amount = Number(amountInput.value);
  if (!amountInput.value || !Number.isFinite(amount) || amount < topUp.minimum || amount > topUp.maximum) {
    showError(t('topUp.limits', { min: money(topUp.minimum, topUp.currency), max: money(topUp.maximum, topUp.currency) }));
    amountInput.focus();
    return;
  }
  const { currency, method, idempotencyKey } = topUp;
  const paying = adapter;
  payButton.disabled = true;
  payButton.textContent = t('topUp.paying');
  dialog.setAttribute('aria-busy', 'true');
  try {
    // The store runs the payment, then invalidates billing: the balance card reloads by itself.
    const result = await ringside.environment.store.mutate(
      () => paying.payments.makePayment({ amount: { amount, currency }, source: { savedMethodId: method.id }, idempotencyKey }),
      { invalidates: ['billing'] },
    );
    if (result.status !== 'succeeded' && result.status !== 'pending') {
      showError(t('topUp.failed', { code: result.declineReason ?? result.status }));
      return;
    }
    dialog.close('paid');
    showToast(t('topUp.done', { amount: money(amount, currency) }));
  } catch (error) {
    showError(t('topUp.failed', { code: error?.code ?? 'error' }));
  } finally {
    payButton.disabled = false;
    payButton.textContent = t('topUp.pay');
    dialog.removeAttribute('aria-busy');
  }
});

let toastTimer;
function showToast(message) {
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 5000);
}

// For the end-to-end test and the curious: the handle, as a provider's own code would keep it.
Object.defineProperty(window, 'northwind', { value: { ringside, get adapter() { return adapter; } } });
