import type { CustomerData } from '../data.js';
import { NO_AUTO_PAY, PAYMENT_LIMITS, paymentsData } from './payments.js';
import { ticketSettings } from './ticket-settings.js';

/** An account opened today: no billing yet, nothing configured. */
export function newCustomer(): CustomerData {
  return {
    id: 'cust-new',
    name: 'New customer',
    balance: null,
    charges: [],
    extensionSettings: { numberLength: 3 },
    phoneLines: [],
    extensions: [],
    huntGroups: [],
    pickup: { prefix: null },
    schedules: [],
    payments: paymentsData({ currency: 'USD', ...PAYMENT_LIMITS, methods: ['card', 'redirect', 'voucher'] }, [], NO_AUTO_PAY, []),
    tickets: { settings: ticketSettings([]), tickets: [], messages: {}, uploads: [], requestor: 'New customer' },
  };
}
