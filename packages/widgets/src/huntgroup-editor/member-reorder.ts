/**
 * Reordering members: drag a row by its grip, use its up and down buttons, or Alt+Arrow keys from
 * any of its controls. Each move is announced with the member's new position, and focus stays on
 * the control that moved it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HuntGroupDraft } from './draft.js';
import { planMove } from './editor-state.js';
import type { EditorText } from './editor-text.js';

export interface ReorderBindings {
  /** The draft being edited; null when none is open. */
  draft(): HuntGroupDraft | null;
  replace(draft: HuntGroupDraft): void;
  announce(message: string): void;
  focusAfterUpdate(selector: string): void;
  text(): EditorText;
  canWrite(): boolean;
}

export class MemberReorder {
  #dragFrom: number | null = null;
  #dropTarget: number | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly bindings: ReorderBindings) {}

  /** Moves a member and says where it went; `control` keeps focus on the control that moved it. */
  move(from: number, to: number, control: string): void {
    const before = this.bindings.draft();
    if (!before) return;
    const move = planMove(before, from, to, control);
    if (!move) return;
    const text = this.bindings.text();
    this.bindings.replace(move.draft);
    this.bindings.announce(
      text.t('announce.moved', {
        member: text.memberName(move.extensionId),
        position: text.number(move.position + 1),
        count: text.number(move.count),
      })
    );
    this.bindings.focusAfterUpdate(move.focus);
  }

  isDropTarget(index: number): boolean {
    return this.#dropTarget === index;
  }

  /** Alt+Arrow keys move the row from any of its controls. */
  rowKey(event: KeyboardEvent, index: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (!this.bindings.canWrite() || this.bindings.draft()?.value.sequence !== 'order') return;
    event.preventDefault();
    const control = (event.target as HTMLElement).dataset.control ?? 'ringDelay';
    this.move(index, index + (event.key === 'ArrowUp' ? -1 : 1), control);
  }

  #setDropTarget(index: number | null): void {
    this.#dropTarget = index;
    this.host.requestUpdate();
  }

  dragOver(event: DragEvent, index: number): void {
    if (this.#dragFrom === null) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.#setDropTarget(index);
  }

  dragLeave(): void {
    this.#setDropTarget(null);
  }

  drop(event: DragEvent, index: number): void {
    if (this.#dragFrom === null) return;
    event.preventDefault();
    const from = this.#dragFrom;
    this.#dragEnd();
    this.move(from, index, 'ringDelay');
  }

  #dragStart(event: DragEvent, index: number): void {
    this.#dragFrom = index;
    event.dataTransfer?.setData('text/plain', String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #dragEnd = () => {
    this.#dragFrom = null;
    this.#setDropTarget(null);
  };

  /** The drag handle of row `index`. */
  grip(text: EditorText, index: number): TemplateResult {
    return html`<span
      class="grip"
      draggable="true"
      title=${text.t('members.drag')}
      @dragstart=${(event: DragEvent) => this.#dragStart(event, index)}
      @dragend=${this.#dragEnd}
      ><span aria-hidden="true">⠿</span></span
    >`;
  }

  /** The up and down buttons of row `index` of `count`. */
  buttons(text: EditorText, index: number, count: number, name: string): TemplateResult | typeof nothing {
    return html`<button
        type="button"
        class="icon"
        data-control="up"
        aria-label=${text.t('members.moveUp', { member: name })}
        ?disabled=${index === 0}
        @click=${() => this.move(index, index - 1, 'up')}
      >
        <span aria-hidden="true">↑</span></button
      ><button
        type="button"
        class="icon"
        data-control="down"
        aria-label=${text.t('members.moveDown', { member: name })}
        ?disabled=${index === count - 1}
        @click=${() => this.move(index, index + 1, 'down')}
      >
        <span aria-hidden="true">↓</span>
      </button>`;
  }
}
