import { RsBalanceCard } from './balance-card.component.js';

export * from './balance-card.component.js';
RsBalanceCard.define('rs-balance-card');

declare global {
  interface HTMLElementTagNameMap {
    'rs-balance-card': RsBalanceCard;
  }
}
