import { CheckSkipped, describeError } from './assert.js';
import { CHECKS } from './checks/index.js';
import type { AdapterFactory, Check, CheckResult, ConformanceOptions, ConformanceReport } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The checks these options select. */
export function selectChecks(options: Pick<ConformanceOptions, 'domains' | 'checks'> = {}): Check[] {
  return CHECKS.filter((check) => (!options.domains || options.domains.includes(check.domain)) && (!options.checks || options.checks.includes(check.id)));
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Letters only, so a search for them matches nothing but the records the check made. */
function uniqueLetters(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `Rs${Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`;
}

/** Runs one check on a fresh adapter. */
export async function runCheck(check: Check, createAdapter: AdapterFactory, options: ConformanceOptions = {}): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const result = (status: CheckResult['status'], error?: string): CheckResult => ({
    id: check.id,
    domain: check.domain,
    name: check.name,
    status,
    ...(error === undefined ? {} : { error }),
    durationMs: Date.now() - started,
  });
  try {
    const adapter = await withTimeout(Promise.resolve(createAdapter()), timeoutMs, 'creating the adapter');
    const notApplicable = check.skip(adapter.capabilities);
    if (notApplicable) return result('skipped', notApplicable);
    await withTimeout(check.run({ adapter, unique: uniqueLetters(), fixtures: options.fixtures ?? {} }), timeoutMs, 'the check');
    return result('passed');
  } catch (error) {
    if (error instanceof CheckSkipped) return result('skipped', error.message);
    return result('failed', describeError(error));
  }
}

/**
 * Runs the conformance suite: each check on a fresh adapter from `createAdapter`, one after the
 * other. Needs no test framework, so it runs in Node and in browsers.
 */
export async function runConformance(createAdapter: AdapterFactory, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const report: ConformanceReport = { passed: 0, failed: 0, skipped: 0, results: [] };
  for (const check of selectChecks(options)) {
    const result = await runCheck(check, createAdapter, options);
    report[result.status] += 1;
    report.results.push(result);
    options.reporter?.(result);
  }
  return report;
}
