import type { CustomerData } from '../data.js';
import { generateCharges } from './charges.js';
import { daysBefore, isoDay } from './dates.js';
import { PAYMENT_LIMITS, paymentsData, savedMethod } from './payments.js';
import { ticketSettings } from './ticket-settings.js';
import { buildTickets } from './tickets.js';

const AGENT = 'Jonas Weber (Kundenservice)';

/** Maya Lindqvist: a prepaid home line in Berlin. No hosted PBX, so no extensions or hunt groups. */
export function residentialCustomer(now: Date): CustomerData {
  return {
    id: 'cust-lindqvist',
    name: 'Maya Lindqvist',
    capabilities: { extensions: { read: false, write: false }, huntGroups: { read: false, write: false } },
    balance: {
      currency: 'EUR',
      model: 'prepaid',
      balance: 7.85,
      creditLimit: null,
      lastPayment: { amount: 20, date: isoDay(daysBefore(now, 21)) },
    },
    charges: generateCharges(now, 11, { calls: [0, 0.9], data: [0, 0.4], subscriptions: [0, 4.99] }),
    extensionSettings: { numberLength: 3 },
    phoneLines: [{ id: 'line-r1', number: '+49 30 5550 1234', label: 'Home', extensionId: null }],
    extensions: [],
    huntGroups: [],
    pickup: { prefix: null },
    schedules: [{ id: 'sch-1', version: '1', name: 'Quiet hours', period: 'hr {22-6}', timeZone: 'Europe/Berlin' }],
    payments: paymentsData(
      { currency: 'EUR', ...PAYMENT_LIMITS, methods: ['card', 'direct_debit', 'redirect', 'voucher'] },
      [savedMethod('pm-card-1881', { kind: 'card', brand: 'mastercard', last4: '1881', expiry: { month: 11, year: now.getUTCFullYear() + 2 } }, true)],
      { payInvoices: false, topUp: { threshold: 5, amount: 20 }, methodId: 'pm-card-1881' },
      [['RS-DEMO-10', 10], ['RS-DEMO-25', 25]],
    ),
    tickets: {
      settings: ticketSettings([{ id: 'acc-home', label: 'Home line (+49 30 5550 1234)' }]),
      ...buildTickets(now, 'Maya Lindqvist', [
        {
          id: '2001',
          subject: 'Bring my number over from my old provider',
          status: 'resolved',
          priority: 'normal',
          category: ['voice', 'voice-numbers', 'voice-porting'],
          accountId: 'acc-home',
          opened: [45, 9],
          messages: [
            { from: 'customer', after: 0, body: 'I would like to keep my Berlin number when I switch. My contract with the old provider ends at the end of the month.' },
            { from: AGENT, after: 20, body: 'Your number moves over on the last day of the month between 6 and 8 in the morning. You do not need to do anything.' },
            { from: 'customer', after: 400, body: 'Everything worked, thank you.' },
          ],
        },
        {
          id: '2002',
          subject: 'Calls drop after about ten minutes',
          status: 'open',
          priority: 'normal',
          category: ['voice', 'voice-quality', 'voice-dropped'],
          accountId: 'acc-home',
          opened: [3, 18],
          messages: [
            { from: 'customer', after: 0, body: 'Longer calls to my parents in Malmö end by themselves after roughly ten minutes. Short calls are fine.' },
            { from: AGENT, after: 16, body: 'That sounds like the router closing the connection. Which router do you use? If it has a "SIP ALG" setting, please switch it off and try again.' },
          ],
        },
      ]),
      uploads: [],
      requestor: 'Maya Lindqvist',
    },
  };
}
