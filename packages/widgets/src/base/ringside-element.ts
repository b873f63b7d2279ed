import { ContextRoot, consume } from '@lit/context';
import { createI18n, isLocaleReady, loadLocale, ringsideContext, type RingsideEnvironment, type RingsideError, type RingsideI18n } from '@ringside/core';
import { html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RingsideEventMap } from './events.js';
import { VERSION } from './version.js';

type EventDetail<K extends keyof RingsideEventMap> = RingsideEventMap[K] extends CustomEvent<infer D> ? D : never;

const warned = new Set<string>();
const CONTEXT_ROOT = Symbol.for('ringside.contextRoot');

/** Resolves after the window's load event and one more task, when every module script has run. */
function pageLoaded(): Promise<void> {
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (document.readyState === 'complete') return settle();
  return new Promise((resolve) => window.addEventListener('load', () => void settle().then(resolve), { once: true }));
}

/**
 * Lets a provider that appears after a widget (e.g. `provideRingside()` called once the page
 * has loaded) still reach it: the root remembers unanswered requests and replays them.
 * One per document, shared by every copy of Ringside on the page.
 */
function ensureContextRoot(document: Document): void {
  const holder = document as Document & { [CONTEXT_ROOT]?: ContextRoot };
  if (holder[CONTEXT_ROOT]) return;
  holder[CONTEXT_ROOT] = new ContextRoot();
  holder[CONTEXT_ROOT].attach(document.documentElement);
}

/** Logs a developer warning once per message, prefixed so hosts can find it. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[ringside] ${message}`);
}

/**
 * The base of every Ringside widget: safe registration, locale and direction, typed events,
 * and the environment from `<rs-provider>` / `provideRingside()`.
 */
export class RingsideElement extends LitElement {
  static readonly version = VERSION;

  /**
   * Registers the class under a tag. When the tag is taken (a second copy of Ringside on the
   * page), it warns and keeps the first definition instead of throwing.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (existing) {
      if (existing !== this) {
        warnOnce(`<${tag}> is already defined (version ${existing.version ?? 'unknown'}); this copy (version ${this.version}) was not registered.`);
      }
      return;
    }
    registry.define(tag, this);
  }

  @consume({ context: ringsideContext, subscribe: true })
  @state()
  protected env?: RingsideEnvironment;

  /** A locale for this widget alone; otherwise the provider's. */
  @property() override lang = '';

  /** The text direction the widget applied to itself, unless the author set `dir`. */
  #appliedDir: string | null = null;

  /** The provider's environment, or undefined when the widget has none. */
  get environment(): RingsideEnvironment | undefined {
    return this.env;
  }

  get i18n(): RingsideI18n {
    const providerI18n = this.env?.i18n;
    const i18n =
      providerI18n && (!this.lang || this.lang === providerI18n.locale)
        ? providerI18n
        : createI18n({ locale: this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang });
    // German and Arabic strings arrive on first use; render again when they are here.
    if (!isLocaleReady(i18n.locale)) void loadLocale(i18n.locale).then(() => this.requestUpdate());
    return i18n;
  }

  protected t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  /** The translated message for an error's code. */
  protected errorMessage(error: RingsideError): string {
    return this.t(`errors.${error.code}`);
  }

  /**
   * True when the widget cannot reach any backend; it then shows a "not connected" state and
   * warns once. Widgets that need no backend (form controls) override it to false.
   */
  protected get notConfigured(): boolean {
    return !this.env?.adapter;
  }

  /** What a widget shows in place of its content while `notConfigured`. */
  protected renderNotConfigured(): TemplateResult {
    return html`<div role="status">
      <strong>${this.t('common.notConfigured.title')}</strong>
      <p class="hint">${this.t('common.notConfigured.body')}</p>
    </div>`;
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
    // A host's own module may provide Ringside after this element connects: judge once the page has
    // loaded. A provider without an adapter (a host still signing in) is the host's choice: no warning.
    void pageLoaded().then(() => {
      if (this.isConnected && this.notConfigured && !this.env) {
        warnOnce(
          `<${this.localName}> has no adapter. Wrap it in <rs-provider> with an adapter, or call provideRingside(element, { adapter }) on an ancestor. See docs/embedding.md.`,
        );
      }
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const authorDir = this.getAttribute('dir');
    if (authorDir === null || authorDir === this.#appliedDir) {
      this.#appliedDir = this.i18n.dir;
      if (authorDir !== this.#appliedDir) this.setAttribute('dir', this.#appliedDir);
    }
  }

  /** Dispatches a typed domain event that bubbles out of shadow roots. Returns false when a listener cancelled it. */
  emit<K extends keyof RingsideEventMap>(name: K, detail: EventDetail<K>): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}
