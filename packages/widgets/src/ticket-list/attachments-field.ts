import { toRingsideError } from '@ringside/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { checkFiles, typeLabel, uploadSummary, type FileProblem, type UploadItem } from './attachment-rules.js';
import type { TicketListHost } from './ticket-host.js';
import { formatSize } from './ticket-parts.js';

let nextKey = 0;

/**
 * The attachments of a ticket or reply being written: a file picker and a drop zone that check
 * the backend's limits first, then upload each file at once with its own progress bar. A failed
 * upload stays in the list with "Try again"; the text around it is untouched.
 */
export class AttachmentsField {
  readonly #host: TicketListHost;
  readonly #id: string;
  #problems: FileProblem[] = [];
  #dragging = false;

  constructor(host: TicketListHost, id: string) {
    this.#host = host;
    this.#id = id;
  }

  get inputId(): string {
    return `${this.#id}-files`;
  }

  /** Adds files the user picked or dropped to `items` (the draft's list), uploading the accepted ones. */
  add(items: UploadItem[], files: readonly File[]): void {
    const limits = this.#host.ticketSettings?.attachments;
    if (!limits) return;
    const { accepted, refused } = checkFiles(files, limits, items.length);
    this.#problems = refused;
    for (const file of accepted) {
      const item: UploadItem = {
        key: `upload-${++nextKey}`,
        name: file.name,
        size: file.size,
        type: file.type,
        file,
        state: 'uploading',
        sent: 0,
      };
      items.push(item);
      void this.upload(item);
    }
    if (refused.length) this.#host.announce(refused.map((problem) => this.#problemText(problem)).join(' '));
    this.#host.requestUpdate();
  }

  async upload(item: UploadItem): Promise<void> {
    Object.assign(item, { state: 'uploading', sent: 0, error: undefined });
    this.#host.requestUpdate();
    try {
      item.attachment = await this.#host.tickets().uploadAttachment(item.file, item.name, {
        onProgress: (sent) => {
          item.sent = sent;
          this.#host.requestUpdate();
        },
      });
      item.state = 'done';
      item.sent = item.size;
      this.#host.announce(this.#t('tickets.files.uploaded', { name: item.name }));
    } catch (caught) {
      item.state = 'failed';
      item.error = toRingsideError(caught).code;
      this.#host.announce(this.#t('tickets.files.failed', { name: item.name }));
    }
    this.#host.requestUpdate();
  }

  remove(items: UploadItem[], item: UploadItem): void {
    const index = items.indexOf(item);
    if (index >= 0) items.splice(index, 1);
    this.#problems = [];
    this.#host.announce(this.#t('tickets.files.removed', { name: item.name }));
    this.#host.focusAfterUpdate(`#${this.inputId}`);
    this.#host.requestUpdate();
  }

  /** Forgets refusals shown for an earlier choice (after a send, or when the form closes). */
  reset(): void {
    this.#problems = [];
  }

  /** The message to show at the field when the form is sent with unfinished or failed uploads. */
  blockingMessage(items: readonly UploadItem[]): string | undefined {
    const summary = uploadSummary(items);
    if (summary.uploading) return this.#t('tickets.files.stillUploading');
    if (summary.failed) return this.#t('tickets.files.fixFailed');
    return undefined;
  }

  render(items: UploadItem[], error: string | undefined, disabled: boolean): TemplateResult {
    const limits = this.#host.ticketSettings?.attachments;
    if (!limits) return html``;
    const { format } = this.#host.i18n;
    const types = this.#typeList(limits.types, 'unit');
    const hintId = `${this.#id}-files-hint`;
    const errorId = `${this.#id}-files-error`;
    const problems = this.#problems.map((problem) => this.#problemText(problem));
    const full = items.length >= limits.maxCount;
    return html`<div
      class="files ${this.#dragging ? 'dragging' : ''}"
      @dragover=${this.#dragOver}
      @dragleave=${this.#dragLeave}
      @drop=${(event: DragEvent) => this.#drop(event, items)}
      data-dropzone
    >
      <label for=${this.inputId}>${this.#t('tickets.files.label')}</label>
      <input
        id=${this.inputId}
        type="file"
        multiple
        accept=${limits.types.join(',')}
        ?disabled=${disabled || full}
        aria-invalid=${error || problems.length ? 'true' : 'false'}
        aria-describedby=${[hintId, error || problems.length ? errorId : ''].filter(Boolean).join(' ')}
        @change=${(event: Event) => this.#picked(event, items)}
      />
      <p class="hint" id=${hintId}>
        ${this.#t('tickets.files.hint', {
          count: limits.maxCount,
          size: this.#size(limits.maxBytes),
          types,
        })}
      </p>
      ${error || problems.length
        ? html`<div class="field-error" id=${errorId}>${[error, ...problems].filter(Boolean).map((text) => html`<p>${text}</p>`)}</div>`
        : nothing}
      ${items.length
        ? html`<ul class="uploads" aria-label=${this.#t('tickets.files.listLabel')}>
            ${items.map(
              (item) => html`<li data-state=${item.state}>
                <span class="file-name">${item.name}</span>
                <span class="hint">${this.#size(item.size)}</span>
                ${item.state === 'uploading'
                  ? html`<progress
                        max=${Math.max(1, item.size)}
                        .value=${item.sent}
                        aria-label=${this.#t('tickets.files.progress', {
                          name: item.name,
                        })}
                      ></progress>
                      <span class="hint">${format.percent(item.size ? item.sent / item.size : 0)}</span>`
                  : item.state === 'done'
                  ? html`<span class="file-done">${this.#t('tickets.files.done')}</span>`
                  : html`<span class="file-failed"
                        >${this.#t('tickets.files.failedShort', {
                          reason: this.#t(`errors.${item.error ?? 'unavailable'}`),
                        })}</span
                      >
                      <button
                        type="button"
                        ?disabled=${disabled}
                        aria-label=${this.#t('tickets.files.retryLabel', {
                          name: item.name,
                        })}
                        @click=${() => void this.upload(item)}
                      >
                        ${this.#t('common.retry')}
                      </button>`}
                <button
                  type="button"
                  class="quiet"
                  ?disabled=${disabled || item.state === 'uploading'}
                  aria-label=${ifDefined(this.#t('tickets.files.removeLabel', { name: item.name }))}
                  @click=${() => this.remove(items, item)}
                >
                  ${this.#t('tickets.files.remove')}
                </button>
              </li>`
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #size(bytes: number): string {
    return formatSize(this.#host.i18n, bytes);
  }

  /** "PNG, JPEG, PDF, TXT" for the hint; "PNG, JPEG, PDF, or TXT" for a refusal. */
  #typeList(types: readonly string[], style: 'unit' | 'disjunction'): string {
    return new Intl.ListFormat(this.#host.i18n.locale, { type: style }).format([...new Set(types.map(typeLabel))]);
  }

  #problemText(problem: FileProblem): string {
    const limits = this.#host.ticketSettings?.attachments;
    const types = this.#typeList(limits?.types ?? [], 'disjunction');
    return this.#t(`tickets.files.problem.${problem.reason}`, {
      name: problem.name,
      size: this.#size(limits?.maxBytes ?? 0),
      count: limits?.maxCount ?? 0,
      types,
    });
  }

  #picked(event: Event, items: UploadItem[]): void {
    const input = event.target as HTMLInputElement;
    this.add(items, [...(input.files ?? [])]);
    input.value = '';
  }

  #dragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!this.#dragging) {
      this.#dragging = true;
      this.#host.requestUpdate();
    }
  };

  #dragLeave = (): void => {
    this.#dragging = false;
    this.#host.requestUpdate();
  };

  #drop(event: DragEvent, items: UploadItem[]): void {
    event.preventDefault();
    this.#dragging = false;
    this.add(items, [...(event.dataTransfer?.files ?? [])]);
  }

  #t(key: string, options?: Record<string, unknown>): string {
    return this.#host.i18n.t(key, options);
  }
}
