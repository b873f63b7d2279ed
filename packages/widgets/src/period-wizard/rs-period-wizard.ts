import { RsPeriodWizard } from './period-wizard.component.js';

export * from './period-wizard.component.js';
RsPeriodWizard.define('rs-period-wizard');

declare global {
  interface HTMLElementTagNameMap {
    'rs-period-wizard': RsPeriodWizard;
  }
}
