import type { HuntGroup, HuntGroupMember } from '@ringside/core';
import type { CustomerData } from '../data.js';
import { BUSINESS_TICKETS } from './business-tickets.js';
import { generateCharges } from './charges.js';
import { daysBefore, isoDay, timeBefore } from './dates.js';
import { PAYMENT_LIMITS, paymentsData, savedMethod } from './payments.js';
import { linkTelephony } from './telephony.js';
import { ticketSettings } from './ticket-settings.js';
import { buildTickets } from './tickets.js';

const member = (extensionId: string, ringDelay: number, ringTime: number | null, primary: boolean, ignoreFollowMe = false): HuntGroupMember => ({
  extensionId,
  ringDelay,
  ringTime,
  ignoreFollowMe,
  primary,
});

const HUNT_GROUPS: HuntGroup[] = [
  {
    id: 'hg-1',
    version: '1',
    number: '200',
    name: 'Front Office',
    sequence: 'order',
    callerIdMode: 'keep_original',
    pickupAllowed: true,
    members: [member('ext-1', 0, 20, true), member('ext-9', 10, 20, true), member('ext-5', 20, null, false)],
    includedGroups: [{ groupId: 'hg-2', ignoreFollowMe: true }],
  },
  {
    id: 'hg-2',
    version: '1',
    number: '210',
    name: 'Billing Desk',
    sequence: 'simultaneous',
    callerIdMode: 'group_name_caller_number',
    pickupAllowed: true,
    members: [member('ext-5', 0, 30, true), member('ext-6', 0, 30, true)],
    includedGroups: [],
  },
  {
    id: 'hg-3',
    version: '1',
    number: '220',
    name: 'Clinical Team',
    sequence: 'least_used',
    callerIdMode: 'group_name_and_number',
    pickupAllowed: false,
    members: [member('ext-3', 0, null, true, true), member('ext-4', 0, null, true, true), member('ext-2', 5, 25, true), member('ext-8', 5, 25, true)],
    includedGroups: [],
  },
];

/** Harbor Point Dental Group: a postpaid business in Vancouver with a hosted PBX. */
export function businessCustomer(now: Date): CustomerData {
  const year = now.getUTCFullYear();
  return {
    id: 'cust-harbor',
    name: 'Harbor Point Dental Group',
    balance: {
      currency: 'USD',
      model: 'postpaid',
      balance: 412.35,
      creditLimit: 1000,
      lastPayment: { amount: 250, date: isoDay(daysBefore(now, 12)) },
      balanceDue: 187.4,
      overdueAmount: 62.1,
      lastInvoice: { amount: 187.4, dueDate: isoDay(daysBefore(now, -9)) },
    },
    charges: generateCharges(now, 7, { calls: [4, 14], messaging: [0, 1.5], subscriptions: [0, 149] }),
    extensionSettings: { numberLength: 3 },
    ...linkTelephony(
      [
        { id: 'line-1', number: '+1 604 555 0100', label: 'Reception' },
        { id: 'line-2', number: '+1 604 555 0101', label: 'Dr. Okafor' },
        { id: 'line-3', number: '+1 604 555 0102', label: 'Dr. Brennan' },
        { id: 'line-4', number: '+1 604 555 0103', label: 'Billing office' },
        { id: 'line-5', number: '+1 604 555 0104', label: 'Lab' },
        { id: 'line-6', number: '+1 604 555 0105', label: 'Fax' },
      ],
      [
        { id: 'ext-1', number: '101', name: 'Front Desk', phoneLineId: 'line-1', published: true, hasRecordedName: true },
        { id: 'ext-2', number: '102', name: 'Priya Raman', phoneLineId: null, published: true },
        { id: 'ext-3', number: '103', name: 'Dr. Amara Okafor', phoneLineId: 'line-2', published: true, hasRecordedName: true },
        { id: 'ext-4', number: '104', name: 'Dr. Sean Brennan', phoneLineId: 'line-3', published: true, hasRecordedName: true },
        { id: 'ext-5', number: '105', name: 'Lena Fischer', phoneLineId: 'line-4', published: true },
        { id: 'ext-6', number: '106', name: 'Marco Ruiz', phoneLineId: null, published: false },
        { id: 'ext-7', number: '107', name: 'Lab', phoneLineId: 'line-5', published: false },
        { id: 'ext-8', number: '108', name: 'Hannah Cho', phoneLineId: null, published: true },
        { id: 'ext-9', number: '109', name: 'Grace Whitfield', phoneLineId: null, published: true, hasRecordedName: true },
        { id: 'ext-10', number: '110', name: 'Sterilization Room', phoneLineId: null, published: false },
        { id: 'ext-11', number: '111', name: 'Consult Room 1', phoneLineId: null, published: false },
        { id: 'ext-12', number: '120', name: 'Conference Room', phoneLineId: null, published: false },
      ],
      structuredClone(HUNT_GROUPS),
    ),
    pickup: { prefix: '*77' },
    schedules: [
      { id: 'sch-1', version: '1', name: 'Office hours', period: 'wd {mo-fr} hr {9-16}', timeZone: 'America/Vancouver' },
      { id: 'sch-2', version: '1', name: 'Night service', period: 'hr {20-7}', timeZone: 'America/Vancouver' },
      { id: 'sch-3', version: '1', name: 'Weekend', period: 'wd {sa su}', timeZone: 'America/Vancouver' },
    ],
    payments: paymentsData(
      { currency: 'USD', ...PAYMENT_LIMITS, methods: ['card', 'bank_account', 'direct_debit', 'redirect', 'voucher'] },
      [
        savedMethod('pm-card-4242', { kind: 'card', brand: 'visa', last4: '4242', expiry: { month: 8, year: year + 3 } }, true),
        savedMethod('pm-bank-6789', { kind: 'bank_account', brand: 'Checking', last4: '6789' }),
        savedMethod('pm-card-0005', { kind: 'card', brand: 'amex', last4: '0005', expiry: { month: 3, year: year - 1 } }),
      ],
      { payInvoices: true, topUp: null, methodId: 'pm-card-4242' },
      [['RS-DEMO-10', 10], ['RS-DEMO-25', 25], ['RS-DEMO-50', 50, timeBefore(now, 30, 15)]],
    ),
    tickets: {
      settings: ticketSettings([
        { id: 'acc-main', label: 'Main account (+1 604 555 0100)' },
        { id: 'acc-fax', label: 'Fax line (+1 604 555 0105)' },
      ]),
      ...buildTickets(now, 'Harbor Point Dental Group', BUSINESS_TICKETS),
      uploads: [],
      requestor: 'Harbor Point Dental Group',
    },
  };
}
