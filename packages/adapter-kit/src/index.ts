export { runConformance, runCheck, selectChecks, DEFAULT_TIMEOUT_MS } from './run.js';
export { defineConformanceTests } from './define-tests.js';
export { formatResult, formatSummary } from './format.js';
export { CHECKS } from './checks/index.js';
export { CheckSkipped, ConformanceFailure, deepEqual, describeError, ensure, ensureEqual, rejection, rejectsInvalid, rejectsWith } from './assert.js';
export type {
  AdapterFactory,
  Check,
  CheckContext,
  CheckDomain,
  CheckResult,
  CheckStatus,
  ConformanceFixtures,
  ConformanceOptions,
  ConformanceReport,
} from './types.js';
