export { FaultInjector } from './faults.js';
export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
export type { CapabilityOverrides, CustomerData, PaymentsData, TicketsData } from './data.js';
export { createSeedData, withGeneratedExtensions, type DemoCustomerId } from './seed/index.js';
export type { Latency } from './call.js';
export * as rules from './rules/index.js';
