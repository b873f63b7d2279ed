import type { Check } from '../types.js';
import { BILLING_CHECKS } from './billing.js';
import { CONTRACT_CHECKS } from './contract.js';
import { EXTENSION_CHECKS } from './extensions.js';
import { HUNT_GROUP_CHECKS } from './hunt-groups.js';
import { PAYMENT_CHECKS } from './payments.js';
import { SCHEDULE_CHECKS } from './schedules.js';
import { TICKET_CHECKS } from './tickets.js';

/** Every check of the suite, in the order it runs. */
export const CHECKS: readonly Check[] = [
  ...CONTRACT_CHECKS,
  ...BILLING_CHECKS,
  ...EXTENSION_CHECKS,
  ...HUNT_GROUP_CHECKS,
  ...SCHEDULE_CHECKS,
  ...PAYMENT_CHECKS,
  ...TICKET_CHECKS,
];
