import { provide } from '@lit/context';
import { ringsideContext, type Messages, type RingsideAdapter, type RingsideEnvironment, type StoreOptions, type ThemeName } from '@ringside/core';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RingsideElement } from '../base/ringside-element.js';
import { applyTheme } from '../themes/apply-theme.js';
import { createEnvironment, type RingsideOptions } from './environment.js';

/**
 * @summary Connects the widgets inside it to a backend adapter, a locale and a theme.
 *
 * @slot - Any content; Ringside widgets anywhere inside receive this provider's settings.
 */
export class RsProvider extends LitElement {
  static define = RingsideElement.define;
  static readonly version = RingsideElement.version;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The backend adapter, e.g. `createOpenApiAdapter(…)` or `createMemoryAdapter()`. */
  @property({ attribute: false }) adapter: RingsideAdapter | null = null;

  /** BCP 47 locale of the widgets; defaults to the page's `lang`. */
  @property() locale = '';

  /** `light`, `dark`, or `auto` (follows the system setting). */
  @property({ reflect: true }) theme: ThemeName = 'light';

  /** Extra or overriding translations, keyed by language. */
  @property({ attribute: false }) messages: Record<string, Messages> | undefined;

  /** Store timing: `{ staleTime, timeout, retry }`. Read when the adapter is set. */
  @property({ attribute: false }) storeOptions: StoreOptions | undefined;

  @provide({ context: ringsideContext })
  environment: RingsideEnvironment = createEnvironment({});

  #removeTheme: (() => void) | null = null;

  protected override willUpdate(): void {
    const options: RingsideOptions = {
      adapter: this.adapter,
      locale: this.locale || undefined,
      theme: this.theme,
      messages: this.messages,
      store: this.storeOptions,
    };
    this.environment = createEnvironment(options, this.environment);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('theme')) {
      this.#removeTheme?.();
      this.#removeTheme = applyTheme(this, this.theme);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#removeTheme?.();
    this.#removeTheme = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#removeTheme && this.hasUpdated) this.#removeTheme = applyTheme(this, this.theme);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
