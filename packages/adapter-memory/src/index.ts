export { FaultInjector } from './faults.js';
export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
export { createSeedData, type CustomerData, type DemoCustomerId, type PhoneLine, type SavedPaymentMethod } from './seed-data.js';
