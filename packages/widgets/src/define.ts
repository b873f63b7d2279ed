/** Registers every Ringside tag. Importing a component class alone registers nothing. */
import './provider/rs-provider.js';
import './balance-card/rs-balance-card.js';
import './period-wizard/rs-period-wizard.js';
import './payment-form/rs-payment-form.js';
import './payment-methods/rs-payment-methods.js';
import './ticket-list/rs-ticket-list.js';
import './extension-table/rs-extension-table.js';
import './huntgroup-editor/rs-huntgroup-editor.js';
