import { RsHuntgroupEditor } from './huntgroup-editor.component.js';

export * from './huntgroup-editor.component.js';
RsHuntgroupEditor.define('rs-huntgroup-editor');

declare global {
  interface HTMLElementTagNameMap {
    'rs-huntgroup-editor': RsHuntgroupEditor;
  }
}
