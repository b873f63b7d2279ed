import { toRingsideError, type RingsideError, type Ticket, type TicketMessage, type TicketSettings } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { uploadSummary } from './attachment-rules.js';
import { AttachmentsField } from './attachments-field.js';
import { categoryLabels } from './categories.js';
import type { ConversationController } from './conversation-controller.js';
import { MESSAGE_PAGE_SIZE } from './conversation.js';
import { discardDraft, escalationDraftKey, messageDraft, replyDraftKey, type MessageDraft } from './drafts.js';
import { findSentReply, mayHaveReachedBackend, type UnansweredAttempt } from './reconcile.js';
import type { TicketListHost } from './ticket-host.js';
import { bodyText, fieldError, formatSize, reasonText, statusBadge, timeText } from './ticket-parts.js';
import { isClosed, placeFieldReasons } from './ticket-status.js';

const REPLY_FIELDS: Record<string, string> = {
  body: 'body',
  attachmentIds: 'files',
};
const ESCALATION_FIELDS: Record<string, string> = {
  reason: 'reason',
  status: 'reason',
};

/**
 * One ticket: its facts, the conversation in order, and what the customer can do with it —
 * reply (with attachments), close, reopen, escalate with a reason. Rendered by the list element
 * while a ticket is open.
 */
export class TicketDetail {
  readonly #host: TicketListHost;
  readonly #files: AttachmentsField;
  #replyErrors = new Map<string, string>();
  #replyError: RingsideError | undefined;
  /** Tickets with a reply on its way; the user may open another ticket meanwhile. */
  readonly #sendingTo = new Set<string>();
  /** Per ticket, a reply that got no clear answer; kept while the user looks at other tickets. */
  readonly #unanswered = new Map<string, UnansweredAttempt>();
  /** Replies sent from here; never taken for the result of a later attempt, even before the conversation shows them. */
  readonly #posted = new Set<string>();
  #escalating = false;
  #escalateOpen = false;
  #escalateError: string | undefined;
  #escalateFailure: RingsideError | undefined;
  #changingStatus = false;
  #actionError: RingsideError | undefined;

  constructor(host: TicketListHost) {
    this.#host = host;
    this.#files = new AttachmentsField(host, 'reply');
  }

  /** Forgets the messages of the ticket shown before. */
  reset(): void {
    this.#replyErrors.clear();
    this.#replyError = undefined;
    this.#escalateOpen = false;
    this.#escalateError = undefined;
    this.#escalateFailure = undefined;
    this.#actionError = undefined;
    this.#files.reset();
  }

  get #owner(): object {
    return this.#host.environment?.adapter ?? this;
  }

  renderFacts(ticket: Ticket, settings: TicketSettings | undefined, now: Date): TemplateResult {
    const { i18n } = this.#host;
    const category = settings ? categoryLabels(settings.categories, ticket.category) : ticket.category;
    const account = ticket.accountId ? settings?.accounts.find((candidate) => candidate.id === ticket.accountId)?.label ?? ticket.accountId : null;
    const priorityKey = `tickets.priority.${ticket.priority}`;
    return html`<dl class="facts">
      <div>
        <dt>${this.#t('tickets.columns.status')}</dt>
        <dd>${statusBadge(i18n, ticket.status)} ${ticket.escalated ? html`<span class="badge">${this.#t('tickets.escalatedBadge')}</span>` : nothing}</dd>
      </div>
      ${ticket.priority
        ? html`<div>
            <dt>${this.#t('tickets.form.priority')}</dt>
            <dd>${i18n.has(priorityKey) ? this.#t(priorityKey) : ticket.priority}</dd>
          </div>`
        : nothing}
      <div>
        <dt>${this.#t('tickets.columns.created')}</dt>
        <dd>${timeText(i18n, ticket.createdAt, now)}</dd>
      </div>
      <div>
        <dt>${this.#t('tickets.columns.updated')}</dt>
        <dd>${timeText(i18n, ticket.updatedAt, now)}</dd>
      </div>
      ${ticket.requestors.length
        ? html`<div>
            <dt>${this.#t('tickets.columns.requestors')}</dt>
            <dd>${i18n.format.list(ticket.requestors)}</dd>
          </div>`
        : nothing}
      ${category.length
        ? html`<div>
            <dt>${this.#t('tickets.form.topic')}</dt>
            <dd>${category.join(this.#t('tickets.detail.topicSeparator'))}</dd>
          </div>`
        : nothing}
      ${account
        ? html`<div>
            <dt>${this.#t('tickets.form.account')}</dt>
            <dd>${account}</dd>
          </div>`
        : nothing}
    </dl>`;
  }

  renderActions(ticket: Ticket): TemplateResult | typeof nothing {
    if (!this.#host.canWrite) return nothing;
    const closed = isClosed(ticket.status);
    const canEscalate = !!this.#host.environment?.adapter?.capabilities.tickets.escalate && !ticket.escalated && !closed;
    const busy = this.#changingStatus || this.#escalating;
    return html`<div class="actions">
        <button type="button" ?disabled=${busy} @click=${() => void this.#setStatus(ticket, closed ? 'open' : 'resolved')}>
          ${this.#t(closed ? 'tickets.detail.reopen' : 'tickets.detail.close')}
        </button>
        ${canEscalate
          ? html`<button
              type="button"
              ?disabled=${busy}
              aria-expanded=${this.#escalateOpen ? 'true' : 'false'}
              aria-controls="escalate-form"
              @click=${this.#toggleEscalate}
            >
              ${this.#t('tickets.detail.escalate')}
            </button>`
          : nothing}
      </div>
      ${this.#actionError
        ? html`<div class="alert danger" role="alert">
            <p>${this.#host.errorText(this.#actionError)}</p>
          </div>`
        : nothing}
      ${canEscalate && this.#escalateOpen ? this.#renderEscalation(ticket) : nothing}`;
  }

  #renderEscalation(ticket: Ticket): TemplateResult {
    const draft = messageDraft(this.#owner, escalationDraftKey(ticket.id));
    return html`<form
      id="escalate-form"
      class="escalate"
      novalidate
      aria-labelledby="escalate-title"
      @submit=${(event: Event) => this.#escalate(event, ticket, draft)}
    >
      <h4 id="escalate-title">${this.#t('tickets.detail.escalateTitle')}</h4>
      ${this.#escalateFailure
        ? html`<div class="alert danger" role="alert" tabindex="-1">
            <p>${this.#host.errorText(this.#escalateFailure)}</p>
          </div>`
        : nothing}
      <div class="field">
        <label for="escalate-reason">${this.#t('tickets.detail.escalateReason')} <span aria-hidden="true">*</span></label>
        <textarea
          id="escalate-reason"
          rows="3"
          required
          aria-required="true"
          .value=${live(draft.body)}
          ?disabled=${this.#escalating}
          aria-invalid=${this.#escalateError ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.#escalateError ? 'escalate-reason-error' : undefined)}
          @input=${(event: Event) => {
            draft.body = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        ${fieldError('escalate-reason-error', this.#escalateError)}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.#escalating}>${this.#t('tickets.detail.escalateSubmit')}</button>
        <button type="button" ?disabled=${this.#escalating} @click=${this.#toggleEscalate}>${this.#t('tickets.form.cancel')}</button>
      </div>
    </form>`;
  }

  renderConversation(ticket: Ticket, conversation: ConversationController, now: Date): TemplateResult {
    const { status, error } = conversation;
    let body: TemplateResult;
    if (status === 'error' && error) {
      body = html`<div class="alert danger" role="alert">
        <p>${this.#host.errorText(error)}</p>
        <button type="button" @click=${() => conversation.retry()}>${this.#t('common.retry')}</button>
      </div>`;
    } else if (status !== 'ready') {
      body = html`<div role="status">
        <span class="visually-hidden">${this.#t('tickets.detail.loadingMessages')}</span>
        <div class="skeleton"></div>
      </div>`;
    } else {
      const messages = conversation.messages;
      body = html`${conversation.hasOlder
        ? html`<button type="button" class="load-older" ?disabled=${conversation.loadingOlder} @click=${() => void this.#loadOlder(conversation)}>
            ${this.#t('tickets.detail.loadOlder', {
              count: conversation.total - messages.length,
            })}
          </button>`
        : nothing}
      ${error
        ? html`<div class="alert danger" role="alert">
            <p>${this.#host.errorText(error)}</p>
          </div>`
        : nothing}
      ${messages.length
        ? html`<ol class="conversation" aria-labelledby="conversation-title">
            ${messages.map((message) => this.#renderMessage(message, now))}
          </ol>`
        : html`<p class="hint">${this.#t('tickets.detail.noMessages')}</p>`}`;
    }
    return html`<h4 id="conversation-title">${this.#t('tickets.detail.conversation', { count: conversation.total })}</h4>
      ${body} ${this.#host.canWrite ? this.#renderReply(ticket, conversation) : nothing}`;
  }

  #renderMessage(message: TicketMessage, now: Date): TemplateResult {
    const role = message.author.role === 'agent' ? 'agent' : 'customer';
    return html`<li class="message" data-role=${role} data-message=${message.id} tabindex="-1">
      <p class="message-head">
        <strong>${message.author.name}</strong>
        <span class="badge">${this.#t(`tickets.detail.role.${role}`)}</span>
        <span class="hint">${timeText(this.#host.i18n, message.createdAt, now)}</span>
      </p>
      <p class="message-body">${bodyText(message.body)}</p>
      ${message.attachments.length
        ? html`<ul class="attachments" aria-label=${this.#t('tickets.detail.attachments')}>
            ${message.attachments.map(
              (attachment) =>
                html`<li>
                  <span class="file-name">${attachment.name}</span>
                  <span class="hint">${this.#fileFacts(attachment.size, attachment.contentType)}</span>
                </li>`
            )}
          </ul>`
        : nothing}
    </li>`;
  }

  #renderReply(ticket: Ticket, conversation: ConversationController): TemplateResult {
    const draft = messageDraft(this.#owner, replyDraftKey(ticket.id));
    const bodyError = this.#replyErrors.get('body');
    const sending = this.#sendingTo.has(ticket.id);
    return html`<form class="reply" novalidate aria-labelledby="reply-label" @submit=${(event: Event) => this.#reply(event, ticket, draft, conversation)}>
      ${this.#replyError
        ? html`<div class="alert danger" role="alert" tabindex="-1">
            <p>${this.#host.errorText(this.#replyError)}</p>
            <p>${this.#t('tickets.detail.draftKept')}</p>
          </div>`
        : nothing}
      <div class="field">
        <label for="reply-body" id="reply-label">${this.#t(isClosed(ticket.status) ? 'tickets.detail.replyReopens' : 'tickets.detail.reply')}</label>
        <textarea
          id="reply-body"
          rows="4"
          .value=${live(draft.body)}
          ?disabled=${sending}
          aria-invalid=${bodyError ? 'true' : 'false'}
          aria-describedby=${ifDefined(bodyError ? 'reply-body-error' : undefined)}
          @input=${(event: Event) => {
            draft.body = (event.target as HTMLTextAreaElement).value;
            if (this.#replyErrors.delete('body')) this.#host.requestUpdate();
          }}
        ></textarea>
        ${fieldError('reply-body-error', bodyError)}
      </div>
      ${this.#host.environment?.adapter?.capabilities.tickets.attachments
        ? this.#files.render(draft.uploads, this.#replyErrors.get('files'), sending)
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${sending}>${this.#t(sending ? 'tickets.detail.sending' : 'tickets.detail.send')}</button>
      </div>
    </form>`;
  }

  #fileFacts(size: number, contentType: string): string {
    return this.#host.i18n.format.list([formatSize(this.#host.i18n, size), contentType], { type: 'unit' });
  }

  async #loadOlder(conversation: ConversationController): Promise<void> {
    const before = conversation.messages[0]?.id;
    await conversation.loadOlder();
    // Keep the reader's place: the message they were reading stays in view; focus goes to the newest of the older ones.
    const older = conversation.messages.findIndex((message) => message.id === before);
    const target = older > 0 ? conversation.messages[older - 1] : undefined;
    if (target) this.#host.focusAfterUpdate(`[data-message="${CSS.escape(target.id)}"]`);
  }

  async #reply(event: Event, ticket: Ticket, draft: MessageDraft, conversation: ConversationController): Promise<void> {
    event.preventDefault();
    if (this.#sendingTo.has(ticket.id)) return;
    this.#replyErrors.clear();
    this.#replyError = undefined;
    if (!draft.body.trim()) this.#replyErrors.set('body', this.#t('tickets.fieldErrors.required'));
    const blocking = this.#files.blockingMessage(draft.uploads);
    if (blocking) this.#replyErrors.set('files', blocking);
    if (this.#replyErrors.size) {
      this.#host.focusAfterUpdate(this.#replyErrors.has('body') ? '#reply-body' : '#reply-files');
      this.#host.requestUpdate();
      return;
    }
    const attempt: UnansweredAttempt = { since: Date.now(), known: new Set([...conversation.messages.map((message) => message.id), ...this.#posted]) };
    this.#sendingTo.add(ticket.id);
    this.#host.requestUpdate();
    const input = {
      body: draft.body,
      ...(draft.uploads.length ? { attachmentIds: uploadSummary(draft.uploads).ids } : {}),
    };
    // The user may open another ticket while this one is sent: its answer then belongs to the draft, not to the screen.
    const stillShown = () => this.#host.ticketId === ticket.id;
    try {
      const sent = (await this.#earlierReply(ticket.id, draft.body)) ?? (await this.#host.mutate((tickets) => tickets.reply(ticket.id, input)));
      this.#posted.add(sent.id);
      this.#unanswered.delete(ticket.id);
      discardDraft(this.#owner, replyDraftKey(ticket.id));
      this.#host.changed({ action: 'replied', ticketId: ticket.id });
      if (!stillShown()) return;
      this.#files.reset();
      this.#host.announce(this.#t('tickets.detail.sent'));
      this.#host.focusAfterUpdate('#reply-body');
    } catch (caught) {
      const error = toRingsideError(caught);
      if (mayHaveReachedBackend(error) && !this.#unanswered.has(ticket.id)) this.#unanswered.set(ticket.id, attempt);
      if (!stillShown()) return;
      const { byField, unplaced } = error.code === 'validation' ? placeFieldReasons(error.fields, REPLY_FIELDS) : { byField: new Map(), unplaced: [] };
      for (const [field, reason] of byField) this.#replyErrors.set(field, reasonText(this.#host.i18n, reason));
      if (!byField.size || unplaced.length) this.#replyError = error;
      this.#host.focusAfterUpdate(byField.has('body') ? '#reply-body' : '.reply [role="alert"]');
    } finally {
      this.#sendingTo.delete(ticket.id);
      this.#host.requestUpdate();
    }
  }

  /** After a reply that got no clear answer: whether it arrived after all, so "Send" again does not post it twice. */
  async #earlierReply(ticketId: string, body: string): Promise<TicketMessage | undefined> {
    const attempt = this.#unanswered.get(ticketId);
    if (!attempt) return undefined;
    const tickets = this.#host.tickets();
    const { total } = await tickets.messages(ticketId, {
      page: 1,
      pageSize: 1,
    });
    const pageSize = MESSAGE_PAGE_SIZE;
    const newest = await tickets.messages(ticketId, {
      page: Math.max(1, Math.ceil(total / pageSize)),
      pageSize,
    });
    return findSentReply(newest.items, body, attempt);
  }

  async #setStatus(ticket: Ticket, status: 'open' | 'resolved'): Promise<void> {
    this.#changingStatus = true;
    this.#actionError = undefined;
    this.#host.requestUpdate();
    try {
      await this.#host.mutate((tickets) => tickets.setStatus(ticket.id, status, { ifMatch: ticket.version }));
      this.#host.announce(this.#t(status === 'open' ? 'tickets.detail.reopened' : 'tickets.detail.closed'));
      this.#host.changed({
        action: status === 'open' ? 'reopened' : 'closed',
        ticketId: ticket.id,
      });
    } catch (caught) {
      this.#actionError = toRingsideError(caught);
    } finally {
      this.#changingStatus = false;
      this.#host.focusAfterUpdate('#detail-title');
      this.#host.requestUpdate();
    }
  }

  #toggleEscalate = (): void => {
    this.#escalateOpen = !this.#escalateOpen;
    this.#escalateError = undefined;
    this.#escalateFailure = undefined;
    this.#host.focusAfterUpdate(this.#escalateOpen ? '#escalate-reason' : '[aria-controls="escalate-form"]');
    this.#host.requestUpdate();
  };

  async #escalate(event: Event, ticket: Ticket, draft: MessageDraft): Promise<void> {
    event.preventDefault();
    if (this.#escalating) return;
    this.#escalateError = undefined;
    this.#escalateFailure = undefined;
    if (!draft.body.trim()) {
      this.#escalateError = this.#t('tickets.fieldErrors.required');
      this.#host.focusAfterUpdate('#escalate-reason');
      this.#host.requestUpdate();
      return;
    }
    this.#escalating = true;
    this.#host.requestUpdate();
    try {
      await this.#host.mutate((tickets) =>
        tickets.escalate(ticket.id, draft.body.trim(), {
          ifMatch: ticket.version,
        })
      );
      discardDraft(this.#owner, escalationDraftKey(ticket.id));
      this.#escalateOpen = false;
      this.#host.announce(this.#t('tickets.detail.escalated'));
      this.#host.focusAfterUpdate('#detail-title');
      this.#host.changed({ action: 'escalated', ticketId: ticket.id });
    } catch (caught) {
      const error = toRingsideError(caught);
      const { byField } = error.code === 'validation' ? placeFieldReasons(error.fields, ESCALATION_FIELDS) : { byField: new Map() };
      const reason = byField.get('reason');
      if (reason) this.#escalateError = reasonText(this.#host.i18n, reason);
      else this.#escalateFailure = error;
      this.#host.focusAfterUpdate(reason ? '#escalate-reason' : '#escalate-form [role="alert"]');
    } finally {
      this.#escalating = false;
      this.#host.requestUpdate();
    }
  }

  #t(key: string, options?: Record<string, unknown>): string {
    return this.#host.i18n.t(key, options);
  }
}
