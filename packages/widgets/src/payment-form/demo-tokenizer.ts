import type { FieldReason, PaymentTokenizer, TokenizableKind, TokenizeOutcome, TokenizerMountOptions } from '@ringside/core';
import { demoTokenize, detailReasons, type DemoMethodDetails, type DemoTokenAnswer } from './demo-processor.js';

export { DEMO_TEST_NUMBERS, demoTokenize, detailReasons, type DemoMethodDetails, type DemoTokenAnswer } from './demo-processor.js';

/** Where the demo tokenizer sends what the customer typed: the payment service, never the provider's API. */
export interface DemoPaymentService {
  tokenize(details: DemoMethodDetails): Promise<DemoTokenAnswer>;
}

export interface DemoTokenizerOptions {
  /** The demo payment service of the reference server, e.g. `/pay-demo/` (its `tokens` resource is posted to). */
  endpoint?: string;
  /** Another service instead, e.g. `createLocalDemoService()` for stories and tests without a server. */
  service?: DemoPaymentService;
  /** The clock for expiry checks. */
  now?: () => Date;
}

/** The demo payment service over HTTP: `POST {endpoint}tokens` with the details, answered with a token or field reasons. */
export function createHttpDemoService(endpoint: string): DemoPaymentService {
  return {
    async tokenize(details) {
      const response = await fetch(new URL('tokens', new URL(endpoint, document.baseURI)), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(details),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      if (response.status === 201 || response.status === 400) return (await response.json()) as DemoTokenAnswer;
      throw new Error(`the demo payment service answered ${response.status}`);
    },
  };
}

/** The same demo processor, run in the page: for stories and tests that have no reference server. */
export function createLocalDemoService(now: () => Date = () => new Date()): DemoPaymentService {
  return { tokenize: async (details) => structuredClone(demoTokenize(details, now())) };
}

interface FieldSpec {
  name: string;
  /** Key under `paymentFields.` of the label. */
  label: string;
  autocomplete: string;
  inputmode?: string;
  hint?: (t: TokenizerMountOptions['t']) => string;
  choices?: { value: string; label: string }[];
}

const FIELDS: Record<TokenizableKind, { legend: string; fields: FieldSpec[] }> = {
  card: {
    legend: 'card.legend',
    fields: [
      { name: 'number', label: 'card.number', autocomplete: 'cc-number', inputmode: 'numeric' },
      { name: 'expiry', label: 'card.expiry', autocomplete: 'cc-exp', inputmode: 'numeric' },
      {
        name: 'securityCode',
        label: 'card.securityCode',
        autocomplete: 'cc-csc',
        inputmode: 'numeric',
        hint: (t) => t('paymentFields.card.securityCodeHint', { count: 3 }),
      },
      { name: 'holder', label: 'card.holder', autocomplete: 'cc-name' },
    ],
  },
  bank_account: {
    legend: 'bank.legend',
    fields: [
      { name: 'accountHolder', label: 'accountHolder', autocomplete: 'name' },
      { name: 'routingNumber', label: 'bank.routingNumber', autocomplete: 'off', inputmode: 'numeric' },
      { name: 'accountNumber', label: 'bank.accountNumber', autocomplete: 'off', inputmode: 'numeric' },
      {
        name: 'accountType',
        label: 'bank.accountType',
        autocomplete: 'off',
        choices: [
          { value: 'checking', label: 'bank.checking' },
          { value: 'savings', label: 'bank.savings' },
        ],
      },
    ],
  },
  direct_debit: {
    legend: 'debit.legend',
    fields: [
      { name: 'accountHolder', label: 'accountHolder', autocomplete: 'name' },
      { name: 'iban', label: 'debit.iban', autocomplete: 'off', hint: (t) => t('paymentFields.debit.mandate') },
    ],
  },
};

const STYLES = `
.rs-demo-fields { border: 0; margin: 0; padding: 0; display: grid; gap: 0.75rem; min-inline-size: 0; }
.rs-demo-fields legend { font-weight: 600; padding: 0; margin-block-end: 0.5rem; }
.rs-demo-field { display: grid; gap: 0.25rem; }
.rs-demo-field label, .rs-demo-field .rs-demo-label { font-weight: 500; }
.rs-demo-field input, .rs-demo-field select { font: inherit; color: inherit; background: var(--rs-color-surface, #fff); border: 1px solid var(--rs-color-border, #d4dae1); border-radius: calc(var(--rs-radius, 0.5rem) * 0.75); padding-block: 0.45em; padding-inline: 0.6em; inline-size: 100%; max-inline-size: 24rem; box-sizing: border-box; }
.rs-demo-field input:focus-visible, .rs-demo-field select:focus-visible { outline: 2px solid var(--rs-color-focus, #0b5cad); outline-offset: 2px; }
.rs-demo-field [aria-invalid='true'] { border-color: var(--rs-color-danger, #b3261e); }
.rs-demo-hint { color: var(--rs-color-text-muted, #566372); font-size: 0.875em; margin: 0; }
.rs-demo-error { color: var(--rs-color-danger, #b3261e); font-size: 0.875em; margin: 0; }
.rs-demo-error:empty { display: none; }
`;

let sheet: CSSStyleSheet | undefined;

/** One stylesheet for every demo field on the page, adopted by the document (allowed under a strict CSP). */
function adoptStyles(root: Document | ShadowRoot): void {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(STYLES);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

let mounts = 0;

/** A message key under `paymentFields.errors.` for a reason, with the count i18next uses for plurals. */
export function fieldMessage(t: TokenizerMountOptions['t'], reason: FieldReason): string {
  const key = `paymentFields.errors.${reason.field}.${reason.reason}`;
  const count = reason.params?.length;
  return t(key, count === undefined ? undefined : { count });
}

/**
 * A tokenizer for demos, stories and tests: plain inputs in the light DOM (where a real provider's
 * hosted fields would go), checked before anything is sent, then posted to the demo payment
 * service, which answers an opaque token. Never import it in production: use your provider's
 * tokenizer (docs/payments.md).
 */
export function createDemoTokenizer(options: DemoTokenizerOptions = {}): PaymentTokenizer {
  const service = options.service ?? createHttpDemoService(options.endpoint ?? '/pay-demo/');
  const now = options.now ?? (() => new Date());
  let mounted: { container: HTMLElement; root: HTMLFieldSetElement; kind: TokenizableKind; options: TokenizerMountOptions; id: number } | null = null;

  const input = (name: string) => mounted?.root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`) ?? null;
  const value = (name: string) => input(name)?.value ?? '';

  function details(): DemoMethodDetails {
    if (mounted?.kind === 'bank_account') {
      return {
        kind: 'bank_account',
        holder: value('accountHolder'),
        routingNumber: value('routingNumber'),
        accountNumber: value('accountNumber'),
        accountType: value('accountType'),
      };
    }
    if (mounted?.kind === 'direct_debit') return { kind: 'direct_debit', holder: value('accountHolder'), iban: value('iban') };
    return { kind: 'card', number: value('number'), expiry: value('expiry'), securityCode: value('securityCode'), holder: value('holder') };
  }

  function showErrors(reasons: readonly FieldReason[]): void {
    if (!mounted) return;
    const { t } = mounted.options;
    for (const field of FIELDS[mounted.kind].fields) {
      const reason = reasons.find((candidate) => candidate.field === field.name);
      const control = input(field.name);
      const error = mounted.root.querySelector<HTMLElement>(`#rs-demo-${mounted.id}-${field.name}-error`);
      control?.setAttribute('aria-invalid', reason ? 'true' : 'false');
      if (error) error.textContent = reason ? fieldMessage(t, reason) : '';
    }
  }

  function build(container: HTMLElement, mountOptions: TokenizerMountOptions): HTMLFieldSetElement {
    const id = ++mounts;
    const { t } = mountOptions;
    const spec = FIELDS[mountOptions.kind];
    const root = document.createElement('fieldset');
    root.className = 'rs-demo-fields';
    root.lang = mountOptions.locale;
    const legend = document.createElement('legend');
    legend.textContent = t(`paymentFields.${spec.legend}`);
    root.append(legend);
    for (const field of spec.fields) {
      const wrapper = document.createElement('div');
      wrapper.className = 'rs-demo-field';
      const controlId = `rs-demo-${id}-${field.name}`;
      const label = document.createElement('label');
      label.htmlFor = controlId;
      label.textContent = t(`paymentFields.${field.label}`);
      let control: HTMLInputElement | HTMLSelectElement;
      if (field.choices) {
        control = document.createElement('select');
        const none = document.createElement('option');
        none.value = '';
        control.append(none);
        for (const choice of field.choices) {
          const option = document.createElement('option');
          option.value = choice.value;
          option.textContent = t(`paymentFields.${choice.label}`);
          control.append(option);
        }
      } else {
        control = document.createElement('input');
        control.type = 'text';
        control.spellcheck = false;
        if (field.inputmode) control.inputMode = field.inputmode;
        // Numbers are read left to right in every language.
        if (field.inputmode === 'numeric' || field.name === 'iban') control.dir = 'ltr';
      }
      control.id = controlId;
      control.name = field.name;
      control.autocomplete = field.autocomplete as AutoFill;
      const describedBy = [`${controlId}-error`];
      const parts: HTMLElement[] = [label, control];
      if (field.hint) {
        const hint = document.createElement('p');
        hint.className = 'rs-demo-hint';
        hint.id = `${controlId}-hint`;
        hint.textContent = field.hint(t);
        describedBy.unshift(hint.id);
        parts.push(hint);
      }
      const error = document.createElement('p');
      error.className = 'rs-demo-error';
      error.id = `${controlId}-error`;
      parts.push(error);
      control.setAttribute('aria-describedby', describedBy.join(' '));
      control.setAttribute('aria-invalid', 'false');
      control.addEventListener('input', () => mountOptions.onChange?.());
      control.addEventListener('change', () => mountOptions.onChange?.());
      wrapper.append(...parts);
      root.append(wrapper);
    }
    const serviceError = document.createElement('p');
    serviceError.className = 'rs-demo-error rs-demo-service-error';
    serviceError.setAttribute('role', 'alert');
    root.append(serviceError);
    mounted = { container, root, kind: mountOptions.kind, options: mountOptions, id };
    return root;
  }

  return {
    kinds: ['card', 'bank_account', 'direct_debit'],
    mount(container, mountOptions) {
      this.destroy();
      const root = build(container, mountOptions);
      adoptStyles(container.getRootNode() as Document | ShadowRoot);
      container.replaceChildren(root);
    },
    async tokenize(): Promise<TokenizeOutcome> {
      if (!mounted) return { ok: false, fields: [{ field: 'service', reason: 'not_mounted' }] };
      const current = mounted;
      const typed = details();
      const problems = detailReasons(typed, now());
      showErrors(problems);
      if (problems.length) return { ok: false, fields: problems };
      const serviceError = current.root.querySelector<HTMLElement>('.rs-demo-service-error');
      if (serviceError) serviceError.textContent = '';
      let answer: DemoTokenAnswer;
      try {
        answer = await service.tokenize(typed);
      } catch {
        if (serviceError) serviceError.textContent = current.options.t('paymentFields.errors.service');
        return { ok: false, fields: [{ field: 'service', reason: 'unavailable' }] };
      }
      if (mounted !== current) return { ok: false, fields: [{ field: 'service', reason: 'not_mounted' }] };
      if ('fields' in answer) {
        showErrors(answer.fields);
        return { ok: false, fields: answer.fields };
      }
      showErrors([]);
      return { ok: true, method: answer.method };
    },
    focus() {
      if (!mounted) return;
      const invalid = mounted.root.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? mounted.root.querySelector<HTMLElement>('input, select'))?.focus();
    },
    clearSecurityCode() {
      const code = input('securityCode');
      if (code) code.value = '';
    },
    destroy() {
      mounted?.root.remove();
      mounted = null;
    },
  };
}
