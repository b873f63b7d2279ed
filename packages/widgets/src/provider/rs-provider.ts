import { RsProvider } from './provider.component.js';

export * from './provider.component.js';
RsProvider.define('rs-provider');

declare global {
  interface HTMLElementTagNameMap {
    'rs-provider': RsProvider;
  }
}
