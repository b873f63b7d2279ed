import { registerMessages, type PaymentTokenizer, type TokenizableKind } from '@ringside/core';
import type { RingsideElement } from '../base/ringside-element.js';
import fields from './fields/locales/en.js';

/** The light-DOM slot a tokenizer's fields go into (hosted fields refuse to mount in a shadow root). */
export const PAYMENT_FIELDS_SLOT = 'payment-fields';

/** The strings of the card and bank fields, which the built-in tokenizer fields of both payment widgets show. */
export function registerPaymentFieldMessages(): void {
  registerMessages('payment-fields', {
    en: fields,
    languages: { de: () => import('./fields/locales/de.js'), ar: () => import('./fields/locales/ar.js') },
  });
}

/**
 * Keeps a widget's tokenizer fields mounted for the kind the user chose, in a light-DOM element
 * with `slot="payment-fields"` (the host's own, or one the widget adds), and removes them (and
 * what was typed) when the kind changes or the widget leaves the page.
 */
export class TokenizerSlot {
  #mounted: { tokenizer: PaymentTokenizer; kind: TokenizableKind } | null = null;
  readonly #host: RingsideElement;
  readonly #onChange: () => void;

  constructor(host: RingsideElement, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
  }

  /** The tokenizer whose fields are mounted now. */
  get tokenizer(): PaymentTokenizer | null {
    return this.#mounted?.tokenizer ?? null;
  }

  /** Mounts `tokenizer` for `kind`, or unmounts when either is null. Answers true when it mounted anew. */
  async sync(tokenizer: PaymentTokenizer | null, kind: TokenizableKind | null): Promise<boolean> {
    if (this.#mounted && this.#mounted.kind === kind && this.#mounted.tokenizer === tokenizer) return false;
    this.unmount();
    if (!tokenizer || !kind) return false;
    this.#mounted = { tokenizer, kind };
    const host = this.#host;
    await tokenizer.mount(this.#container(), {
      kind,
      locale: host.i18n.locale,
      t: (key, options) => host.i18n.t(key, options),
      onChange: this.#onChange,
    });
    return true;
  }

  unmount(): void {
    this.#mounted?.tokenizer.destroy();
    this.#mounted = null;
  }

  #container(): HTMLElement {
    let container = this.#host.querySelector<HTMLElement>(`:scope > [slot="${PAYMENT_FIELDS_SLOT}"]`);
    if (!container) {
      container = document.createElement('div');
      container.slot = PAYMENT_FIELDS_SLOT;
      this.#host.append(container);
    }
    return container;
  }
}

/**
 * Enter in a slotted field submits the widget's form, as it would in a field of the form: the
 * tokenizer's inputs live in the light DOM, outside the shadow root's `<form>`.
 */
export function submitOnEnter(event: KeyboardEvent): void {
  const field = event.composedPath()[0];
  if (event.key !== 'Enter' || event.defaultPrevented || !(field instanceof HTMLInputElement)) return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).closest('form')?.requestSubmit();
}
