// Northwind Voice's page script: what an ITSP writes around Ringside. It signs the visitor in to
// the reference API (as the demo customer of the URL, at once, so the widgets show), connects
// the widgets on the page through the OpenAPI adapter, switches the demo customer, language and
// theme (kept in the URL, not in storage), signs out and in again, and answers the balance card's
// "Top up" with the provider's own payment dialog. An external module: the page's CSP allows no
// inline script.
//
// The session's bearer token lives in a variable of this module and nowhere else: not in
// storage, not in a cookie, not in the URL. A new page load therefore signs in again.
import { createOpenApiAdapter, signIn, signOut } from '/ringside-openapi.js';
import { CUSTOMERS, DEMO_PASSWORD, DEMO_USERNAMES, LANGUAGES, THEMES, translate } from '/demo-strings.js';

const API = '/api/v1';
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

/** The demo customer a username belongs to, if it is one of the switchable ones. */
const customerOf = (username) => CUSTOMERS.find((customer) => DEMO_USERNAMES[customer] === username);

// --- Elements ----------------------------------------------------------------------------------

const portalPage = document.getElementById('portal-page');
const nav = document.querySelector('.main-nav');
const account = document.getElementById('account');
const accountName = document.getElementById('account-name');
const accountCustomer = document.getElementById('account-customer');
const signOutButton = document.getElementById('sign-out');
const signInSection = document.getElementById('sign-in');
const signInForm = signInSection.querySelector('form');
const usernameInput = document.getElementById('sign-in-username');
const passwordInput = document.getElementById('sign-in-password');
const signInNotice = document.getElementById('sign-in-notice');
const signInError = document.getElementById('sign-in-error');
const signInButton = signInForm.querySelector('button[type="submit"]');
const dialog = document.getElementById('top-up');
const toast = document.getElementById('toast');

/**
 * Sets an element's text to a translated string and remembers the key (and values), so a change
 * of language translates it again. An empty key empties (and, with `hide`, hides) the element.
 */
function setText(element, key, values, { hide = false } = {}) {
  if (!key) {
    delete element.dataset.i18n;
    delete element.dataset.i18nValues;
    element.textContent = '';
    if (hide) element.hidden = true;
    return;
  }
  element.dataset.i18n = key;
  if (values) element.dataset.i18nValues = JSON.stringify(values);
  else delete element.dataset.i18nValues;
  element.textContent = t(key, values);
  if (hide) element.hidden = false;
}

function applyStrings() {
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n, element.dataset.i18nValues ? JSON.parse(element.dataset.i18nValues) : undefined);
  }
  for (const element of document.querySelectorAll('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  document.title = `${t(signInSection.hidden ? `${page}.title` : 'signIn.title')} · ${t('brand.name')}`;
}

// --- Ringside ----------------------------------------------------------------------------------

/**
 * The signed-in session: `{ token, user, customer, adapter }`, or null. The adapter reads the
 * token through its own `getToken`, so an adapter of an ended session never sends a newer token.
 */
let session = null;
/** Bumped by every sign-in and sign-out: a slower, older sign-in then knows it was overtaken. */
let generation = 0;
/** The provideRingside() handle, once Ringside is loaded (after the first sign-in). */
let ringside = null;
let ringsideModule = null;

/**
 * Connects the widgets to the current session's adapter (none: they disconnect). Ringside is
 * imported on the first sign-in and provided in the same task, so the widgets it defines find
 * their adapter at once instead of starting "not connected".
 */
async function connectWidgets() {
  if (ringside) {
    ringside.update({ adapter: session?.adapter ?? null });
    return;
  }
  if (!session) return;
  ringsideModule ??= import('/ringside.js').catch((error) => {
    ringsideModule = null;
    throw error;
  });
  const { provideRingside } = await ringsideModule;
  if (ringside) ringside.update({ adapter: session?.adapter ?? null });
  else ringside = provideRingside(document.body, { adapter: session?.adapter ?? null, locale: settings.lang, theme: settings.theme });
}

/**
 * Request Tracker, when the server proxies one (RINGSIDE_RT_*; the server puts the settings on
 * `<body>`): the tickets then come from RT through /api/rt/REST/2.0, everything else from the
 * reference API. Null without RT.
 */
const rt = document.body.dataset.rtQueue
  ? {
      queue: document.body.dataset.rtQueue,
      escalationQueue: document.body.dataset.rtEscalationQueue,
      requestorDomain: document.body.dataset.rtRequestorDomain,
    }
  : null;

/**
 * The session's adapter with its tickets section from Request Tracker. The proxy holds the RT
 * token and acts for the signed-in customer (`<username>@<requestor domain>`, as the proxy
 * itself decides); the browser sends only the portal session's token, read at each call.
 */
async function withRtTickets(adapter, current) {
  const { createRtAdapter } = await import('/ringside-rt.js');
  const rtAdapter = createRtAdapter({
    baseUrl: '/api/rt/REST/2.0',
    queue: rt.queue,
    requestor: `${current.user.username}@${rt.requestorDomain}`.toLowerCase(),
    // The proxy's RT account (the name docs/adapters/request-tracker.md uses) writes the
    // customer's messages.
    customerAuthors: ['ringside-portal'],
    escalation: rt.escalationQueue ? { type: 'queue', queue: rt.escalationQueue } : undefined,
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      if (current.token) headers.set('Authorization', `Bearer ${current.token}`);
      return fetch(url, { ...init, headers });
    },
  });
  return {
    ...adapter,
    name: `${adapter.name} + ${rtAdapter.name}`,
    capabilities: { ...adapter.capabilities, tickets: rtAdapter.capabilities.tickets },
    tickets: rtAdapter.tickets,
  };
}

/** Signs in and makes that session the page's; the previous one (a customer switch) is signed out. */
async function openSession(username, password) {
  const attempt = ++generation;
  const created = await signIn({ baseUrl: API }, { username, password });
  const next = { token: created.token, user: created.session.user, customer: created.session.customer, adapter: null };
  // The sign-in answer carries the account's capabilities, so no GET /session is needed here
  // (connectOpenApiAdapter() does that for a page that gets its token elsewhere).
  next.adapter = createOpenApiAdapter({ baseUrl: API, getToken: () => next.token, capabilities: created.session.capabilities });
  if (rt) {
    try {
      next.adapter = await withRtTickets(next.adapter, next);
    } catch (error) {
      void revoke(next);
      throw error;
    }
  }
  if (attempt !== generation) {
    void revoke(next); // signed out, or signed in as someone else, meanwhile
    return false;
  }
  const previous = session;
  session = next;
  if (previous) void revoke(previous);
  await showSignedIn(next);
  return true;
}

/** Ends a session on the server (best effort: here it has ended either way). */
function revoke(old) {
  const token = old.token;
  old.token = null;
  if (!token) return Promise.resolve();
  return signOut({ baseUrl: API, getToken: () => token }).catch(() => {});
}

/**
 * Signs out (`reason`: the notice the sign-in form shows, `signIn.signedOut` or `signIn.expired`).
 * A session the server already refused (expired) is only forgotten here.
 */
async function endSession(reason) {
  generation++;
  const old = session;
  session = null;
  showSignedOut({ notice: reason, focus: true });
  void connectWidgets();
  if (!old) return;
  if (reason === 'signIn.expired') old.token = null;
  else await revoke(old);
}

// --- The page's own content ------------------------------------------------------------------

async function showSignedIn(current) {
  signInSection.hidden = true;
  portalPage.hidden = false;
  nav.hidden = false;
  account.hidden = false;
  signOutButton.hidden = false;
  accountName.textContent = current.user.name;
  accountCustomer.textContent = current.customer.name !== current.user.name ? current.customer.name : '';
  applyStrings();
  await connectWidgets();
  if (session === current) void renderPhoneLines(current);
}

function showSignedOut({ notice, error, focus }) {
  if (dialog.open) dialog.close('signed-out');
  toast.hidden = true;
  portalPage.hidden = true;
  nav.hidden = true;
  account.hidden = true;
  signOutButton.hidden = true;
  accountName.textContent = '';
  accountCustomer.textContent = '';
  signInSection.hidden = false;
  setText(signInNotice, notice);
  showSignInError(error);
  passwordInput.value = '';
  applyStrings();
  if (focus) usernameInput.focus();
}

/** The phone lines of the account, when the adapter offers them (the residential account has no PBX). */
async function renderPhoneLines(current) {
  const list = document.getElementById('phone-lines');
  if (!list) return;
  const panel = list.closest('section');
  const extensions = current.adapter.extensions;
  panel.hidden = !extensions?.listPhoneLines;
  if (panel.hidden) return;
  list.replaceChildren();
  list.setAttribute('aria-busy', 'true');
  let lines;
  try {
    lines = await ringside.environment.store.read('extensions/phone-lines', (signal) => extensions.listPhoneLines({ signal }));
  } catch (error) {
    if (session !== current) return;
    list.removeAttribute('aria-busy');
    if (error?.code === 'unauthorized') {
      void endSession('signIn.expired');
      return;
    }
    const item = document.createElement('li');
    item.className = 'empty';
    setText(item, 'dashboard.linesError');
    list.replaceChildren(item);
    return;
  }
  if (session !== current) return;
  list.removeAttribute('aria-busy');
  const items = lines.map((line) => {
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
    setText(empty, list.dataset.emptyI18n);
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

function rememberSettings() {
  history.replaceState(null, '', location.pathname + settingsQuery() + location.hash);
  updateLinks();
  for (const select of controls.querySelectorAll('select')) select.value = settings[select.name];
}

/** Switches to another demo customer: signs in as its user (and out as the current one). */
async function switchCustomer(customer) {
  const before = session;
  try {
    await openSession(DEMO_USERNAMES[customer], DEMO_PASSWORD);
  } catch (error) {
    if (session && session === before) {
      // Still signed in as before: say so, and show the customer that is in effect.
      const previous = customerOf(before.user.username);
      if (previous) {
        settings.customer = previous;
        rememberSettings();
      }
      showToast(t('signIn.failed', { code: error?.code ?? 'error' }));
    } else if (!session) {
      showSignedOut({ error });
    }
  }
}

function applySettings(changes) {
  const changed = Object.keys(changes).filter((key) => settings[key] !== changes[key]);
  if (changed.length === 0) return;
  Object.assign(settings, changes);
  const update = {};
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
  ringside?.update(update);
  rememberSettings();
  if (changed.includes('customer')) void switchCustomer(settings.customer);
}

const controls = document.querySelector('.demo-bar');
controls.addEventListener('change', (event) => {
  const { name, value } = event.target;
  if (name in settings) applySettings({ [name]: value });
});
controls.addEventListener('submit', (event) => event.preventDefault());
// The browser may restore a select's earlier choice on back/forward; show what is in effect.
for (const select of controls.querySelectorAll('select')) select.value = settings[select.name];
updateLinks();

// --- Signing in and out ------------------------------------------------------------------------

/** Puts an error (a RingsideError, or a key of demo-strings.js) at the sign-in form, or clears it. */
function showSignInError(error) {
  const key = !error
    ? ''
    : typeof error === 'string'
      ? error
      : error.code === 'unauthorized'
        ? 'signIn.wrong'
        : error.code === 'rate_limited'
          ? 'signIn.rateLimited'
          : ['network', 'timeout', 'unavailable'].includes(error.code)
            ? 'signIn.unreachable'
            : 'signIn.failed';
  setText(signInError, key, key === 'signIn.failed' ? { code: error?.code ?? 'error' } : undefined, { hide: true });
  const invalid = key === 'signIn.wrong' || key === 'signIn.missing';
  for (const input of [usernameInput, passwordInput]) {
    if (invalid && (key === 'signIn.wrong' || !input.value)) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (signInButton.disabled) return;
  const username = usernameInput.value.trim();
  const password = passwordInput.value;
  if (!username || !password) {
    showSignInError('signIn.missing');
    (username ? passwordInput : usernameInput).focus();
    return;
  }
  showSignInError(null);
  setText(signInNotice, '');
  signInButton.disabled = true;
  setText(signInButton, 'signIn.submitting');
  signInForm.setAttribute('aria-busy', 'true');
  try {
    if (await openSession(username, password)) {
      const customer = customerOf(username);
      if (customer && customer !== settings.customer) {
        settings.customer = customer;
        rememberSettings();
      }
      passwordInput.value = '';
      document.getElementById('main').focus();
    }
  } catch (error) {
    if (session) return; // signed in another way meanwhile (the customer switch)
    showSignInError(error);
    passwordInput.select();
    passwordInput.focus();
  } finally {
    signInButton.disabled = false;
    setText(signInButton, 'signIn.submit');
    signInForm.removeAttribute('aria-busy');
  }
});

for (const input of [usernameInput, passwordInput]) input.addEventListener('input', () => input.removeAttribute('aria-invalid'));

signOutButton.addEventListener('click', () => void endSession('signIn.signedOut'));

// A widget found the session gone (expired, or ended elsewhere): ask the visitor to sign in again.
document.addEventListener('rs-auth-required', () => {
  if (session) void endSession('signIn.expired');
});

// The first visit signs in as the demo customer of the URL by itself, so the widgets show at once.
openSession(DEMO_USERNAMES[settings.customer], DEMO_PASSWORD).catch((error) => {
  if (!session) showSignedOut({ error });
  else console.error('Northwind Voice could not load Ringside:', error); // signed in, but the widgets failed to load
});

// --- Top up: Ringside asks, the provider's page collects the payment ---------------------------

const form = dialog.querySelector('form');
const amountInput = document.getElementById('top-up-amount');
const currencyLabel = document.getElementById('top-up-currency');
const hint = document.getElementById('top-up-hint');
const errorBox = document.getElementById('top-up-error');
const payButton = form.querySelector('button[type="submit"]');

let topUp = null; // { currency, minimum, maximum, method, idempotencyKey, session }

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
async function paymentOptions(adapter) {
  const { store } = ringside.environment;
  const payments = adapter.payments;
  const [paymentSettings, methods] = await Promise.all([
    store.read('payments/settings', (signal) => payments.settings({ signal })),
    store.read('payments/methods', (signal) => payments.listMethods({ signal })),
  ]);
  return { paymentSettings, method: methods.find((method) => method.preferred) ?? methods[0] };
}

document.addEventListener('rs-top-up', async (event) => {
  const current = session;
  if (!current?.adapter.payments || !ringside) return;
  const currency = event.detail.currency;
  topUp = { currency, minimum: 0, maximum: undefined, method: undefined, idempotencyKey: newIdempotencyKey(), session: current };
  const opened = topUp;
  currencyLabel.textContent = currencySymbol(currency);
  amountInput.value = '';
  hint.textContent = '…';
  payButton.disabled = true;
  showError('');
  dialog.showModal();
  amountInput.focus();
  try {
    const { paymentSettings, method } = await paymentOptions(current.adapter);
    if (topUp !== opened) return; // closed and opened again meanwhile
    Object.assign(topUp, { minimum: paymentSettings.minAmount, maximum: paymentSettings.maxAmount, method });
    amountInput.min = String(paymentSettings.minAmount);
    amountInput.max = String(paymentSettings.maxAmount);
    hint.textContent = method
      ? `${t('topUp.limits', { min: money(paymentSettings.minAmount, currency), max: money(paymentSettings.maxAmount, currency) })}\n${t('topUp.method', { method: method.label })}`
      : t('topUp.noMethod');
    payButton.disabled = !method;
  } catch (error) {
    if (topUp !== opened) return;
    if (error?.code === 'unauthorized') void endSession('signIn.expired');
    else showError(t('topUp.failed', { code: error?.code ?? 'error' }));
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

dialog.addEventListener('close', () => {
  topUp = null;
});

// One idempotency key per submission: a new amount is a new payment, but pressing Pay again after
// an answer that never arrived (a lost connection, a timeout) repeats the same submission, and the
// server charges it once.
amountInput.addEventListener('input', () => {
  if (topUp) topUp.idempotencyKey = newIdempotencyKey();
  showError('');
});

/** True when a failed payment may have happened all the same: retrying must reuse its key. */
const outcomeUnknown = (error) => !!error?.retryable || error?.code === 'invalid_response';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const submission = topUp;
  if (!submission?.method || payButton.disabled) return;
  const amount = Number(amountInput.value);
  if (!amountInput.value || !Number.isFinite(amount) || amount < submission.minimum || amount > submission.maximum) {
    showError(t('topUp.limits', { min: money(submission.minimum, submission.currency), max: money(submission.maximum, submission.currency) }));
    amountInput.focus();
    return;
  }
  const { currency, method, idempotencyKey, session: paying } = submission;
  payButton.disabled = true;
  setText(payButton, 'topUp.paying');
  dialog.setAttribute('aria-busy', 'true');
  showError('');
  try {
    // The store runs the payment, then invalidates billing: the balance card reloads by itself.
    const result = await ringside.environment.store.mutate(
      () => paying.adapter.payments.makePayment({ amount: { amount, currency }, source: { savedMethodId: method.id }, idempotencyKey }),
      { invalidates: ['billing'] },
    );
    if (result.status !== 'succeeded' && result.status !== 'pending') {
      // A definite answer: trying again is a new payment.
      submission.idempotencyKey = newIdempotencyKey();
      showError(t('topUp.failed', { code: result.declineReason ?? result.status }));
      return;
    }
    dialog.close('paid');
    showToast(t('topUp.done', { amount: money(amount, currency) }));
  } catch (error) {
    if (error?.code === 'unauthorized') {
      void endSession('signIn.expired');
      return;
    }
    if (!outcomeUnknown(error)) submission.idempotencyKey = newIdempotencyKey();
    if (topUp === submission) showError(t('topUp.failed', { code: error?.code ?? 'error' }));
  } finally {
    payButton.disabled = false;
    setText(payButton, 'topUp.pay');
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

// For the end-to-end test and the curious: what a provider's own code would keep (not the token).
Object.defineProperty(window, 'northwind', {
  value: Object.freeze({
    get ringside() {
      return ringside;
    },
    get adapter() {
      return session?.adapter ?? null;
    },
    get username() {
      return session?.user.username ?? null;
    },
  }),
});
