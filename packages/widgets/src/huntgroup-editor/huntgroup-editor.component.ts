import {
  MAX_PAGE_SIZE,
  RingsideError,
  registerMessages,
  requireSection,
  toRingsideError,
  type Extension,
  type ExtensionSettings,
  type FieldReason,
  type HuntGroup,
  type Page,
  type PickupSettings,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { QueryController } from '../base/query-controller.js';
import { RingsideElement } from '../base/ringside-element.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
import { choose, conflictOf, resolve, type Conflict, type Side } from './conflict.js';
import {
  NEW_GROUP,
  addIncluded,
  addMember,
  draftKey,
  draftOf,
  edit,
  isDirty,
  moveMember,
  newDraft,
  rebase,
  removeIncluded,
  removeMember,
  updateIncluded,
  updateMember,
  toInput,
  type DraftField,
  type DraftValue,
  type HuntGroupDraft,
  type MemberDraft,
} from './draft.js';
import { huntgroupEditorStyles } from './huntgroup-editor.styles.js';
import messages from './locales/en.js';
import { draftReasons, findInclusionCycle, pickupCodes, type DraftRulesContext } from './rules.js';

/** `detail` of `rs-hunt-group-change`. */
export interface HuntGroupChangeDetail {
  action: 'created' | 'updated' | 'deleted';
  id: string;
  /** The group as stored; null when deleted. */
  group: HuntGroup | null;
}

declare module '../base/events.js' {
  interface RingsideEventMap {
    'rs-hunt-group-change': CustomEvent<HuntGroupChangeDetail>;
  }
}

type Tab = 'settings' | 'members' | 'included';
type Dialog = { kind: 'leave'; key: string; then: () => void } | { kind: 'delete'; group: HuntGroup };

/** The tab that shows a field the backend or the rules named. */
function tabOf(field: string): Tab {
  if (field.startsWith('members')) return 'members';
  if (field.startsWith('includedGroups')) return 'included';
  return 'settings';
}

/** An id for the control of a field (`members.2.ringTime` → `f-members-2-ringTime`). */
const controlId = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** Every item of a paged list, a page of the largest size at a time. */
async function listAll<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetchPage(page);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

const RETRY_MAY_DUPLICATE = new Set(['network', 'timeout', 'unavailable', 'rate_limited']);
const PICKER_LIMIT = 50;

/**
 * @summary Hunt groups: the list, and an editor for number, name, hunt sequence, caller ID, call
 * pickup, members (ring delay, ring time, follow-me, primary group, order) and included groups.
 * Drafts are kept per group until saved or discarded; a save that meets someone else's change
 * shows both versions to choose from.
 *
 * @event rs-hunt-group-change - A group was created, updated or deleted. `detail: { action, id, group }`.
 * @event rs-auth-required - The adapter reported an expired session.
 *
 * @csspart base - The card.
 * @csspart list - The table of hunt groups.
 * @csspart editor - The editor of one group.
 * @csspart save-button - The "Save" button.
 *
 * @cssproperty --rs-color-surface - Card background.
 * @cssproperty --rs-color-accent - Buttons, the selected tab and the drop target.
 * @cssproperty --rs-color-danger - Validation messages and the delete button.
 * @cssproperty --rs-color-warning - The "unsaved changes" note.
 */
export class RsHuntgroupEditor extends RingsideElement {
  static {
    registerMessages('huntgroup-editor', {
      en: messages,
      languages: {
        de: () => import('./locales/de.js'),
        ar: () => import('./locales/ar.js'),
      },
    });
  }

  static override styles = [baseStyles, surfaceStyles, huntgroupEditorStyles];

  /** Shows the groups without any control that changes them. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The group open in the editor (`new` for a group being made); null shows the list. */
  @state() private editing: string | null = null;
  @state() private tab: Tab = 'settings';
  /** Drafts by group id (or `new`), kept while the user moves between groups and tabs. */
  @state() private drafts: ReadonlyMap<string, HuntGroupDraft> = new Map();
  @state() private conflict: Conflict | null = null;
  @state() private dialog: Dialog | null = null;
  @state() private saving = false;
  @state() private busyDeleting = false;
  @state() private saveError: RingsideError | null = null;
  @state() private listError: RingsideError | null = null;
  /** Said politely by the live region: moves, additions, saves. */
  @state() private announcement = '';
  @state() private pickerQuery = '';
  @state() private pickerOpen = false;
  @state() private pickerActive = -1;
  @state() private includeChoice = '';
  /** Why the last "Add group" was refused (an inclusion cycle), with its path. */
  @state() private includeRefusal: FieldReason | null = null;
  #focusAfterUpdate: string | null = null;
  #dragFrom: number | null = null;
  @state() private dropTarget: number | null = null;

  readonly groups: QueryController<HuntGroup[]> = new QueryController<HuntGroup[]>(this, () => ({
    key: 'huntGroups/all',
    load: (adapter, signal) => {
      const section = requireSection(adapter, 'huntGroups');
      return listAll((page) => section.list({ page, pageSize: MAX_PAGE_SIZE }, { signal }));
    },
  }));

  readonly extensions: QueryController<Extension[]> = new QueryController<Extension[]>(this, () =>
    this.env?.adapter?.capabilities.extensions.read
      ? {
          key: 'extensions/all',
          load: (adapter, signal) => {
            const section = requireSection(adapter, 'extensions');
            return listAll((page) =>
              section.list(
                {
                  page,
                  pageSize: MAX_PAGE_SIZE,
                  sort: [{ field: 'number', direction: 'asc' }],
                },
                { signal }
              )
            );
          },
        }
      : null
  );

  readonly numbering: QueryController<ExtensionSettings> = new QueryController<ExtensionSettings>(this, () =>
    this.env?.adapter?.capabilities.extensions.read
      ? {
          key: 'extensions/settings',
          load: (adapter, signal) => requireSection(adapter, 'extensions').settings({ signal }),
        }
      : null
  );

  readonly pickup: QueryController<PickupSettings> = new QueryController<PickupSettings>(this, () => ({
    key: 'huntGroups/pickup',
    load: (adapter, signal) => requireSection(adapter, 'huntGroups').pickupSettings({ signal }),
  }));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }

  /** True while any group has changes that are not saved. */
  get hasUnsavedChanges(): boolean {
    return [...this.drafts.values()].some(isDirty);
  }

  #beforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  private get canWrite(): boolean {
    return !this.readonly && !!this.env?.adapter?.capabilities.huntGroups.write;
  }

  private get sequences(): readonly string[] {
    return this.env?.adapter?.capabilities.huntGroups.sequences ?? [];
  }

  private get canInclude(): boolean {
    return !!this.env?.adapter?.capabilities.huntGroups.includeGroups;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.dialog && !dialog.open) dialog.showModal();
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = null;
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Data helpers
  // ----------------------------------------------------------------------------------------------

  #t(key: string, options?: Record<string, unknown>): string {
    return this.t(`huntGroups.${key}`, options);
  }

  /** A translated label for a known value, or the value as the backend wrote it. */
  #label(prefix: string, value: string): string {
    const key = `huntGroups.${prefix}.${value}`;
    return this.i18n.has(key) ? this.t(key) : value;
  }

  #extensionById(): Map<string, Extension> {
    return new Map((this.extensions.value ?? []).map((extension) => [extension.id, extension]));
  }

  #groupById(): Map<string, HuntGroup> {
    return new Map((this.groups.value ?? []).map((group) => [group.id, group]));
  }

  #memberName(extensionId: string, extensions = this.#extensionById()): string {
    const extension = extensions.get(extensionId);
    return extension
      ? this.#t('memberName', {
          number: extension.number,
          name: extension.name,
        })
      : extensionId;
  }

  #groupName(group: Pick<HuntGroup, 'number' | 'name'>): string {
    return this.#t('groupName', { number: group.number, name: group.name });
  }

  #groupNameById(id: string): string {
    const group = this.#groupById().get(id);
    return group ? this.#groupName(group) : id;
  }

  /** The draft of a group: kept changes, or a fresh one of the stored group. */
  #draftFor(key: string): HuntGroupDraft | null {
    const kept = this.drafts.get(key);
    const stored = key === NEW_GROUP ? null : this.#groupById().get(key);
    // A clean draft follows the stored group when someone else changed it.
    if (kept && (isDirty(kept) || !stored || kept.base?.version === stored.version)) return kept;
    if (key === NEW_GROUP) return newDraft(this.sequences);
    return stored ? draftOf(stored) : null;
  }

  #setDraft(draft: HuntGroupDraft, key = draftKey(draft)): void {
    const drafts = new Map(this.drafts);
    drafts.set(key, draft);
    this.drafts = drafts;
  }

  #dropDraft(key: string): void {
    const drafts = new Map(this.drafts);
    drafts.delete(key);
    this.drafts = drafts;
  }

  #change(update: (draft: HuntGroupDraft) => HuntGroupDraft): void {
    if (!this.editing) return;
    const draft = this.#draftFor(this.editing);
    if (draft) this.#setDraft(update(draft), this.editing);
  }

  #rulesContext(draft: HuntGroupDraft): DraftRulesContext {
    const ownId = draft.base?.id ?? null;
    const groups = this.groups.value ?? [];
    return {
      numberLength: this.numbering.value?.numberLength ?? null,
      takenNumbers: new Set([
        ...(this.extensions.value ?? []).map((extension) => extension.number),
        ...groups.filter((group) => group.id !== ownId).map((group) => group.number),
      ]),
      groups,
      groupId: ownId,
    };
  }

  /** The reasons shown at fields: the rules' once the user tried to save, and the backend's. */
  #reasons(draft: HuntGroupDraft): FieldReason[] {
    const own = draft.showReasons ? draftReasons(draft.value, this.#rulesContext(draft)) : [];
    const fromServer = draft.serverReasons.filter((server) => !own.some((mine) => mine.field === server.field));
    return [...own, ...fromServer];
  }

  #reasonText(reason: FieldReason): string {
    const key = `huntGroups.reasons.${reason.reason}`;
    return this.i18n.has(key) ? this.t(key, reason.params) : this.#t('reasons.invalid');
  }

  // ----------------------------------------------------------------------------------------------
  // Rendering
  // ----------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const loading = !this.notConfigured && (this.groups.status === 'loading' || this.groups.status === 'idle');
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'} lang=${this.i18n.locale}>
      <header>
        <h2 id="title" tabindex="-1">${this.#t('title')}</h2>
        ${this.readonly || (this.env?.adapter && !this.env.adapter.capabilities.huntGroups.write)
          ? html`<span class="badge">${this.t('common.readOnly')}</span>`
          : nothing}
      </header>
      ${this.#renderBody()}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.#renderDialog()}
    </section>`;
  }

  #renderBody(): TemplateResult {
    if (this.notConfigured) {
      return html`<div role="status">
        <strong>${this.t('common.notConfigured.title')}</strong>
        <p class="hint">${this.t('common.notConfigured.body')}</p>
      </div>`;
    }
    const { status, error, value } = this.groups;
    if (status === 'idle' || status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${this.#t('loading')}</span>
        <div class="skeleton"></div>
      </div>`;
    }
    if (status === 'error' && error) return this.#renderLoadError(error, () => this.groups.retry());
    const draft = this.editing ? this.#draftFor(this.editing) : null;
    if (this.editing && draft) return this.#renderEditor(draft);
    return this.#renderList(value ?? []);
  }

  #renderLoadError(error: RingsideError, retry: () => void): TemplateResult {
    return html`<div class="alert danger" role="alert">
      <p>${this.errorMessage(error)}</p>
      <button type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  #renderList(groups: readonly HuntGroup[]): TemplateResult {
    const extensions = this.#extensionById();
    const add = this.canWrite
      ? html`<div class="actions">
          <button type="button" class="primary" id="add-group" @click=${() => this.#open(NEW_GROUP)}>${this.#t('add')}</button>
        </div>`
      : nothing;
    const newDraftKept = this.drafts.get(NEW_GROUP);
    const errors = html`${this.listError
      ? html`<div class="alert danger" role="alert">
          <p>${this.errorMessage(this.listError)}</p>
        </div>`
      : nothing}
    ${this.groups.error ? this.#renderLoadError(this.groups.error, () => this.groups.retry()) : nothing}
    ${this.extensions.error ? this.#renderLoadError(this.extensions.error, () => this.extensions.retry()) : nothing}`;
    if (groups.length === 0) {
      return html`${errors}
        <div class="empty">
          <p>${this.#t('empty')}</p>
          <p class="hint">${this.#t('emptyHint')}</p>
        </div>
        ${newDraftKept && isDirty(newDraftKept) ? this.#renderNewDraftNote() : nothing} ${add}`;
    }
    return html`${errors}
      <div class="table-wrap">
        <table part="list" aria-labelledby="title">
          <thead>
            <tr>
              <th scope="col">${this.#t('column.number')}</th>
              <th scope="col">${this.#t('column.name')}</th>
              <th scope="col">${this.#t('column.sequence')}</th>
              <th scope="col">${this.#t('column.members')}</th>
              <th scope="col">${this.#t('column.callerId')}</th>
              <th scope="col">${this.#t('column.pickup')}</th>
              <th scope="col">
                <span class="visually-hidden">${this.#t('column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              groups,
              (group) => group.id,
              (group) => {
                const name = this.#groupName(group);
                const kept = this.drafts.get(group.id);
                return html`<tr>
                  <td class="number">${group.number}</td>
                  <th scope="row">${group.name}${kept && isDirty(kept) ? html` <span class="badge warning">${this.#t('unsaved')}</span>` : nothing}</th>
                  <td>${this.#label('sequence', group.sequence)}</td>
                  <td>
                    ${group.members.length === 0
                      ? html`<span class="hint">${this.#t('noMembers')}</span>`
                      : html`<ul
                          class="plain"
                          aria-label=${this.#t('membersOf', {
                            group: name,
                            count: group.members.length,
                          })}
                        >
                          ${group.members.map((member) => html`<li>${this.#memberName(member.extensionId, extensions)}</li>`)}
                        </ul>`}
                  </td>
                  <td>${this.#label('callerId', group.callerIdMode)}</td>
                  <td>${this.#t(group.pickupAllowed ? 'yes' : 'no')}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      data-open=${group.id}
                      aria-label=${this.#t(this.canWrite ? 'editLabel' : 'viewLabel', { group: name })}
                      @click=${() => this.#open(group.id)}
                    >
                      ${this.#t(this.canWrite ? 'edit' : 'view')}
                    </button>
                    ${this.canWrite
                      ? html`<button
                          type="button"
                          class="danger"
                          data-delete=${group.id}
                          aria-label=${this.#t('deleteLabel', { group: name })}
                          ?disabled=${this.busyDeleting}
                          @click=${() => this.#askDelete(group)}
                        >
                          ${this.#t('delete')}
                        </button>`
                      : nothing}
                  </td>
                </tr>`;
              }
            )}
          </tbody>
        </table>
      </div>
      ${newDraftKept && isDirty(newDraftKept) ? this.#renderNewDraftNote() : nothing} ${add}`;
  }

  #renderNewDraftNote(): TemplateResult {
    return html`<p class="note">
      ${this.#t('newDraftKept')}
      <button type="button" class="link" @click=${() => this.#open(NEW_GROUP)}>${this.#t('newDraftOpen')}</button>
    </p>`;
  }

  #renderEditor(draft: HuntGroupDraft): TemplateResult {
    const reasons = this.#reasons(draft);
    const title = draft.base ? this.#t('editTitle', { group: this.#groupName(draft.base) }) : this.#t('newTitle');
    const dirty = isDirty(draft);
    const tabs: Tab[] = this.canInclude || draft.value.includedGroups.length ? ['settings', 'members', 'included'] : ['settings', 'members'];
    const tabErrors = new Set(reasons.map((reason) => tabOf(reason.field)));
    return html`<div part="editor" class="editor">
      <div class="editor-head">
        <button type="button" class="link back" id="back" @click=${this.#back}>${this.#t('back')}</button>
        <h3 id="editor-title">${title}</h3>
        ${dirty ? html`<span class="badge warning" id="dirty-note">${this.#t('unsaved')}</span>` : nothing}
      </div>
      ${this.conflict ? this.#renderConflict(draft, this.conflict) : nothing} ${this.#renderSaveError(draft, reasons)}
      <div role="tablist" aria-labelledby="editor-title" @keydown=${(event: KeyboardEvent) => this.#tabKey(event, tabs)}>
        ${tabs.map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${tab}"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls="panel-${tab}"
              tabindex=${this.tab === tab ? '0' : '-1'}
              @click=${() => this.#selectTab(tab)}
            >
              ${this.#t(`tab.${tab}`)}${tabErrors.has(tab)
                ? html`<span class="error-dot" aria-hidden="true">!</span><span class="visually-hidden">${this.#t('tabHasErrors')}</span>`
                : nothing}
            </button>`
        )}
      </div>
      <fieldset class="panels" ?disabled=${!this.canWrite || this.saving}>
        <legend class="visually-hidden">${title}</legend>
        <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" ?hidden=${this.tab !== 'settings'}>${this.#renderSettings(draft, reasons)}</div>
        <div role="tabpanel" id="panel-members" aria-labelledby="tab-members" ?hidden=${this.tab !== 'members'}>${this.#renderMembers(draft, reasons)}</div>
        ${tabs.includes('included')
          ? html`<div role="tabpanel" id="panel-included" aria-labelledby="tab-included" ?hidden=${this.tab !== 'included'}>
              ${this.#renderIncluded(draft, reasons)}
            </div>`
          : nothing}
      </fieldset>
      ${this.canWrite
        ? html`<div class="actions">
            <button type="button" class="primary" part="save-button" id="save" ?disabled=${this.saving} @click=${this.#save}>
              ${this.#t(this.saving ? 'saving' : 'save')}
            </button>
            ${dirty && draft.base
              ? html`<button type="button" id="discard" ?disabled=${this.saving} @click=${this.#discard}>${this.#t('discard')}</button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  #renderSaveError(draft: HuntGroupDraft, reasons: readonly FieldReason[]): TemplateResult | typeof nothing {
    const error = this.saveError;
    if (!error || this.conflict) return nothing;
    // Reasons the form cannot show at a field (a field it does not have) are listed here.
    const unplaced = error.code === 'validation' ? draft.serverReasons.filter((reason) => !this.#placeable(reason.field, draft)) : [];
    if (error.code === 'validation' && reasons.length === 0 && unplaced.length === 0) return nothing;
    return html`<div class="alert danger" role="alert" id="save-error">
      <p>${error.code === 'validation' ? this.#t('invalid') : this.errorMessage(error)} ${this.#t('keptNote')}</p>
      ${unplaced.length
        ? html`<ul>
            ${unplaced.map((reason) => html`<li>${reason.field}: ${this.#reasonText(reason)}</li>`)}
          </ul>`
        : nothing}
    </div>`;
  }

  #placeable(field: string, draft: HuntGroupDraft): boolean {
    if (['number', 'name', 'sequence', 'callerIdMode', 'pickupAllowed', 'members', 'includedGroups'].includes(field)) return true;
    const member = /^members\.(\d+)\.(ringDelay|ringTime|extensionId)$/.exec(field);
    if (member) return Number(member[1]) < draft.value.members.length;
    return /^includedGroups\.\d+\./.test(field);
  }

  /** The error paragraph of a field, and the attributes its control needs. */
  #fieldError(
    field: string,
    reasons: readonly FieldReason[]
  ): {
    message: TemplateResult | typeof nothing;
    invalid: 'true' | 'false';
    describedBy: string | undefined;
  } {
    const found = reasons.filter((reason) => reason.field === field || reason.field.startsWith(`${field}.`));
    if (found.length === 0) return { message: nothing, invalid: 'false', describedBy: undefined };
    const id = `${controlId(field)}-error`;
    return {
      message: html`<p class="error" id=${id}>${found.map((reason) => this.#reasonText(reason)).join(' ')}</p>`,
      invalid: 'true',
      describedBy: id,
    };
  }

  #renderSettings(draft: HuntGroupDraft, reasons: readonly FieldReason[]): TemplateResult {
    const value = draft.value;
    const length = this.numbering.value?.numberLength;
    const number = this.#fieldError('number', reasons);
    const name = this.#fieldError('name', reasons);
    const sequences = this.sequences.includes(value.sequence) ? this.sequences : [...this.sequences, value.sequence];
    const callerIds = ['keep_original', 'group_name_and_number', 'group_name_caller_number'];
    const callerIdOptions = callerIds.includes(value.callerIdMode) ? callerIds : [...callerIds, value.callerIdMode];
    return html`<div class="form-grid">
      <div class="field">
        <label for=${controlId('number')}>${this.#t('field.number')}</label>
        <input
          id=${controlId('number')}
          inputmode="numeric"
          autocomplete="off"
          dir="ltr"
          .value=${live(value.number)}
          aria-invalid=${number.invalid}
          aria-describedby=${['number-hint', number.describedBy].filter(Boolean).join(' ')}
          @input=${(event: Event) => this.#change((d) => edit(d, { number: (event.target as HTMLInputElement).value }))}
        />
        <p class="hint" id="number-hint">${length ? this.#t('field.numberHint', { count: length }) : this.#t('field.numberHintAny')}</p>
        ${number.message}
      </div>
      <div class="field">
        <label for=${controlId('name')}>${this.#t('field.name')}</label>
        <input
          id=${controlId('name')}
          autocomplete="off"
          .value=${live(value.name)}
          aria-invalid=${name.invalid}
          aria-describedby=${name.describedBy ?? nothing}
          @input=${(event: Event) => this.#change((d) => edit(d, { name: (event.target as HTMLInputElement).value }))}
        />
        ${name.message}
      </div>
      <fieldset class="choices">
        <legend>${this.#t('field.sequence')}</legend>
        ${sequences.map(
          (sequence) =>
            html`<label class="choice">
              <input
                type="radio"
                name="sequence"
                value=${sequence}
                .checked=${live(value.sequence === sequence)}
                aria-describedby="sequence-hint-${sequence}"
                @change=${() => this.#change((d) => edit(d, { sequence }))}
              />
              <span>
                <span class="choice-label">${this.#label('sequence', sequence)}</span>
                <span class="hint block" id="sequence-hint-${sequence}"
                  >${this.i18n.has(`huntGroups.sequenceHint.${sequence}`) ? this.#t(`sequenceHint.${sequence}`) : ''}</span
                >
              </span>
            </label>`
        )}
      </fieldset>
      <div class="field">
        <label for=${controlId('callerIdMode')}>${this.#t('field.callerId')}</label>
        <select
          id=${controlId('callerIdMode')}
          @change=${(event: Event) =>
            this.#change((d) =>
              edit(d, {
                callerIdMode: (event.target as HTMLSelectElement).value,
              })
            )}
        >
          ${callerIdOptions.map((mode) => html`<option value=${mode} ?selected=${value.callerIdMode === mode}>${this.#label('callerId', mode)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            id=${controlId('pickupAllowed')}
            .checked=${live(value.pickupAllowed)}
            aria-describedby="pickup-allowed-hint"
            @change=${(event: Event) =>
              this.#change((d) =>
                edit(d, {
                  pickupAllowed: (event.target as HTMLInputElement).checked,
                })
              )}
          />
          ${this.#t('field.pickupAllowed')}
        </label>
        <p class="hint" id="pickup-allowed-hint">${this.#t('field.pickupAllowedHint')}</p>
      </div>
    </div>`;
  }

  #renderMembers(draft: HuntGroupDraft, reasons: readonly FieldReason[]): TemplateResult {
    const value = draft.value;
    const extensions = this.#extensionById();
    const ordered = value.sequence === 'order';
    const reorderable = ordered && this.canWrite && value.members.length > 1;
    const membersError = this.#fieldError(
      'members',
      reasons.filter((reason) => reason.field === 'members')
    );
    return html`<div class="members">
      <p class="hint" id="members-hint">${this.#t(ordered ? 'members.orderHint' : 'members.noOrderHint')}</p>
      ${membersError.message}
      ${value.members.length === 0
        ? html`<p class="hint">${this.#t('members.empty')}</p>`
        : html`<div class="table-wrap">
            <table aria-labelledby="tab-members" aria-describedby="members-hint">
              <thead>
                <tr>
                  ${ordered ? html`<th scope="col">${this.#t('members.position')}</th>` : nothing}
                  <th scope="col">${this.#t('members.extension')}</th>
                  <th scope="col">${this.#t('members.ringDelay')}</th>
                  <th scope="col">${this.#t('members.ringTime')}</th>
                  <th scope="col">${this.#t('members.ignoreFollowMe')}</th>
                  <th scope="col">${this.#t('members.primary')}</th>
                  ${this.canWrite
                    ? html`<th scope="col">
                        <span class="visually-hidden">${this.#t('column.actions')}</span>
                      </th>`
                    : nothing}
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  value.members,
                  (member) => member.extensionId,
                  (member, index) =>
                    this.#renderMemberRow(draft, member, index, {
                      extensions,
                      ordered,
                      reorderable,
                      reasons,
                    })
                )}
              </tbody>
            </table>
          </div>`}
      <p class="hint" id="primary-hint">${this.#t('members.primaryHint')}</p>
      ${this.canWrite ? this.#renderPicker(draft, extensions) : nothing} ${this.#renderPickupHelp(draft, extensions)}
    </div>`;
  }

  #renderMemberRow(
    draft: HuntGroupDraft,
    member: MemberDraft,
    index: number,
    context: {
      extensions: Map<string, Extension>;
      ordered: boolean;
      reorderable: boolean;
      reasons: readonly FieldReason[];
    }
  ): TemplateResult {
    const { extensions, ordered, reorderable, reasons } = context;
    const name = this.#memberName(member.extensionId, extensions);
    const delay = this.#fieldError(`members.${index}.ringDelay`, reasons);
    const time = this.#fieldError(`members.${index}.ringTime`, reasons);
    const memberError = this.#fieldError(`members.${index}.extensionId`, reasons);
    const extension = extensions.get(member.extensionId);
    const ownId = draft.base?.id ?? null;
    const movesFrom = member.primary && extension?.primaryGroupId && extension.primaryGroupId !== ownId ? extension.primaryGroupId : null;
    const last = draft.value.members.length - 1;
    return html`<tr
      data-row=${index}
      class=${this.dropTarget === index ? 'drop-target' : ''}
      @keydown=${(event: KeyboardEvent) => this.#rowKey(event, index)}
      @dragover=${(event: DragEvent) => this.#dragOver(event, index)}
      @dragleave=${() => (this.dropTarget = null)}
      @drop=${(event: DragEvent) => this.#drop(event, index)}
    >
      ${ordered
        ? html`<td class="position">
            ${reorderable
              ? html`<span
                  class="grip"
                  draggable="true"
                  title=${this.#t('members.drag')}
                  @dragstart=${(event: DragEvent) => this.#dragStart(event, index)}
                  @dragend=${this.#dragEnd}
                  ><span aria-hidden="true">⠿</span></span
                >`
              : nothing}
            ${this.i18n.format.number(index + 1)}
          </td>`
        : nothing}
      <th scope="row">${name}${memberError.message}</th>
      <td>
        <input
          class="seconds"
          type="number"
          min="0"
          max="300"
          step="1"
          inputmode="numeric"
          id=${controlId(`members.${index}.ringDelay`)}
          data-control="ringDelay"
          .value=${live(member.ringDelay)}
          aria-label=${this.#t('members.ringDelayLabel', { member: name })}
          aria-invalid=${delay.invalid}
          aria-describedby=${delay.describedBy ?? nothing}
          @input=${(event: Event) =>
            this.#change((d) =>
              updateMember(d, index, {
                ringDelay: (event.target as HTMLInputElement).value,
              })
            )}
        />
        ${delay.message}
      </td>
      <td>
        <div class="ring-time">
          <input
            class="seconds"
            type="number"
            min="1"
            max="600"
            step="1"
            inputmode="numeric"
            id=${controlId(`members.${index}.ringTime`)}
            data-control="ringTime"
            .value=${live(member.ringTime)}
            ?disabled=${member.ringsUntilAnswered}
            aria-label=${this.#t('members.ringTimeLabel', { member: name })}
            aria-invalid=${time.invalid}
            aria-describedby=${time.describedBy ?? nothing}
            @input=${(event: Event) =>
              this.#change((d) =>
                updateMember(d, index, {
                  ringTime: (event.target as HTMLInputElement).value,
                })
              )}
          />
          <label class="check small">
            <input
              type="checkbox"
              data-control="untilAnswered"
              .checked=${live(member.ringsUntilAnswered)}
              aria-label=${this.#t('members.untilAnsweredLabel', {
                member: name,
              })}
              @change=${(event: Event) =>
                this.#change((d) =>
                  updateMember(d, index, {
                    ringsUntilAnswered: (event.target as HTMLInputElement).checked,
                  })
                )}
            /><span aria-hidden="true">${this.#t('members.untilAnswered')}</span>
          </label>
        </div>
        ${time.message}
      </td>
      <td>
        <input
          type="checkbox"
          data-control="ignoreFollowMe"
          .checked=${live(member.ignoreFollowMe)}
          aria-label=${this.#t('members.ignoreFollowMeLabel', { member: name })}
          @change=${(event: Event) =>
            this.#change((d) =>
              updateMember(d, index, {
                ignoreFollowMe: (event.target as HTMLInputElement).checked,
              })
            )}
        />
      </td>
      <td>
        <input
          type="checkbox"
          data-control="primary"
          .checked=${live(member.primary)}
          aria-label=${this.#t('members.primaryLabel', { member: name })}
          aria-describedby=${movesFrom ? `moves-${index} primary-hint` : 'primary-hint'}
          @change=${(event: Event) =>
            this.#change((d) =>
              updateMember(d, index, {
                primary: (event.target as HTMLInputElement).checked,
              })
            )}
        />
        ${movesFrom
          ? html`<p class="note" id="moves-${index}">
              ${this.#t('members.primaryMoves', {
                member: name,
                group: this.#groupNameById(movesFrom),
              })}
            </p>`
          : nothing}
      </td>
      ${this.canWrite
        ? html`<td class="row-actions">
            ${reorderable
              ? html`<button
                    type="button"
                    class="icon"
                    data-control="up"
                    aria-label=${this.#t('members.moveUp', { member: name })}
                    ?disabled=${index === 0}
                    @click=${() => this.#moveBy(index, -1, 'up')}
                  >
                    <span aria-hidden="true">↑</span></button
                  ><button
                    type="button"
                    class="icon"
                    data-control="down"
                    aria-label=${this.#t('members.moveDown', { member: name })}
                    ?disabled=${index === last}
                    @click=${() => this.#moveBy(index, 1, 'down')}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>`
              : nothing}
            <button
              type="button"
              data-control="remove"
              aria-label=${this.#t('members.remove', { member: name })}
              @click=${() => this.#removeMember(index, name)}
            >
              ${this.#t('members.removeShort')}
            </button>
          </td>`
        : nothing}
    </tr>`;
  }

  #pickerCandidates(draft: HuntGroupDraft): Extension[] {
    const members = new Set(draft.value.members.map((member) => member.extensionId));
    const query = this.pickerQuery.trim().toLocaleLowerCase(this.i18n.locale);
    return (this.extensions.value ?? [])
      .filter((extension) => !members.has(extension.id))
      .filter((extension) => !query || extension.number.startsWith(query) || extension.name.toLocaleLowerCase(this.i18n.locale).includes(query))
      .slice(0, PICKER_LIMIT);
  }

  #renderPicker(draft: HuntGroupDraft, extensions: Map<string, Extension>): TemplateResult {
    if (!this.env?.adapter?.capabilities.extensions.read) return html`<p class="hint">${this.#t('picker.unavailable')}</p>`;
    if (this.extensions.status === 'error' && this.extensions.error) return this.#renderLoadError(this.extensions.error, () => this.extensions.retry());
    const candidates = this.#pickerCandidates(draft);
    const allMembers =
      (this.extensions.value ?? []).length > 0 && extensions.size === draft.value.members.filter((member) => extensions.has(member.extensionId)).length;
    const open = this.pickerOpen && !allMembers;
    const active = open && this.pickerActive >= 0 && this.pickerActive < candidates.length ? this.pickerActive : -1;
    return html`<div class="picker">
      <label for="member-search">${this.#t('picker.label')}</label>
      <div class="combo">
        <input
          id="member-search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="member-options"
          aria-activedescendant=${active >= 0 ? `member-option-${active}` : nothing}
          aria-describedby="picker-hint"
          .value=${live(this.pickerQuery)}
          ?disabled=${allMembers}
          @input=${this.#pickerInput}
          @keydown=${(event: KeyboardEvent) => this.#pickerKey(event, candidates)}
          @focus=${() => (this.pickerOpen = true)}
          @click=${() => (this.pickerOpen = true)}
          @blur=${() => (this.pickerOpen = false)}
        />
        <ul id="member-options" role="listbox" aria-label=${this.#t('picker.options')} ?hidden=${!open}>
          ${candidates.length === 0
            ? html`<li class="hint" role="presentation">${this.#t('picker.noMatches')}</li>`
            : candidates.map(
                (extension, index) =>
                  html`<li
                    role="option"
                    id="member-option-${index}"
                    aria-selected=${index === active ? 'true' : 'false'}
                    class=${index === active ? 'active' : ''}
                    @mousedown=${(event: Event) => event.preventDefault()}
                    @click=${() => this.#addMember(extension)}
                  >
                    ${this.#t('memberName', {
                      number: extension.number,
                      name: extension.name,
                    })}
                  </li>`
              )}
        </ul>
      </div>
      <p class="hint" id="picker-hint">${this.#t(allMembers ? 'picker.allMembers' : 'picker.hint')}</p>
    </div>`;
  }

  #renderPickupHelp(draft: HuntGroupDraft, extensions: Map<string, Extension>): TemplateResult | typeof nothing {
    const prefix = this.pickup.value?.prefix ?? null;
    if (!prefix) return nothing;
    const codes = pickupCodes(prefix, draft.value);
    return html`<section class="pickup" aria-labelledby="pickup-title">
      <h4 id="pickup-title">${this.#t('pickup.title')}</h4>
      ${codes === null
        ? html`<p class="hint">${this.#t('pickup.notAllowed')}</p>`
        : html`<p class="hint">
              ${this.#t('pickup.hint', {
                prefix,
                number: draft.value.number.trim() || '…',
              })}
            </p>
            ${codes.length === 0
              ? nothing
              : html`<ul class="plain codes">
                  ${codes.map(
                    (entry) =>
                      html`<li>
                        ${this.#t(entry.primary ? 'pickup.codePrimary' : 'pickup.codeOther', {
                          member: this.#memberName(entry.extensionId, extensions),
                        })}
                        <code dir="ltr">${entry.code}</code>
                      </li>`
                  )}
                </ul>`}`}
    </section>`;
  }

  #renderIncluded(draft: HuntGroupDraft, reasons: readonly FieldReason[]): TemplateResult {
    const value = draft.value;
    const ownId = draft.base?.id ?? null;
    const groups = this.groups.value ?? [];
    const included = new Set(value.includedGroups.map((entry) => entry.groupId));
    const available = groups.filter((group) => group.id !== ownId && !included.has(group.id));
    const shown = [...reasons, ...(this.includeRefusal ? [this.includeRefusal] : [])];
    const error = this.#fieldError('includedGroups', shown);
    return html`<div class="included">
      <p class="hint" id="included-hint">${this.#t('included.hint')}</p>
      ${value.includedGroups.length === 0
        ? html`<p class="hint">${this.#t('included.empty')}</p>`
        : html`<ul class="plain included-list" aria-labelledby="tab-included">
            ${value.includedGroups.map((entry, index) => {
              const name = this.#groupNameById(entry.groupId);
              return html`<li>
                <span class="included-name">${name}</span>
                <label class="check small">
                  <input
                    type="checkbox"
                    .checked=${live(entry.ignoreFollowMe)}
                    @change=${(event: Event) => this.#change((d) => updateIncluded(d, index, (event.target as HTMLInputElement).checked))}
                  />${this.#t('included.ignoreFollowMe')}<span class="visually-hidden"> (${name})</span>
                </label>
                ${this.canWrite
                  ? html`<button
                      type="button"
                      data-remove-included=${index}
                      aria-label=${this.#t('included.remove', { group: name })}
                      @click=${() => this.#removeIncluded(index, name)}
                    >
                      ${this.#t('members.removeShort')}
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ul>`}
      ${this.canWrite
        ? available.length === 0
          ? html`<p class="hint">${this.#t('included.noneLeft')}</p>`
          : html`<div class="include-add">
              <div class="field">
                <label for=${controlId('includedGroups')}>${this.#t('included.choose')}</label>
                <select
                  id=${controlId('includedGroups')}
                  aria-invalid=${error.invalid}
                  aria-describedby=${error.describedBy ?? nothing}
                  @change=${(event: Event) => (this.includeChoice = (event.target as HTMLSelectElement).value)}
                >
                  ${available.map((group) => html`<option value=${group.id} ?selected=${this.includeChoice === group.id}>${this.#groupName(group)}</option>`)}
                </select>
              </div>
              <button type="button" id="include-add" @click=${() => this.#addIncluded(draft, available)}>${this.#t('included.add')}</button>
            </div>`
        : nothing}
      ${error.message}
    </div>`;
  }

  #summary(field: DraftField, value: DraftValue[DraftField]): string {
    if (field === 'members') {
      const members = value as DraftValue['members'];
      return members.length
        ? members.map((member) => this.#memberName(member.extensionId) + (member.primary ? ` (${this.#t('members.primary')})` : '')).join(', ')
        : this.#t('noMembers');
    }
    if (field === 'includedGroups') {
      const entries = value as DraftValue['includedGroups'];
      return entries.length ? entries.map((entry) => this.#groupNameById(entry.groupId)).join(', ') : this.#t('included.empty');
    }
    if (field === 'pickupAllowed') return this.#t(value ? 'yes' : 'no');
    if (field === 'sequence') return this.#label('sequence', String(value));
    if (field === 'callerIdMode') return this.#label('callerId', String(value));
    return String(value);
  }

  #renderConflict(draft: HuntGroupDraft, conflict: Conflict): TemplateResult {
    const fieldLabel = (field: DraftField) => this.#t(`conflict.field.${field}`);
    return html`<section class="conflict alert warning" role="alert" aria-labelledby="conflict-title">
      <h4 id="conflict-title" tabindex="-1">${this.#t('conflict.title')}</h4>
      <p>${this.#t('conflict.body')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${this.#t('conflict.column.field')}</th>
              <th scope="col">${this.#t('conflict.column.mine')}</th>
              <th scope="col">${this.#t('conflict.column.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            ${conflict.rows.map((row) => {
              const choice = conflict.choices[row.field] ?? 'theirs';
              const option = (side: Side) =>
                html`<label class="choice">
                  <input
                    type="radio"
                    name="conflict-${row.field}"
                    .checked=${live(choice === side)}
                    aria-label=${this.#t(side === 'mine' ? 'conflict.keepMineField' : 'conflict.keepTheirsField', { field: fieldLabel(row.field) })}
                    @change=${() => (this.conflict = choose(conflict, row.field, side))}
                  /><span>${this.#summary(row.field, side === 'mine' ? row.mine : row.theirs)}</span>
                </label>`;
              return html`<tr>
                <th scope="row">${fieldLabel(row.field)}</th>
                <td>${option('mine')}</td>
                <td>${option('theirs')}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="primary" id="conflict-mine" ?disabled=${this.saving} @click=${() => this.#resolveConflict(draft, conflict, 'mine')}>
          ${this.#t('conflict.keepMine')}
        </button>
        <button type="button" id="conflict-theirs" ?disabled=${this.saving} @click=${() => this.#resolveConflict(draft, conflict, 'theirs')}>
          ${this.#t('conflict.takeTheirs')}
        </button>
        <button type="button" id="conflict-merge" ?disabled=${this.saving} @click=${() => this.#resolveConflict(draft, conflict)}>
          ${this.#t('conflict.useSelected')}
        </button>
      </div>
    </section>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    if (dialog.kind === 'delete') {
      const name = this.#groupName(dialog.group);
      return html`<dialog aria-labelledby="dialog-title" aria-describedby="dialog-body" @cancel=${this.#closeDialog}>
        <h3 id="dialog-title">${this.#t('deleteDialog.title')}</h3>
        <p id="dialog-body">
          ${this.#t('deleteDialog.body', {
            group: name,
            number: dialog.group.number,
          })}
        </p>
        <div class="actions">
          <button type="button" class="danger" id="confirm-delete" @click=${() => this.#delete(dialog.group)}>${this.#t('delete')}</button>
          <button type="button" autofocus @click=${this.#closeDialog}>${this.#t('cancel')}</button>
        </div>
      </dialog>`;
    }
    const draft = this.drafts.get(dialog.key);
    const name = draft?.base ? this.#groupName(draft.base) : this.#t('newTitle');
    return html`<dialog aria-labelledby="dialog-title" aria-describedby="dialog-body" @cancel=${this.#closeDialog}>
      <h3 id="dialog-title">${this.#t('leaveDialog.title')}</h3>
      <p id="dialog-body">${this.#t('leaveDialog.body', { group: name })}</p>
      <div class="actions">
        <button type="button" class="primary" id="keep-draft" @click=${() => this.#leave(dialog, false)}>${this.#t('leaveDialog.keep')}</button>
        <button type="button" id="discard-draft" @click=${() => this.#leave(dialog, true)}>${this.#t('leaveDialog.discard')}</button>
        <button type="button" autofocus @click=${this.#closeDialog}>${this.#t('leaveDialog.stay')}</button>
      </div>
    </dialog>`;
  }

  // ----------------------------------------------------------------------------------------------
  // User actions
  // ----------------------------------------------------------------------------------------------

  #open(key: string): void {
    const draft = this.#draftFor(key);
    if (!draft) return;
    if (!this.drafts.has(key)) this.#setDraft(draft, key);
    this.editing = key;
    this.tab = 'settings';
    this.conflict = null;
    this.saveError = null;
    this.listError = null;
    this.includeRefusal = null;
    this.pickerQuery = '';
    this.#focusAfterUpdate = '#back';
  }

  /** Leaves the editor for the list; asks first when the draft has unsaved changes. */
  #back = () => {
    const key = this.editing;
    if (!key) return;
    const toList = () => {
      this.editing = null;
      this.conflict = null;
      this.saveError = null;
      this.#focusAfterUpdate = key === NEW_GROUP ? '#add-group' : `[data-open="${key}"]`;
    };
    const draft = this.drafts.get(key);
    if (draft && isDirty(draft)) this.dialog = { kind: 'leave', key, then: toList };
    else {
      this.#dropDraft(key);
      toList();
    }
  };

  #leave(dialog: Extract<Dialog, { kind: 'leave' }>, discard: boolean): void {
    if (discard) this.#dropDraft(dialog.key);
    this.#closeDialog();
    dialog.then();
  }

  #closeDialog = () => {
    this.renderRoot.querySelector('dialog')?.close();
    this.dialog = null;
  };

  #discard = () => {
    if (!this.editing) return;
    this.#dropDraft(this.editing);
    this.saveError = null;
    this.conflict = null;
    this.announcement = this.#t('announce.discarded');
  };

  #selectTab(tab: Tab): void {
    this.tab = tab;
    this.#focusAfterUpdate = `#tab-${tab}`;
  }

  #tabKey(event: KeyboardEvent, tabs: readonly Tab[]): void {
    const forward = this.i18n.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.i18n.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const at = tabs.indexOf(this.tab);
    const next: Record<string, number> = {
      [forward]: (at + 1) % tabs.length,
      [backward]: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    this.#selectTab(tabs[next[event.key]!]!);
  }

  #pickerInput = (event: Event) => {
    this.pickerQuery = (event.target as HTMLInputElement).value;
    this.pickerOpen = true;
    this.pickerActive = 0;
  };

  #pickerKey(event: KeyboardEvent, candidates: readonly Extension[]): void {
    const count = candidates.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.pickerActive = this.pickerOpen && count ? (this.pickerActive + 1) % count : 0;
        this.pickerOpen = true;
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.pickerActive = this.pickerOpen && count ? (this.pickerActive - 1 + count) % count : count - 1;
        this.pickerOpen = true;
        break;
      case 'Enter': {
        const chosen = this.pickerOpen ? candidates[this.pickerActive] : undefined;
        if (chosen) {
          event.preventDefault();
          this.#addMember(chosen);
        }
        break;
      }
      case 'Escape':
        if (this.pickerOpen) {
          event.preventDefault();
          event.stopPropagation();
          this.pickerOpen = false;
        } else this.pickerQuery = '';
        break;
    }
  }

  #addMember(extension: Extension): void {
    this.#change((draft) => addMember(draft, extension.id));
    this.pickerQuery = '';
    this.pickerActive = -1;
    this.pickerOpen = false;
    this.announcement = this.#t('announce.added', {
      member: this.#t('memberName', {
        number: extension.number,
        name: extension.name,
      }),
    });
    this.#focusAfterUpdate = '#member-search';
  }

  #removeMember(index: number, name: string): void {
    this.#change((draft) => removeMember(draft, index));
    this.announcement = this.#t('announce.removed', { member: name });
    const remaining = (this.editing ? this.#draftFor(this.editing)?.value.members.length : 0) ?? 0;
    this.#focusAfterUpdate = remaining > 0 ? `[data-row="${Math.min(index, remaining - 1)}"] [data-control="remove"]` : '#member-search';
  }

  /** Moves a member and says where it went; `control` keeps focus on the control that moved it. */
  #moveMember(from: number, to: number, control: string): void {
    if (!this.editing) return;
    const before = this.#draftFor(this.editing);
    if (!before) return;
    const after = moveMember(before, from, to);
    if (after === before) return;
    this.#setDraft(after, this.editing);
    const position = after.value.members.findIndex((member) => member.extensionId === before.value.members[from]!.extensionId);
    const count = after.value.members.length;
    this.announcement = this.#t('announce.moved', {
      member: this.#memberName(before.value.members[from]!.extensionId),
      position: this.i18n.format.number(position + 1),
      count: this.i18n.format.number(count),
    });
    // A move button that is now disabled (first or last row) cannot keep focus: its partner takes it.
    const focus = control === 'up' && position === 0 ? 'down' : control === 'down' && position === count - 1 ? 'up' : control;
    this.#focusAfterUpdate = `[data-row="${position}"] [data-control="${focus}"]`;
  }

  #moveBy(index: number, delta: number, control: string): void {
    this.#moveMember(index, index + delta, control);
  }

  /** Alt+Arrow keys move the row from any of its controls. */
  #rowKey(event: KeyboardEvent, index: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const draft = this.editing ? this.#draftFor(this.editing) : null;
    if (!this.canWrite || draft?.value.sequence !== 'order') return;
    event.preventDefault();
    const control = (event.target as HTMLElement).dataset.control ?? 'ringDelay';
    this.#moveMember(index, index + (event.key === 'ArrowUp' ? -1 : 1), control);
  }

  #dragStart(event: DragEvent, index: number): void {
    this.#dragFrom = index;
    event.dataTransfer?.setData('text/plain', String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #dragOver(event: DragEvent, index: number): void {
    if (this.#dragFrom === null) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropTarget = index;
  }

  #drop(event: DragEvent, index: number): void {
    if (this.#dragFrom === null) return;
    event.preventDefault();
    const from = this.#dragFrom;
    this.#dragEnd();
    this.#moveMember(from, index, 'ringDelay');
  }

  #dragEnd = () => {
    this.#dragFrom = null;
    this.dropTarget = null;
  };

  #addIncluded(draft: HuntGroupDraft, available: readonly HuntGroup[]): void {
    const groupId = available.some((group) => group.id === this.includeChoice) ? this.includeChoice : available[0]?.id;
    if (!groupId) return;
    const next = addIncluded(draft, groupId);
    const cycle = draft.base ? findInclusionCycle(draft.base.id, next.value, this.groups.value ?? []) : null;
    if (cycle) {
      this.includeRefusal = {
        field: 'includedGroups',
        reason: 'cycle',
        params: { path: cycle.join(' → ') },
      };
      this.#focusAfterUpdate = `#${controlId('includedGroups')}`;
      return;
    }
    this.includeRefusal = null;
    this.includeChoice = '';
    this.#setDraft(next, draftKey(draft));
    this.announcement = this.#t('announce.included', {
      group: this.#groupNameById(groupId),
    });
  }

  #removeIncluded(index: number, name: string): void {
    this.includeRefusal = null;
    this.#change((draft) => removeIncluded(draft, index));
    this.announcement = this.#t('announce.removed', { member: name });
    this.#focusAfterUpdate = `#${controlId('includedGroups')}`;
  }

  #focusField(field: string): void {
    this.tab = tabOf(field);
    const match = /^members\.(\d+)\.(\w+)$/.exec(field);
    this.#focusAfterUpdate =
      match && match[2] !== 'extensionId' ? `#${controlId(field)}` : field.startsWith('members') ? '#member-search' : `#${controlId(field.split('.')[0]!)}`;
  }

  #save = async () => {
    const key = this.editing;
    let draft = key ? this.#draftFor(key) : null;
    const adapter = this.env?.adapter;
    if (!key || !draft || !adapter || this.saving) return;
    this.saving = true;
    this.saveError = null;
    this.conflict = null;
    const section = requireSection(adapter, 'huntGroups');
    try {
      // Before the rules see the number as taken by the group the lost create made.
      if (!draft.base && draft.createUncertain) draft = (await this.#adoptUncertainCreate(draft)) ?? draft;
      const reasons = draftReasons(draft.value, this.#rulesContext(draft));
      if (reasons.length) {
        this.#setDraft({ ...draft, showReasons: true }, key);
        this.saveError = new RingsideError('validation', { fields: reasons });
        this.#focusField(reasons[0]!.field);
        return;
      }
      const base = draft.base;
      const input = toInput(draft.value);
      const stored = await this.env!.store.mutate(() => (base ? section.update(base.id, input, { ifMatch: base.version }) : section.create(input)), {
        invalidates: ['huntGroups', 'extensions'],
      });
      this.#dropDraft(key);
      this.#setDraft(draftOf(stored), stored.id);
      this.editing = stored.id;
      this.announcement = this.#t(base ? 'announce.saved' : 'announce.created', { group: this.#groupName(stored) });
      this.emit('rs-hunt-group-change', {
        action: base ? 'updated' : 'created',
        id: stored.id,
        group: stored,
      });
    } catch (caught) {
      const error = toRingsideError(caught);
      this.saveError = error;
      if (error.code === 'conflict' && draft.base) await this.#showConflict(draft, key);
      else if (error.code === 'validation') {
        this.#setDraft({ ...draft, serverReasons: [...error.fields], showReasons: true }, key);
        if (error.fields[0]) this.#focusField(error.fields[0].field);
      } else if (!draft.base && RETRY_MAY_DUPLICATE.has(error.code)) this.#setDraft({ ...draft, createUncertain: true }, key);
      else if (error.code === 'unauthorized') this.emit('rs-auth-required', { code: 'unauthorized' });
    } finally {
      this.saving = false;
    }
  };

  /** After a create whose answer was lost: the group with the draft's number, if the backend made it. */
  async #adoptUncertainCreate(draft: HuntGroupDraft): Promise<HuntGroupDraft | null> {
    const section = requireSection(this.env!.adapter!, 'huntGroups');
    const number = draft.value.number.trim();
    const page = await section.list({
      search: number,
      pageSize: MAX_PAGE_SIZE,
    });
    const made = page.items.find((group) => group.number === number && group.name === draft.value.name.trim());
    return made ? rebase(draft, made, draft.value) : null;
  }

  async #showConflict(draft: HuntGroupDraft, key: string): Promise<void> {
    try {
      const theirs = await requireSection(this.env!.adapter!, 'huntGroups').get(draft.base!.id);
      const conflict = conflictOf(draft, theirs);
      if (conflict.rows.length === 0) {
        // They saved exactly what the user has: nothing to choose.
        this.#setDraft(resolve(draft, conflict, 'mine'), key);
        this.saveError = null;
        return;
      }
      this.conflict = conflict;
      this.#focusAfterUpdate = '#conflict-title';
    } catch (caught) {
      this.saveError = toRingsideError(caught);
    }
  }

  #resolveConflict(draft: HuntGroupDraft, conflict: Conflict, side?: Side): void {
    const key = this.editing;
    if (!key) return;
    this.#setDraft(resolve(draft, conflict, side), key);
    this.conflict = null;
    this.saveError = null;
    if (side === 'mine') void this.#save();
    else {
      this.announcement = this.#t(side === 'theirs' ? 'announce.tookTheirs' : 'announce.merged');
      this.#focusAfterUpdate = '#save';
    }
  }

  #askDelete(group: HuntGroup): void {
    this.listError = null;
    this.dialog = { kind: 'delete', group };
  }

  async #delete(group: HuntGroup): Promise<void> {
    this.#closeDialog();
    const adapter = this.env?.adapter;
    if (!adapter || this.busyDeleting) return;
    this.busyDeleting = true;
    try {
      const section = requireSection(adapter, 'huntGroups');
      await this.env!.store.mutate(() => section.delete(group.id, { ifMatch: group.version }), { invalidates: ['huntGroups', 'extensions'] });
      this.#dropDraft(group.id);
      this.announcement = this.#t('announce.deleted', {
        group: this.#groupName(group),
      });
      this.emit('rs-hunt-group-change', {
        action: 'deleted',
        id: group.id,
        group: null,
      });
      this.#focusAfterUpdate = '#title';
    } catch (caught) {
      this.listError = toRingsideError(caught);
    } finally {
      this.busyDeleting = false;
    }
  }
}
