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
  type PickupSettings,
} from '@ringside/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController } from '../base/query-controller.js';
import { RingsideElement } from '../base/ringside-element.js';
import { baseStyles, surfaceStyles } from '../themes/tokens.js';
// Styles and strings before the parts: the bundle then keeps the templates together, which gzip compresses better.
import { huntgroupEditorStyles } from './huntgroup-editor.styles.js';
import messages from './locales/en.js';
import { choose, resolve, type Conflict, type Side } from './conflict.js';
import { renderConflict } from './conflict-view.js';
import { renderDialog, type Dialog } from './dialogs.js';
import { NEW_GROUP, addMember, draftKey, draftOf, removeIncluded, removeMember, type HuntGroupDraft } from './draft.js';
import {
  controlId,
  draftToShow,
  editorTabs,
  fieldTarget,
  focusAfterRemoval,
  hasUnsaved,
  includableGroups,
  includeGroup,
  isKeptDirty,
  listAll,
  rulesContext,
  shownReasons,
  tabAfterKey,
  withDraft,
  withoutDraft,
  type Tab,
} from './editor-state.js';
import { loadError } from './editor-parts.js';
import { EditorText } from './editor-text.js';
import { renderEditor } from './editor-view.js';
import { renderGroupList, type LoadFailure } from './group-list.js';
import { renderIncluded } from './included-panel.js';
import { MemberPicker } from './member-picker.js';
import { MemberReorder } from './member-reorder.js';
import { renderMembers } from './members-panel.js';
import { saveDraft } from './save-flow.js';
import { renderSettings } from './settings-panel.js';

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
  @state() private includeChoice = '';
  /** Why the last "Add group" was refused (an inclusion cycle), with its path. */
  @state() private includeRefusal: FieldReason | null = null;
  #focusAfterUpdate: string | null = null;

  readonly #picker = new MemberPicker(this, (extension) => this.#addMember(extension));

  readonly #reorder = new MemberReorder(this, {
    draft: () => this.#current(),
    replace: (draft) => {
      if (this.editing) this.#setDraft(draft, this.editing);
    },
    announce: (message) => (this.announcement = message),
    focusAfterUpdate: (selector) => (this.#focusAfterUpdate = selector),
    text: () => this.#text(),
    canWrite: () => this.canWrite,
  });

  readonly groups: QueryController<HuntGroup[]> = new QueryController<HuntGroup[]>(this, () =>
    this.canRead
      ? {
          key: 'huntGroups/all',
          load: (adapter, signal) => {
            const section = requireSection(adapter, 'huntGroups');
            return listAll((page) => section.list({ page, pageSize: MAX_PAGE_SIZE }, { signal }));
          },
        }
      : null
  );

  /** Whether this account has hunt groups at all (a residential line has none). */
  private get canRead(): boolean {
    return !!this.env?.adapter?.capabilities.huntGroups.read && !!this.env.adapter.huntGroups;
  }

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
    return hasUnsaved(this.drafts);
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
  // Data
  // ----------------------------------------------------------------------------------------------

  #text(): EditorText {
    return new EditorText(this.i18n, this.extensions.value ?? [], this.groups.value ?? []);
  }

  #draftFor(key: string): HuntGroupDraft | null {
    return draftToShow(key, this.drafts, this.groups.value ?? [], this.sequences);
  }

  /** The draft open in the editor. */
  #current(): HuntGroupDraft | null {
    return this.editing ? this.#draftFor(this.editing) : null;
  }

  #setDraft(draft: HuntGroupDraft, key: string): void {
    this.drafts = withDraft(this.drafts, key, draft);
  }

  #dropDraft(key: string): void {
    this.drafts = withoutDraft(this.drafts, key);
  }

  #change = (update: (draft: HuntGroupDraft) => HuntGroupDraft): void => {
    const draft = this.#current();
    if (draft) this.#setDraft(update(draft), this.editing!);
  };

  #rulesContext = (draft: HuntGroupDraft) =>
    rulesContext(draft, {
      groups: this.groups.value ?? [],
      extensions: this.extensions.value ?? [],
      numberLength: this.numbering.value?.numberLength ?? null,
    });

  #failure(query: QueryController<unknown>): LoadFailure | null {
    return query.error ? { error: query.error, retry: () => query.retry() } : null;
  }

  // ----------------------------------------------------------------------------------------------
  // Rendering
  // ----------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const loading = !this.notConfigured && this.canRead && (this.groups.status === 'loading' || this.groups.status === 'idle');
    const text = this.#text();
    return html`<section part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'} lang=${this.i18n.locale}>
      <header>
        <h2 id="title" tabindex="-1">${text.t('title')}</h2>
        ${this.readonly || (this.canRead && !this.env?.adapter?.capabilities.huntGroups.write)
          ? html`<span class="badge">${this.t('common.readOnly')}</span>`
          : nothing}
      </header>
      ${this.#renderBody(text)}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.dialog
        ? renderDialog({
            text,
            dialog: this.dialog,
            leaving: this.dialog.kind === 'leave' ? this.drafts.get(this.dialog.key)?.base ?? null : null,
            close: this.#closeDialog,
            delete: (group) => void this.#delete(group),
            leave: (dialog, discard) => this.#leave(dialog, discard),
          })
        : nothing}
    </section>`;
  }

  #renderBody(text: EditorText): TemplateResult {
    if (this.notConfigured) return this.renderNotConfigured();
    if (this.env?.adapter && !this.canRead) return html`<p class="hint" role="status">${text.t('unsupported')}</p>`;
    const { status, error, value } = this.groups;
    if (status === 'idle' || status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${text.t('loading')}</span>
        <div class="skeleton"></div>
      </div>`;
    }
    if (status === 'error' && error) return loadError(text, error, () => this.groups.retry());
    const draft = this.#current();
    if (draft) return this.#renderEditor(text, draft);
    return renderGroupList({
      text,
      groups: value ?? [],
      drafts: this.drafts,
      canWrite: this.canWrite,
      busyDeleting: this.busyDeleting,
      listError: this.listError,
      loadFailures: [this.#failure(this.groups), this.#failure(this.extensions)].filter((failure) => failure !== null),
      open: (key) => this.#open(key),
      askDelete: (group) => this.#askDelete(group),
    });
  }

  #renderEditor(text: EditorText, draft: HuntGroupDraft): TemplateResult {
    const reasons = shownReasons(draft, this.#rulesContext(draft));
    const tabs = editorTabs(!!this.env?.adapter?.capabilities.huntGroups.includeGroups, draft);
    const conflict = this.conflict;
    const available = includableGroups(draft, this.groups.value ?? []);
    return renderEditor({
      text,
      draft,
      reasons,
      tabs,
      tab: this.tab,
      canWrite: this.canWrite,
      saving: this.saving,
      saveError: this.saveError,
      conflict: conflict
        ? renderConflict({
            text,
            conflict,
            saving: this.saving,
            choose: (field, side) => (this.conflict = choose(conflict, field, side)),
            resolve: (side) => this.#resolveConflict(draft, conflict, side),
          })
        : null,
      panels: {
        settings: () =>
          renderSettings({ text, draft, reasons, numberLength: this.numbering.value?.numberLength, sequences: this.sequences, change: this.#change }),
        members: () =>
          renderMembers({
            text,
            draft,
            reasons,
            canWrite: this.canWrite,
            reorder: this.#reorder,
            picker: this.canWrite
              ? this.#picker.render({
                  text,
                  draft,
                  extensions: this.extensions.value ?? [],
                  available: !!this.env?.adapter?.capabilities.extensions.read,
                  failure: this.extensions.status === 'error' ? this.#failure(this.extensions) : null,
                })
              : nothing,
            pickupPrefix: this.pickup.value?.prefix ?? null,
            change: this.#change,
            remove: (index, name) => this.#removeMember(index, name),
          }),
        included: () =>
          renderIncluded({
            text,
            draft,
            reasons: [...reasons, ...(this.includeRefusal ? [this.includeRefusal] : [])],
            canWrite: this.canWrite,
            available,
            choice: this.includeChoice,
            choose: (groupId) => (this.includeChoice = groupId),
            add: () => this.#addIncluded(draft, available),
            change: this.#change,
            remove: (index, name) => this.#removeIncluded(index, name),
          }),
      },
      back: this.#back,
      selectTab: (tab) => this.#selectTab(tab),
      tabKey: (event) => this.#tabKey(event, tabs),
      save: this.#save,
      discard: this.#discard,
    });
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
    this.#picker.clearQuery();
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
      this.#focusAfterUpdate = key === NEW_GROUP ? '#add-group' : `[data-open="${CSS.escape(key)}"]`;
    };
    if (isKeptDirty(this.drafts, key)) this.dialog = { kind: 'leave', key, then: toList };
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
    this.announcement = this.#text().t('announce.discarded');
  };

  #selectTab(tab: Tab): void {
    this.tab = tab;
    this.#focusAfterUpdate = `#tab-${tab}`;
  }

  #tabKey(event: KeyboardEvent, tabs: readonly Tab[]): void {
    const next = tabAfterKey(event.key, this.i18n.dir, tabs, this.tab);
    if (!next) return;
    event.preventDefault();
    this.#selectTab(next);
  }

  #addMember(extension: Extension): void {
    this.#change((draft) => addMember(draft, extension.id));
    const text = this.#text();
    this.announcement = text.t('announce.added', { member: text.extensionName(extension) });
    this.#focusAfterUpdate = '#member-search';
  }

  #removeMember(index: number, name: string): void {
    this.#change((draft) => removeMember(draft, index));
    this.announcement = this.#text().t('announce.removed', { member: name });
    this.#focusAfterUpdate = focusAfterRemoval(index, this.#current()?.value.members.length ?? 0);
  }

  #addIncluded(draft: HuntGroupDraft, available: readonly HuntGroup[]): void {
    const inclusion = includeGroup(draft, this.includeChoice, available, this.groups.value ?? []);
    if (!inclusion) return;
    if ('refusal' in inclusion) {
      this.includeRefusal = inclusion.refusal;
      this.#focusAfterUpdate = `#${controlId('includedGroups')}`;
      return;
    }
    this.includeRefusal = null;
    this.includeChoice = '';
    this.#setDraft(inclusion.draft, draftKey(draft));
    const text = this.#text();
    this.announcement = text.t('announce.included', { group: text.groupNameById(inclusion.groupId) });
  }

  #removeIncluded(index: number, name: string): void {
    this.includeRefusal = null;
    this.#change((draft) => removeIncluded(draft, index));
    this.announcement = this.#text().t('announce.removed', { member: name });
    this.#focusAfterUpdate = `#${controlId('includedGroups')}`;
  }

  #focusField(field: string): void {
    const target = fieldTarget(field);
    this.tab = target.tab;
    this.#focusAfterUpdate = target.selector;
  }

  #save = async () => {
    const key = this.editing;
    const draft = key ? this.#draftFor(key) : null;
    const env = this.env;
    if (!key || !draft || !env?.adapter || this.saving) return;
    this.saving = true;
    this.saveError = null;
    this.conflict = null;
    try {
      const outcome = await saveDraft(draft, {
        section: requireSection(env.adapter, 'huntGroups'),
        write: (run) => env.store.mutate(run, { invalidates: ['huntGroups', 'extensions'] }),
        rulesContext: this.#rulesContext,
      });
      if (outcome.kind === 'saved') {
        const { stored, created } = outcome;
        this.#dropDraft(key);
        this.#setDraft(draftOf(stored), stored.id);
        // The user may have opened another group (or the list) while this save was under way.
        if (this.editing === key) this.editing = stored.id;
        this.announcement = this.#text().t(created ? 'announce.created' : 'announce.saved', { group: this.#text().groupName(stored) });
        this.emit('rs-hunt-group-change', { action: created ? 'created' : 'updated', id: stored.id, group: stored });
        return;
      }
      if (outcome.draft) this.#setDraft(outcome.draft, key);
      if (outcome.authRequired) this.emit('rs-auth-required', { code: 'unauthorized' });
      // The draft keeps what failed; its alerts belong to it, not to the group open now.
      if (this.editing !== key) return;
      this.saveError = outcome.error;
      if (outcome.conflict) {
        this.conflict = outcome.conflict;
        this.#focusAfterUpdate = '#conflict-title';
      }
      if (outcome.focusField) this.#focusField(outcome.focusField);
    } finally {
      this.saving = false;
    }
  };

  #resolveConflict(draft: HuntGroupDraft, conflict: Conflict, side?: Side): void {
    const key = this.editing;
    if (!key) return;
    this.#setDraft(resolve(draft, conflict, side), key);
    this.conflict = null;
    this.saveError = null;
    if (side === 'mine') void this.#save();
    else {
      this.announcement = this.#text().t(side === 'theirs' ? 'announce.tookTheirs' : 'announce.merged');
      this.#focusAfterUpdate = '#save';
    }
  }

  #askDelete(group: HuntGroup): void {
    this.listError = null;
    this.dialog = { kind: 'delete', group };
  }

  async #delete(group: HuntGroup): Promise<void> {
    this.#closeDialog();
    const env = this.env;
    if (!env?.adapter || this.busyDeleting) return;
    this.busyDeleting = true;
    try {
      const section = requireSection(env.adapter, 'huntGroups');
      await env.store.mutate(() => section.delete(group.id, { ifMatch: group.version }), { invalidates: ['huntGroups', 'extensions'] });
      this.#dropDraft(group.id);
      this.announcement = this.#text().t('announce.deleted', { group: this.#text().groupName(group) });
      this.emit('rs-hunt-group-change', { action: 'deleted', id: group.id, group: null });
      this.#focusAfterUpdate = '#title';
    } catch (caught) {
      this.listError = toRingsideError(caught);
    } finally {
      this.busyDeleting = false;
    }
  }
}
