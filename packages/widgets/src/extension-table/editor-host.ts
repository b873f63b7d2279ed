import type { Extension, HuntGroup, PhoneLine, RingsideAdapter, RingsideError, RingsideI18n, RingsideStore } from '@ringside/core';
import type { ReactiveControllerHost } from 'lit';
import type { RowCache } from './page-cache.js';

/** What the add/edit dialog (loaded when first needed) asks of `<rs-extension-table>`. */
export interface ExtensionEditorHost extends ReactiveControllerHost {
  readonly i18n: RingsideI18n;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The store and adapter the table reads through. */
  readonly backend: { store: RingsideStore; adapter: RingsideAdapter };
  readonly rows: RowCache<Extension>;
  /** What the form checks against and offers. */
  readonly lookups: { numberLength: number | null; huntGroups: HuntGroup[]; phoneLines: PhoneLine[]; groupById: ReadonlyMap<string, HuntGroup> };
  hasField(field: 'phoneLine' | 'primaryGroup' | 'published' | 'recordedName'): boolean;
  errorText(error: RingsideError): string;
  announce(message: string): void;
  /** The save went through: the table says so, tells the page and closes the dialog. */
  editorSaved(saved: Extension, created: boolean): void;
  /** The backend refused a change the row already showed; the row is back as it was. */
  editorRolledBack(extension: Extension, error: RingsideError): void;
  /** Closes the dialog and puts the focus back where it was. */
  closeEditor(): void;
}
