import { describe, errorMessage as periodErrorMessage, type FormPeriod, type HourCycle, type ParseError } from '@ringside/period';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { registerMessages } from '@ringside/core';
import { RingsideElement } from '../base/ringside-element.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { monthDayLabels, monthNames, weekdayNames, weekdayOrder } from './calendar.js';
import { periodWizardStyles } from './period-wizard.styles.js';
import messages from './locales/en.js';
import {
  analyze,
  initialState,
  isOvernight,
  isOvernightDraft,
  isValueMissing,
  modelOfRow,
  reduce,
  type Analysis,
  type Choice,
  type DayField,
  type WizardAction,
  type WizardState,
} from './wizard-state.js';

/** `detail` of the wizard's `input` and `change` events; `event.target.value` holds the same text. */
export interface PeriodWizardValueDetail {
  value: string;
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * @summary Edits a schedule (a Time::Period expression such as `wd {mo-fr} hr {9-16}`) as a list of
 * periods, the way PortaOne's period wizard does, or as text. A form control: it takes part in
 * `<form>` submission, validation and reset.
 *
 * @event change - The user committed a new value: added, changed or removed a period, chose
 *   "Always" or "Only at these times", or changed the expression and left the field.
 *   `detail: { value }`. Bubbles, composed.
 * @event input - The user typed in the expression field. `detail: { value }`. Bubbles, composed.
 *
 * @csspart base - The wizard's frame (a fieldset).
 * @csspart summary - The description in words and the expression.
 *
 * @cssproperty --rs-color-surface - Background.
 * @cssproperty --rs-color-accent - "Include this period" and the checked boxes.
 * @cssproperty --rs-color-danger - Validation messages.
 */
export class RsPeriodWizard extends RingsideElement {
  static {
    registerMessages('period-wizard', {
      en: messages,
      languages: { de: () => import('./locales/de.js'), ar: () => import('./locales/ar.js') },
    });
  }

  static formAssociated = true;
  static override styles = [baseStyles, surfaceStyles, periodWizardStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #internals: ElementInternals = this.attachInternals();
  #state: WizardState = initialState();
  #analysis: { text: string; result: Analysis } | undefined;
  #customError = '';
  #focusAfterUpdate: string | null = null;

  /** The name under which the value is submitted with the form. */
  @property({ reflect: true }) name = '';

  /** A value must be given: not empty and not "never" (`none`, or an empty list). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Not editable and not submitted. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shown, submitted, not editable, and not validated. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The wizard's title (its group's name); default "Time period" in the locale. */
  @property() label = '';

  /** Forces a 12- or 24-hour clock in the descriptions (`h12`, `h23`); default: the locale's. */
  @property({ attribute: 'hour-cycle' }) hourCycle: HourCycle | '' = '';

  /** What the user last heard from the live region (period added, removed). */
  @state() private announcement = '';

  /** Disabled by an ancestor `<fieldset disabled>` (or the `disabled` attribute). */
  @state() private formDisabled = false;

  /** True once the browser reported the field invalid (submit, `reportValidity()`). */
  @state() private showValidation = false;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.showValidation = true;
    });
  }

  /**
   * The Time::Period text, exactly as written: the host's text is never reformatted unless the
   * user changes the form. `Always` (or empty) means always, `none` never. The `value`
   * attribute is the default that a form reset restores.
   */
  @property()
  get value(): string {
    return this.#state.text;
  }

  set value(text: string) {
    this.#dispatch({ type: 'set-value', text: text === null || text === undefined ? '' : String(text) });
  }

  /** The value the form resets to: the `value` attribute. */
  get defaultValue(): string {
    return this.getAttribute('value') ?? '';
  }

  set defaultValue(text: string) {
    this.setAttribute('value', text);
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get labels(): NodeList {
    return this.#internals.labels;
  }

  get validity(): ValidityState {
    this.#syncForm();
    return this.#internals.validity;
  }

  get validationMessage(): string {
    this.#syncForm();
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  checkValidity(): boolean {
    this.#syncForm();
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    this.#syncForm();
    return this.#internals.reportValidity();
  }

  /** A host's own error, as on native controls; '' clears it. */
  setCustomValidity(message: string): void {
    this.#customError = String(message ?? '');
    this.#syncForm();
  }

  /** This widget needs no backend: it never shows "not connected". */
  protected override get notConfigured(): boolean {
    return false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formResetCallback(): void {
    this.#dispatch({ type: 'reset', text: this.defaultValue });
    this.showValidation = false;
    this.announcement = '';
  }

  formStateRestoreCallback(restored: string | File | FormData | null): void {
    this.#dispatch({ type: 'reset', text: typeof restored === 'string' ? restored : this.defaultValue });
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('required')) this.#syncForm();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncForm();
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = null;
    }
  }

  // ----------------------------------------------------------------------------------------------
  // State and form participation
  // ----------------------------------------------------------------------------------------------

  #dispatch(action: WizardAction): WizardState {
    const before = this.#state;
    const after = reduce(before, action);
    if (after === before) return after;
    this.#state = after;
    this.requestUpdate();
    if (after.text !== before.text) this.requestUpdate('value', before.text);
    this.#syncForm();
    return after;
  }

  /** A user action; fires `change` when it changed the value. */
  #commit(action: WizardAction): WizardState {
    const before = this.#state.text;
    const after = this.#dispatch(action);
    if (after.text !== before) this.#fire('change');
    return after;
  }

  #fire(type: 'input' | 'change'): void {
    this.dispatchEvent(new CustomEvent<PeriodWizardValueDetail>(type, { detail: { value: this.value }, bubbles: true, composed: true }));
  }

  #analyze(text: string): Analysis {
    if (this.#analysis?.text !== text) this.#analysis = { text, result: analyze(text) };
    return this.#analysis.result;
  }

  #parseMessage(error: ParseError): string {
    return periodErrorMessage(error, this.i18n.locale);
  }

  /** Hands the value and its validity to the form. The anchor is the control the browser points at. */
  #syncForm(): void {
    const state = this.#state;
    this.#internals.setFormValue(state.text, state.text);
    const analysis = this.#analyze(state.text);
    const anchor = (selector: string) => this.shadowRoot?.querySelector<HTMLElement>(selector) ?? undefined;
    if (!analysis.ok) {
      this.#internals.setValidity({ badInput: true }, this.#parseMessage(analysis.error), anchor('#expression-input'));
    } else if (this.required && isValueMissing(state)) {
      const selector = state.view === 'text' ? '#expression-input' : state.choice === 'times' ? '#start' : 'input[name="choice"]';
      this.#internals.setValidity({ valueMissing: true }, this.t('periodWizard.validation.valueMissing'), anchor(selector));
    } else if (this.#customError) {
      this.#internals.setValidity({ customError: true }, this.#customError, anchor(state.view === 'text' ? '#expression-input' : 'input[name="choice"]'));
    } else {
      this.#internals.setValidity({});
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Rendering
  // ----------------------------------------------------------------------------------------------

  #t(key: string, options?: Record<string, unknown>): string {
    return this.t(`periodWizard.${key}`, options);
  }

  #describe(analysis: Analysis & { ok: true }): string {
    return describe(analysis.model, this.i18n.locale, this.hourCycle ? { hourCycle: this.hourCycle } : {});
  }

  #describeRow(row: FormPeriod): string {
    return describe(modelOfRow(row), this.i18n.locale, this.hourCycle ? { hourCycle: this.hourCycle } : {});
  }

  /** Nothing chosen yet: a required wizard with an empty value selects neither choice. */
  get #unset(): boolean {
    return this.required && this.#state.text.trim() === '';
  }

  protected override render(): TemplateResult {
    const state = this.#state;
    const analysis = this.#analyze(state.text);
    let body: TemplateResult | typeof nothing;
    if (this.readonly || this.isDisabled) body = this.#renderReadOnly(analysis);
    else if (state.view === 'text') body = this.#renderText(analysis);
    else body = this.#renderForm();
    return html`<fieldset part="base" class="wizard" lang=${this.i18n.locale} ?disabled=${this.isDisabled} @input=${this.#keepInnerInput}>
      <legend class="title">
        ${this.label || this.#t('title')}${this.readonly ? html` <span class="badge">${this.t('common.readOnly')}</span>` : nothing}
      </legend>
      ${this.#renderSummary(analysis)} ${body}
      <div role="status" class="visually-hidden">${this.announcement}</div>
    </fieldset>`;
  }

  /** Inner controls' `input` events are composed and would leave the shadow root: the wizard fires its own. */
  #keepInnerInput = (event: Event) => {
    event.stopPropagation();
  };

  #renderSummary(analysis: Analysis): TemplateResult {
    const text = this.#state.text;
    let description: string;
    if (!analysis.ok) description = this.#t('summary.invalid');
    else if (this.#unset) description = this.#t('summary.notSet');
    else description = this.#describe(analysis);
    return html`<dl part="summary" class="summary">
      <dt>${this.#t('summary.description')}</dt>
      <dd class="description" id="description">${description}</dd>
      <dt>${this.#t('summary.expression')}</dt>
      <dd>${text === '' ? html`<span class="hint">${this.#t('summary.empty')}</span>` : html`<code dir="ltr" id="expression">${text}</code>`}</dd>
    </dl>`;
  }

  /** Read-only and disabled: the summary says it all; a list of two or more periods shows its parts. */
  #renderReadOnly(analysis: Analysis): TemplateResult | typeof nothing {
    const state = this.#state;
    if (!analysis.ok || state.view !== 'form' || state.choice !== 'times' || state.rows.length < 2) return nothing;
    return this.#renderList(false);
  }

  #renderForm(): TemplateResult {
    const state = this.#state;
    const missing = this.showValidation && this.required && isValueMissing(state);
    const checked = (choice: Choice) => !this.#unset && state.choice === choice;
    return html`<fieldset class="choice" aria-describedby=${missing ? 'choice-error' : nothing}>
        <legend>${this.#t('choice.legend')}</legend>
        ${(['always', 'times'] as const).map(
          (choice) =>
            html`<label class="option"
              ><input type="radio" name="choice" value=${choice} .checked=${live(checked(choice))} @change=${() => this.#choose(choice)} />${this.#t(
                `choice.${choice}`,
              )}</label
            >`,
        )}
      </fieldset>
      ${missing ? html`<p class="error" id="choice-error">${this.#t('validation.valueMissing')}</p>` : nothing}
      ${state.choice === 'times' && !this.#unset ? html`${this.#renderList(true)} ${this.#renderEditor()}` : nothing}
      <div class="mode">
        <button type="button" class="link" id="show-text" @click=${this.#showText}>${this.#t('text.show')}</button>
      </div>`;
  }

  #renderList(actions: boolean): TemplateResult {
    const { rows, editing } = this.#state;
    if (rows.length === 0) return html`<p class="hint empty" id="periods-title">${this.#t('list.empty')}</p>`;
    return html`<div class="periods">
      <p class="subtitle" id="periods-title">${this.#t('list.title')}</p>
      <ul aria-labelledby="periods-title">
        ${rows.map((row, index) => {
          const description = this.#describeRow(row);
          return html`<li class=${editing === index ? 'editing' : ''}>
            <span class="row-text"
              >${description}${isOvernight(row) ? html` <span class="note">(${this.#t('list.overnight')})</span>` : nothing}${editing === index
                ? html` <span class="badge">${this.#t('list.editing')}</span>`
                : nothing}</span
            >
            ${actions
              ? html`<span class="row-actions">
                  <button type="button" data-edit=${index} aria-label=${this.#t('list.editLabel', { period: description })} @click=${() => this.#edit(index)}>
                    ${this.#t('list.edit')}
                  </button>
                  <button
                    type="button"
                    data-remove=${index}
                    aria-label=${this.#t('list.removeLabel', { period: description })}
                    @click=${() => this.#remove(index, description)}
                  >
                    ${this.#t('list.remove')}
                  </button>
                </span>`
              : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderEditor(): TemplateResult {
    const { draft, editing, draftError } = this.#state;
    const locale = this.i18n.locale;
    const shortDays = weekdayNames(locale, 'short');
    const longDays = weekdayNames(locale, 'long');
    const shortMonths = monthNames(locale, 'short');
    const longMonths = monthNames(locale, 'long');
    const dayLabels = monthDayLabels(locale);
    const check = (field: DayField, value: number, visible: string, name: string) =>
      html`<label class="check"
        ><input type="checkbox" .checked=${live(draft[field].includes(value))} @change=${() => this.#dispatch({ type: 'toggle-day', field, value })} /><span
          aria-hidden=${visible === name ? nothing : 'true'}
          >${visible}</span
        >${visible === name ? nothing : html`<span class="visually-hidden">${name}</span>`}</label
      >`;
    return html`<fieldset class="editor" aria-describedby=${draftError ? 'draft-error' : nothing}>
      <legend>${this.#t(editing === null ? 'editor.newTitle' : 'editor.editTitle')}</legend>
      <div class="times">
        <label class="field"
          >${this.#t('editor.start')}<input
            type="time"
            id="start"
            .value=${live(draft.start)}
            aria-describedby="times-hint"
            @input=${this.#timeInput('start')}
            @change=${this.#timeInput('start')}
        /></label>
        <label class="field"
          >${this.#t('editor.end')}<input
            type="time"
            id="end"
            .value=${live(draft.end)}
            aria-describedby="times-hint${isOvernightDraft(draft) ? ' overnight-hint' : ''}"
            @input=${this.#timeInput('end')}
            @change=${this.#timeInput('end')}
        /></label>
      </div>
      <p class="hint" id="times-hint">${this.#t('editor.timesHint')}</p>
      ${isOvernightDraft(draft) ? html`<p class="note" id="overnight-hint">${this.#t('editor.overnight')}</p>` : nothing}
      <fieldset class="group" aria-describedby="weekdays-hint">
        <legend>${this.#t('editor.weekdays')}</legend>
        <div class="checks">${weekdayOrder(locale).map((day) => check('weekdays', day, shortDays[day - 1]!, longDays[day - 1]!))}</div>
        <p class="hint" id="weekdays-hint">${this.#t('editor.weekdaysHint')}</p>
      </fieldset>
      <fieldset class="group" aria-describedby="months-hint">
        <legend>${this.#t('editor.months')}</legend>
        <div class="checks months">${ALL_MONTHS.map((month) => check('months', month, shortMonths[month - 1]!, longMonths[month - 1]!))}</div>
        <p class="hint" id="months-hint">${this.#t('editor.monthsHint')}</p>
        <div class="actions">
          <button type="button" @click=${() => this.#dispatch({ type: 'set-days', field: 'months', values: ALL_MONTHS })}>${this.#t('editor.selectAllMonths')}</button>
          <button type="button" @click=${() => this.#dispatch({ type: 'set-days', field: 'months', values: [] })}>${this.#t('editor.clearMonths')}</button>
        </div>
      </fieldset>
      <details class="month-days" ?open=${draft.monthDays.length > 0}>
        <summary>${this.#t('editor.monthDays')}</summary>
        <fieldset class="group" aria-describedby="month-days-hint">
          <legend class="visually-hidden">${this.#t('editor.monthDays')}</legend>
          <div class="checks grid">${dayLabels.map((label, index) => check('monthDays', index + 1, label, label))}</div>
          <p class="hint" id="month-days-hint">${this.#t('editor.monthDaysHint')}</p>
          <div class="actions">
            <button type="button" @click=${() => this.#dispatch({ type: 'set-days', field: 'monthDays', values: [] })}>${this.#t('editor.clearMonthDays')}</button>
          </div>
        </fieldset>
      </details>
      ${draftError ? html`<p class="error" id="draft-error" role="alert">${this.#t(`editor.errors.${draftError}`)}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" id="include" @click=${this.#include}>
          ${this.#t(editing === null ? 'editor.include' : 'editor.save')}
        </button>
        ${editing === null ? nothing : html`<button type="button" @click=${this.#cancelEdit}>${this.#t('editor.cancel')}</button>`}
      </div>
    </fieldset>`;
  }

  #renderText(analysis: Analysis): TemplateResult {
    const invalid = !analysis.ok;
    const representable = analysis.ok && analysis.rows !== null;
    return html`<div class="text-mode">
      <label class="field" for="expression-input">${this.#t('text.label')}</label>
      <textarea
        id="expression-input"
        dir="ltr"
        rows="2"
        spellcheck="false"
        autocomplete="off"
        autocapitalize="off"
        .value=${live(this.#state.text)}
        ?required=${this.required}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="expression-error expression-help"
        @input=${this.#typeText}
        @change=${this.#commitText}
      ></textarea>
      <p class="error" id="expression-error" aria-live="polite">${analysis.ok ? '' : this.#parseMessage(analysis.error)}</p>
      <p class="hint" id="expression-help">
        <span>${this.#t('text.example')} <code dir="ltr">wd {mo-fr} hr {9-16}</code></span>
        <span class="block">${this.#t('text.syntax')}</span>
      </p>
      ${analysis.ok && !representable ? html`<p class="note">${this.#t('text.unrepresentable')}</p>` : nothing}
      <div class="mode">
        ${representable
          ? html`<button type="button" class="link" id="show-form" @click=${this.#showForm}>${this.#t('text.hide')}</button>`
          : invalid
            ? html`<p class="hint">${this.#t('text.fixToReturn')}</p>`
            : nothing}
      </div>
    </div>`;
  }

  // ----------------------------------------------------------------------------------------------
  // User actions
  // ----------------------------------------------------------------------------------------------

  #choose(choice: Choice): void {
    this.#commit({ type: 'choose', choice });
  }

  #timeInput(field: 'start' | 'end') {
    return (event: Event) => {
      this.#dispatch({ type: 'draft', patch: { [field]: (event.target as HTMLInputElement).value } });
    };
  }

  #include = () => {
    const editing = this.#state.editing;
    const after = this.#commit({ type: 'include' });
    if (after.draftError) {
      this.#focusAfterUpdate = '#start';
      return;
    }
    const row = after.rows[editing ?? after.rows.length - 1];
    if (row) this.announcement = this.#t(editing === null ? 'announce.added' : 'announce.changed', { period: this.#describeRow(row) });
  };

  #edit(index: number): void {
    this.#dispatch({ type: 'edit', index });
    this.#focusAfterUpdate = '#start';
  }

  #cancelEdit = () => {
    const index = this.#state.editing;
    this.#dispatch({ type: 'cancel-edit' });
    this.#focusAfterUpdate = index === null ? '#start' : `[data-edit="${index}"]`;
  };

  #remove(index: number, description: string): void {
    const after = this.#commit({ type: 'remove', index });
    this.announcement = this.#t('announce.removed', { period: description });
    const next = Math.min(index, after.rows.length - 1);
    this.#focusAfterUpdate = next >= 0 ? `[data-remove="${next}"]` : '#start';
  }

  #showText = () => {
    this.#dispatch({ type: 'show-text' });
    this.#focusAfterUpdate = '#expression-input';
  };

  #showForm = () => {
    this.#dispatch({ type: 'show-form' });
    this.#focusAfterUpdate = '#show-text';
  };

  #typeText = (event: Event) => {
    this.#dispatch({ type: 'type-text', text: (event.target as HTMLTextAreaElement).value });
    this.#fire('input');
  };

  #commitText = () => {
    this.#fire('change');
  };
}
