import { selectChecks, runCheck, DEFAULT_TIMEOUT_MS } from './run.js';
import type { AdapterFactory, CheckDomain, ConformanceOptions } from './types.js';

type Describe = (name: string, body: () => void) => unknown;
type It = (name: string, body: () => Promise<void>, timeout?: number) => unknown;

/** Whatever a framework passes a test to let it skip itself: mocha's `this`, vitest's context. */
interface Skippable {
  skip?: (note?: string) => void;
}

/**
 * Registers every check as a test of a mocha- or vitest-style framework:
 * `defineConformanceTests(describe, it, () => createMyAdapter())`. A check that does not apply
 * to the adapter's capabilities is skipped where the framework can skip from inside a test.
 */
export function defineConformanceTests(describe: Describe, it: It, createAdapter: AdapterFactory, options: Omit<ConformanceOptions, 'reporter'> = {}): void {
  const checks = selectChecks(options);
  const domains = [...new Set(checks.map((check) => check.domain))] as CheckDomain[];
  describe('Ringside adapter conformance', () => {
    for (const domain of domains) {
      describe(domain, () => {
        for (const check of checks.filter((candidate) => candidate.domain === domain)) {
          it(
            check.name,
            async function (this: Skippable | undefined) {
              const result = await runCheck(check, createAdapter, options);
              if (result.status === 'failed') throw new Error(`${check.id}: ${result.error}`);
              if (result.status === 'skipped') {
                // mocha hands `this`; vitest hands a context as first argument (declaring a parameter would make mocha wait for a callback).
                const framework: Skippable | undefined = this?.skip ? this : (arguments[0] as Skippable | undefined);
                framework?.skip?.(result.error);
              }
            },
            (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000,
          );
        }
      });
    }
  });
}
