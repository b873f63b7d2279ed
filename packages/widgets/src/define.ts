/** Registers every Ringside tag. Importing a component class alone registers nothing. */
import './provider/rs-provider.js';
import './balance-card/rs-balance-card.js';
import './period-wizard/rs-period-wizard.js';
