import type { CustomerData } from '../data.js';
import { businessCustomer } from './business.js';
import { newCustomer } from './new-customer.js';
import { residentialCustomer } from './residential.js';

export { withGeneratedExtensions } from './generate.js';

export type DemoCustomerId = 'business' | 'residential' | 'new';

/**
 * The demo world, dated relative to `now`: a postpaid business with a hosted PBX, a prepaid
 * residential customer, and an account opened today.
 */
export function createSeedData(now: Date = new Date()): Record<DemoCustomerId, CustomerData> {
  return { business: businessCustomer(now), residential: residentialCustomer(now), new: newCustomer() };
}
