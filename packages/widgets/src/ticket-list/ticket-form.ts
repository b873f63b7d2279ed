import { toRingsideError, type RingsideError, type Ticket, type TicketInput, type TicketPriority, type TicketSettings } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { uploadSummary } from './attachment-rules.js';
import { AttachmentsField } from './attachments-field.js';
import { categoryLevels, chooseCategory, validCategoryPath } from './categories.js';
import { NEW_TICKET_DRAFT, discardDraft, hasContent, ticketDraft, type TicketDraft } from './drafts.js';
import { findCreatedTicket, mayHaveReachedBackend, type UnansweredAttempt } from './reconcile.js';
import type { TicketListHost } from './ticket-host.js';
import { fieldError, reasonText } from './ticket-parts.js';
import { placeFieldReasons } from './ticket-status.js';

const SUBJECT_MAX = 200;
/** The backend's field names, and the form field each one belongs to. */
const FORM_FIELDS: Record<string, string> = {
  subject: 'subject',
  description: 'description',
  category: 'category',
  accountId: 'account',
  priority: 'priority',
  attachmentIds: 'files',
};
const FOCUS_ORDER = ['subject', 'description', 'category', 'account', 'priority', 'files'];

/**
 * The "New ticket" form: subject, description, product → category → specialty, the account it is
 * about, priority and attachments. What the user writes goes into the in-memory draft as they type,
 * so a failed send, a re-render or a re-attached widget keeps it.
 */
export class TicketForm {
  readonly #host: TicketListHost;
  readonly #files: AttachmentsField;
  #errors = new Map<string, string>();
  #formError: RingsideError | undefined;
  #sending = false;
  /** An attempt that ended without a clear answer: before sending again, look for the ticket it may have opened. */
  #unanswered: UnansweredAttempt | undefined;
  /** Tickets this form opened; never taken for the result of a later attempt. */
  readonly #opened = new Set<string>();
  #restored = false;

  constructor(host: TicketListHost) {
    this.#host = host;
    this.#files = new AttachmentsField(host, 'new-ticket');
  }

  get #draft(): TicketDraft {
    return ticketDraft(this.#owner);
  }

  get #owner(): object {
    return this.#host.environment?.adapter ?? this;
  }

  /** Called when the form opens: notes whether an unsent draft was restored. */
  opened(): void {
    this.#restored = hasContent(this.#draft);
    this.#errors.clear();
    this.#formError = undefined;
    this.#files.reset();
  }

  get sending(): boolean {
    return this.#sending;
  }

  render(settings: TicketSettings, onCancel: () => void): TemplateResult {
    const draft = this.#draft;
    const capabilities = this.#host.environment?.adapter?.capabilities.tickets;
    const priorities = capabilities?.priorities ? settings.priorities : [];
    const disabled = this.#sending;
    return html`<form class="ticket-form" novalidate aria-labelledby="form-title" @submit=${this.#submit}>
      <h3 id="form-title" tabindex="-1">${this.#t('tickets.form.title')}</h3>
      ${this.#restored ? html`<p class="hint">${this.#t('tickets.form.restored')}</p>` : nothing}
      ${this.#formError
        ? html`<div class="alert danger" role="alert" tabindex="-1">
            <p>${this.#host.errorText(this.#formError)}</p>
          </div>`
        : nothing}
      <div class="field">
        <label for="subject">${this.#t('tickets.form.subject')} <span aria-hidden="true">*</span></label>
        <input
          id="subject"
          name="subject"
          required
          aria-required="true"
          maxlength=${SUBJECT_MAX}
          autocomplete="off"
          .value=${live(draft.subject)}
          ?disabled=${disabled}
          aria-invalid=${this.#errors.has('subject') ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.#errors.has('subject') ? 'subject-error' : undefined)}
          @input=${(event: Event) => this.#edit({ subject: (event.target as HTMLInputElement).value }, 'subject')}
        />
        ${fieldError('subject-error', this.#errors.get('subject'))}
      </div>
      <div class="field">
        <label for="description">${this.#t('tickets.form.description')}</label>
        <textarea
          id="description"
          name="description"
          rows="6"
          .value=${live(draft.description)}
          ?disabled=${disabled}
          aria-invalid=${this.#errors.has('description') ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.#errors.has('description') ? 'description-error' : undefined)}
          @input=${(event: Event) => this.#edit({ description: (event.target as HTMLTextAreaElement).value }, 'description')}
        ></textarea>
        ${fieldError('description-error', this.#errors.get('description'))}
      </div>
      ${settings.categories.length ? this.#renderCategories(settings, draft, disabled) : nothing}
      <div class="field-row">
        ${settings.accounts.length > 1
          ? html`<div class="field">
              <label for="account">${this.#t('tickets.form.account')}</label>
              <select
                id="account"
                ?disabled=${disabled}
                aria-invalid=${this.#errors.has('account') ? 'true' : 'false'}
                aria-describedby=${ifDefined(this.#errors.has('account') ? 'account-error' : undefined)}
                @change=${(event: Event) => this.#edit({ accountId: (event.target as HTMLSelectElement).value }, 'account')}
              >
                <option value="" ?selected=${!draft.accountId}>${this.#t('tickets.form.anyAccount')}</option>
                ${settings.accounts.map((account) => html`<option value=${account.id} ?selected=${draft.accountId === account.id}>${account.label}</option>`)}
              </select>
              ${fieldError('account-error', this.#errors.get('account'))}
            </div>`
          : nothing}
        ${priorities.length
          ? html`<div class="field">
              <label for="priority">${this.#t('tickets.form.priority')}</label>
              <select
                id="priority"
                ?disabled=${disabled}
                aria-invalid=${this.#errors.has('priority') ? 'true' : 'false'}
                aria-describedby=${ifDefined(this.#errors.has('priority') ? 'priority-error' : undefined)}
                @change=${(event: Event) =>
                  this.#edit(
                    {
                      priority: (event.target as HTMLSelectElement).value as TicketPriority,
                    },
                    'priority'
                  )}
              >
                ${priorities.map(
                  (priority) =>
                    html`<option value=${priority} ?selected=${this.#priority(draft, priorities) === priority}>${this.#priorityLabel(priority)}</option>`
                )}
              </select>
              ${fieldError('priority-error', this.#errors.get('priority'))}
            </div>`
          : nothing}
      </div>
      ${capabilities?.attachments ? this.#files.render(draft.uploads, this.#errors.get('files'), disabled) : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${disabled}>${this.#t(this.#sending ? 'tickets.form.sending' : 'tickets.form.submit')}</button>
        <button type="button" ?disabled=${disabled} @click=${onCancel}>${this.#t('tickets.form.cancel')}</button>
      </div>
    </form>`;
  }

  #renderCategories(settings: TicketSettings, draft: TicketDraft, disabled: boolean): TemplateResult {
    const levels = categoryLevels(settings.categories, draft.category);
    const error = this.#errors.get('category');
    return html`<fieldset class="field-row categories">
      <legend>${this.#t('tickets.form.topic')}</legend>
      ${levels.map(
        (level) => html`<div class="field">
          <label for=${`category-${level.depth}`}>${this.#t(`tickets.form.level.${Math.min(level.depth, 3)}`)}</label>
          <select
            id=${`category-${level.depth}`}
            ?disabled=${disabled}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(error ? 'category-error' : undefined)}
            @change=${(event: Event) =>
              this.#edit(
                {
                  category: chooseCategory(settings.categories, draft.category, level.depth, (event.target as HTMLSelectElement).value),
                },
                'category'
              )}
          >
            <option value="" ?selected=${!level.selected}>${this.#t('tickets.form.choose')}</option>
            ${level.options.map((option) => html`<option value=${option.id} ?selected=${option.id === level.selected}>${option.label}</option>`)}
          </select>
        </div>`
      )}
      ${fieldError('category-error', error)}
    </fieldset>`;
  }

  #priority(draft: TicketDraft, priorities: readonly TicketPriority[]): TicketPriority {
    if (draft.priority && priorities.includes(draft.priority)) return draft.priority;
    return priorities.includes('normal') ? 'normal' : priorities[0]!;
  }

  #priorityLabel(priority: string): string {
    const key = `tickets.priority.${priority}`;
    return this.#host.i18n.has(key) ? this.#t(key) : priority;
  }

  #edit(change: Partial<TicketDraft>, field: string): void {
    Object.assign(this.#draft, change);
    if (this.#errors.delete(field)) this.#host.requestUpdate();
    if ('category' in change) this.#host.requestUpdate();
  }

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#sending) return;
    const settings = this.#host.ticketSettings;
    if (!settings) return;
    const draft = this.#draft;
    this.#formError = undefined;
    this.#errors.clear();
    if (!draft.subject.trim()) this.#errors.set('subject', this.#t('tickets.fieldErrors.required'));
    const blocking = this.#files.blockingMessage(draft.uploads);
    if (blocking) this.#errors.set('files', blocking);
    if (this.#errors.size) return this.#showErrors();

    const input = this.#input(draft, settings);
    const attempt = { since: Date.now(), known: new Set([...this.#host.shownTickets.map((ticket) => ticket.id), ...this.#opened]) };
    this.#sending = true;
    this.#host.requestUpdate();
    try {
      const ticket = (await this.#earlierAttempt(input.subject)) ?? (await this.#host.mutate((tickets) => tickets.create(input)));
      this.#unanswered = undefined;
      this.#opened.add(ticket.id);
      discardDraft(this.#owner, NEW_TICKET_DRAFT);
      this.#files.reset();
      this.#restored = false;
      this.#created(ticket);
    } catch (caught) {
      const error = toRingsideError(caught);
      if (mayHaveReachedBackend(error)) this.#unanswered ??= attempt;
      if (error.code === 'validation' && error.fields.length) {
        const { byField, unplaced } = placeFieldReasons(error.fields, FORM_FIELDS);
        for (const [field, reason] of byField) this.#errors.set(field, reasonText(this.#host.i18n, reason));
        if (unplaced.length || !byField.size) this.#formError = error;
      } else {
        this.#formError = error;
      }
      this.#showErrors();
    } finally {
      this.#sending = false;
      this.#host.requestUpdate();
    }
  };

  #input(draft: TicketDraft, settings: TicketSettings): TicketInput {
    const capabilities = this.#host.environment?.adapter?.capabilities.tickets;
    const category = validCategoryPath(settings.categories, draft.category);
    const priorities = capabilities?.priorities ? settings.priorities : [];
    return {
      subject: draft.subject.trim(),
      description: draft.description,
      ...(category.length ? { category } : {}),
      ...(draft.accountId ? { accountId: draft.accountId } : {}),
      ...(priorities.length ? { priority: this.#priority(draft, priorities) } : {}),
      ...(draft.uploads.length ? { attachmentIds: uploadSummary(draft.uploads).ids } : {}),
    };
  }

  /** After an attempt that got no clear answer, the ticket it may have opened (so a retry does not open a second one). */
  async #earlierAttempt(subject: string): Promise<Ticket | undefined> {
    if (!this.#unanswered) return undefined;
    const page = await this.#host.tickets().list({
      search: subject,
      sort: [{ field: 'createdAt', direction: 'desc' }],
      pageSize: 10,
    });
    return findCreatedTicket(page.items, subject, this.#unanswered);
  }

  #showErrors(): void {
    const first = FOCUS_ORDER.find((field) => this.#errors.has(field));
    const target = first === 'category' ? '#category-0' : first === 'files' ? '#new-ticket-files' : first ? `#${first}` : '[role="alert"]';
    this.#host.focusAfterUpdate(target);
    this.#host.requestUpdate();
  }

  #created(ticket: Ticket): void {
    this.#host.announce(this.#t('tickets.form.created', { id: ticket.id }));
    this.#host.changed({ action: 'created', ticketId: ticket.id });
  }

  #t(key: string, options?: Record<string, unknown>): string {
    return this.#host.i18n.t(key, options);
  }
}
