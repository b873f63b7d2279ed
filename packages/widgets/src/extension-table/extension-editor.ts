import { requireSection, toRingsideError, type Extension, type FieldReason, type HuntGroup, type RingsideError } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ExtensionEditorHost } from './editor-host.js';
import {
  draftOf,
  fieldLabelKey,
  findNumberOwner,
  FORM_FIELDS,
  hasErrors,
  lineTakenBy,
  numberProblem,
  serverErrors,
  toInput,
  validateDraft,
  type ExtensionDraft,
  type FieldProblem,
  type FormContext,
  type FormErrors,
  type FormField,
} from './extension-form.js';

const BY_NUMBER = [{ field: 'number' as const, direction: 'asc' as const }];

/**
 * The add/edit dialog of `<rs-extension-table>`: the form, its checks as the user types and on
 * save, the optimistic save with rollback, the backend's reasons at the fields, and the conflict
 * choice (load theirs, or overwrite). Loaded the first time the user adds or edits, so the table
 * alone stays small; the host renders `render()` and closes it when `close()` is asked for.
 */
export class ExtensionEditor {
  readonly #host: ExtensionEditorHost;
  /** The extension as loaded (its version is what the save names); absent when adding. */
  #extension: Extension | undefined;
  #draft: ExtensionDraft;
  /** Fields the user changed: their problems show as they type. */
  #touched = new Set<FormField>();
  /** The backend's reasons, shown until the user changes that field. */
  #server: FormErrors = {};
  /** Reasons for fields the form does not show. */
  #other: FieldReason[] = [];
  #saving = false;
  #failure: RingsideError | undefined;
  #conflict = false;
  /** Numbers the backend says other extensions have, found while the user types. */
  #takenNumbers = new Set<string>();
  #checkingNumber = false;
  #numberCheck = 0;

  constructor(host: ExtensionEditorHost, extension: Extension | undefined) {
    this.#host = host;
    this.#extension = extension;
    this.#draft = draftOf(extension);
  }

  /** While a save is on its way the dialog stays open. */
  get saving(): boolean {
    return this.#saving;
  }

  #t(key: string, options?: Record<string, unknown>): string {
    return this.#host.i18n.t(key, options);
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  #formContext(): FormContext {
    const lookups = this.#host.lookups;
    return {
      numberLength: lookups.numberLength,
      groupNumbers: new Set(lookups.huntGroups.map((group) => group.number)),
      takenNumbers: this.#takenNumbers,
      phoneLines: lookups.phoneLines,
      extensionId: this.#extension?.id ?? null,
      groupIds: this.#extension?.groupIds ?? [],
    };
  }

  /** What is shown at each field: the local problem of a field the user touched, else the backend's. */
  #shownErrors(): FormErrors {
    const local = validateDraft(this.#draft, this.#formContext());
    const shown: FormErrors = {};
    for (const field of FORM_FIELDS) {
      const problem = (this.#touched.has(field) ? local[field] : undefined) ?? this.#server[field];
      if (problem) shown[field] = problem;
    }
    return shown;
  }

  #edit(field: FormField, value: string | boolean): void {
    delete this.#server[field];
    this.#touched.add(field);
    this.#draft = { ...this.#draft, [field]: value };
    this.#changed();
    if (field === 'number') void this.#checkNumber(String(value));
  }

  /** Asks the backend whether another extension has the number, once it is otherwise valid. */
  async #checkNumber(number: string): Promise<void> {
    const check = ++this.#numberCheck;
    if (numberProblem(number, this.#formContext()) || this.#takenNumbers.has(number)) return;
    const { store, adapter } = this.#host.backend;
    this.#checkingNumber = true;
    this.#changed();
    try {
      const owner = await findNumberOwner(number, (page) =>
        store.read(`extensions/number-check/${number}?page=${page}`, (signal) =>
          requireSection(adapter, 'extensions').list({ search: number, sort: BY_NUMBER, page, pageSize: 50 }, { signal })
        )
      );
      if (check !== this.#numberCheck) return;
      if (owner && owner.id !== this.#extension?.id) this.#takenNumbers = new Set(this.#takenNumbers).add(number);
    } catch {
      // The save will tell; a failed look-up must not block typing.
    } finally {
      if (check === this.#numberCheck) {
        this.#checkingNumber = false;
        this.#changed();
      }
    }
  }

  #onSubmit = (event: Event) => {
    event.preventDefault();
    void this.#save(true);
  };

  async #save(withVersion: boolean): Promise<void> {
    if (this.#saving) return;
    this.#touched = new Set<FormField>(FORM_FIELDS);
    if (hasErrors(validateDraft(this.#draft, this.#formContext()))) {
      this.#server = {};
      this.#failure = undefined;
      await this.#showProblems();
      return;
    }
    const host = this.#host;
    const input = toInput(this.#draft, {
      phoneLine: host.hasField('phoneLine'),
      primaryGroup: host.hasField('primaryGroup'),
      published: host.hasField('published'),
    });
    const existing = this.#extension;
    const snapshot = host.rows.snapshot();
    // Optimistic: the row shows the new values while the backend decides.
    if (existing)
      host.rows.replace({
        ...existing,
        ...input,
        phoneLineId: input.phoneLineId ?? existing.phoneLineId,
        primaryGroupId: input.primaryGroupId ?? existing.primaryGroupId,
      });
    this.#saving = true;
    this.#failure = undefined;
    this.#conflict = false;
    this.#other = [];
    this.#changed();
    const { store, adapter } = host.backend;
    const section = requireSection(adapter, 'extensions');
    try {
      const saved = await store.mutate(
        () => (existing ? section.update(existing.id, input, withVersion ? { ifMatch: existing.version } : {}) : section.create(input)),
        { invalidates: ['extensions', 'huntGroups'] }
      );
      this.#saving = false;
      host.editorSaved(saved, !existing);
    } catch (caught) {
      host.rows.restore(snapshot);
      const error = toRingsideError(caught);
      this.#saving = false;
      if (error.code === 'validation') {
        const { fields, other } = serverErrors(error, this.#formFields());
        this.#server = fields;
        this.#other = other;
        this.#touched = new Set();
        await this.#showProblems();
      } else {
        this.#conflict = error.code === 'conflict';
        this.#failure = this.#conflict ? undefined : error;
        this.#changed();
        if (existing && !this.#conflict) host.editorRolledBack(existing, error);
      }
    }
  }

  async #showProblems(): Promise<void> {
    this.#changed();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('dialog#editor [aria-invalid="true"]')?.focus();
  }

  async #reloadLatest(): Promise<void> {
    const extension = this.#extension;
    if (!extension) return;
    try {
      const latest = await requireSection(this.#host.backend.adapter, 'extensions').get(extension.id);
      this.#extension = latest;
      this.#draft = draftOf(latest);
      this.#touched = new Set();
      this.#server = {};
      this.#other = [];
      this.#conflict = false;
      this.#failure = undefined;
      this.#host.announce(this.#t('extensionTable.conflict.reloaded'));
    } catch (error) {
      this.#failure = toRingsideError(error);
    }
    this.#changed();
  }

  /** The fields the form shows with this adapter. */
  #formFields(): FormField[] {
    const host = this.#host;
    return FORM_FIELDS.filter(
      (field) =>
        (field !== 'phoneLineId' || host.hasField('phoneLine')) &&
        (field !== 'primaryGroupId' || host.hasField('primaryGroup')) &&
        (field !== 'published' || host.hasField('published'))
    );
  }

  /** A backend field by the form's label, never by its raw name. */
  #fieldLabel(field: string): string {
    const key = fieldLabelKey(field);
    return this.#t(key ? `extensionTable.form.${key}` : 'extensionTable.form.otherField');
  }

  #problemText(problem: FieldProblem): string {
    const key = `extensionTable.reasons.${problem.reason}`;
    const count = problem.params?.length ?? problem.params?.max;
    const options = { ...problem.params, ...(count !== undefined ? { count: Number(count) } : {}), reason: problem.reason };
    const i18n = this.#host.i18n;
    return i18n.has(key) || i18n.has(`${key}_other`) ? this.#t(key, options) : this.#t('extensionTable.reasons.other', options);
  }

  render(): TemplateResult {
    const host = this.#host;
    const draft = this.#draft;
    const errors = this.#shownErrors();
    const numberLength = host.lookups.numberLength;
    const title = this.#extension ? this.#t('extensionTable.form.editTitle', { number: this.#extension.number }) : this.#t('extensionTable.form.addTitle');
    const field = (name: FormField, label: string, control: (described: string) => TemplateResult, hint?: string) => {
      const problem = errors[name];
      const described = [hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${`f-${name}`}>${label}</label>
        ${control(described)} ${hint ? html`<p class="hint" id=${`${name}-hint`}>${hint}</p>` : nothing}
        ${problem ? html`<p class="field-error" id=${`${name}-error`}>${this.#problemText(problem)}</p>` : nothing}
      </div>`;
    };
    const input = (name: 'number' | 'name', extra: { inputmode?: string }) => (described: string) =>
      html`<input
        id=${`f-${name}`}
        autocomplete="off"
        inputmode=${extra.inputmode ?? nothing}
        aria-describedby=${described || nothing}
        aria-invalid=${errors[name] ? 'true' : 'false'}
        .value=${live(draft[name])}
        @input=${(event: Event) => this.#edit(name, (event.target as HTMLInputElement).value)}
      />`;
    const context = this.#formContext();
    return html`<dialog
      id="editor"
      aria-labelledby="editor-title"
      @close=${() => host.closeEditor()}
      @cancel=${(event: Event) => this.#saving && event.preventDefault()}
    >
      <form novalidate @submit=${this.#onSubmit} aria-busy=${this.#saving ? 'true' : 'false'}>
        <h3 id="editor-title">${title}</h3>
        ${field(
          'number',
          this.#t('extensionTable.form.number'),
          input('number', { inputmode: 'numeric' }),
          numberLength ? this.#t('extensionTable.form.numberHint', { count: numberLength }) : undefined
        )}
        ${this.#checkingNumber ? html`<p class="hint" role="status">${this.#t('extensionTable.form.checking')}</p>` : nothing}
        ${field('name', this.#t('extensionTable.form.name'), input('name', {}))}
        ${host.hasField('phoneLine')
          ? field('phoneLineId', this.#t('extensionTable.form.phoneLine'), (described) => this.#renderLineSelect(context, described, !!errors.phoneLineId))
          : nothing}
        ${host.hasField('primaryGroup')
          ? field(
              'primaryGroupId',
              this.#t('extensionTable.form.primaryGroup'),
              (described) => this.#renderGroupSelect(host.lookups.groupById, described, !!errors.primaryGroupId),
              this.#t('extensionTable.form.primaryGroupHint')
            )
          : nothing}
        ${host.hasField('published')
          ? html`<div class="field checkbox">
              <input
                id="f-published"
                type="checkbox"
                .checked=${live(draft.published)}
                aria-invalid=${errors.published ? 'true' : 'false'}
                aria-describedby=${errors.published ? 'published-error' : nothing}
                @change=${(event: Event) => this.#edit('published', (event.target as HTMLInputElement).checked)}
              />
              <label for="f-published">${this.#t('extensionTable.form.published')}</label>
              ${errors.published ? html`<p class="field-error" id="published-error">${this.#problemText(errors.published)}</p>` : nothing}
            </div>`
          : nothing}
        ${this.#other.length
          ? html`<div class="alert danger" role="alert">
              ${this.#other.map(
                (reason) =>
                  html`<p>${this.#t('extensionTable.form.otherProblem', { field: this.#fieldLabel(reason.field), message: this.#problemText(reason) })}</p>`
              )}
            </div>`
          : nothing}
        ${this.#failure ? html`<div class="alert danger" role="alert"><p>${host.errorText(this.#failure)}</p></div>` : nothing}
        ${this.#conflict
          ? html`<div class="alert warning" role="alert">
              <strong>${this.#t('extensionTable.conflict.title')}</strong>
              <p>${this.#t('extensionTable.conflict.body')}</p>
              <div class="actions">
                <button type="button" @click=${() => void this.#reloadLatest()}>${this.#t('extensionTable.conflict.reload')}</button>
                <button type="button" class="primary" @click=${() => void this.#save(false)}>${this.#t('extensionTable.conflict.overwrite')}</button>
              </div>
            </div>`
          : nothing}
        <div class="actions end">
          <button type="button" @click=${() => !this.#saving && host.closeEditor()} ?disabled=${this.#saving}>${this.#t('extensionTable.form.cancel')}</button>
          <button type="submit" class="primary" aria-disabled=${this.#saving ? 'true' : 'false'}>
            ${this.#t(this.#saving ? 'extensionTable.form.saving' : 'extensionTable.form.save')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #renderLineSelect(context: FormContext, described: string, invalid: boolean): TemplateResult {
    const lines = [...context.phoneLines];
    const chosen = this.#draft.phoneLineId;
    return html`<select
      id="f-phoneLineId"
      aria-describedby=${described || nothing}
      aria-invalid=${invalid ? 'true' : 'false'}
      @change=${(event: Event) => this.#edit('phoneLineId', (event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!chosen}>${this.#t('extensionTable.form.noPhoneLine')}</option>
      ${lines.map((line) => {
        const text = line.label ? `${line.number} (${line.label})` : line.number;
        const taken = lineTakenBy(line, context.extensionId) !== null;
        return html`<option value=${line.id} ?selected=${line.id === chosen} ?disabled=${taken}>
          ${taken ? this.#t('extensionTable.form.lineInUse', { line: text }) : text}
        </option>`;
      })}
      ${chosen && !lines.some((line) => line.id === chosen) ? html`<option value=${chosen} selected>${chosen}</option>` : nothing}
    </select>`;
  }

  #renderGroupSelect(groups: ReadonlyMap<string, HuntGroup>, described: string, invalid: boolean): TemplateResult {
    const chosen = this.#draft.primaryGroupId;
    const member = this.#extension?.groupIds ?? [];
    return html`<select
      id="f-primaryGroupId"
      aria-describedby=${described || nothing}
      aria-invalid=${invalid ? 'true' : 'false'}
      @change=${(event: Event) => this.#edit('primaryGroupId', (event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!chosen}>${this.#t('extensionTable.form.noPrimaryGroup')}</option>
      ${member.map((id) => {
        const group = groups.get(id);
        return html`<option value=${id} ?selected=${id === chosen}>${group ? `${group.number} ${group.name}` : id}</option>`;
      })}
      ${chosen && !member.includes(chosen) ? html`<option value=${chosen} selected>${groups.get(chosen)?.name ?? chosen}</option>` : nothing}
    </select>`;
  }
}
