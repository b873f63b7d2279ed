import { RsExtensionTable } from './extension-table.component.js';

export * from './extension-table.component.js';
RsExtensionTable.define('rs-extension-table');

declare global {
  interface HTMLElementTagNameMap {
    'rs-extension-table': RsExtensionTable;
  }
}
