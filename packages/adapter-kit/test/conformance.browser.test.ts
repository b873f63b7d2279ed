import { createMemoryAdapter } from '@ringside/adapter-memory';
import { expect } from '@open-wc/testing';
import { defineConformanceTests, formatSummary, runConformance } from '../src/index.js';

/** Mocha's globals, as web-test-runner provides them. */
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: (this: { timeout(ms: number): void }) => Promise<void>) => void;

const fixtures = { voucherCode: 'RS-DEMO-10' };

describe('the conformance suite in a browser', () => {
  it('passes against the memory adapter, with no test framework involved', async function () {
    this.timeout(120_000);
    const report = await runConformance(() => createMemoryAdapter(), { fixtures });
    expect(report.failed, formatSummary(report)).to.equal(0);
    expect(report.passed).to.be.greaterThan(70);
  });
});

/** And every check as a mocha test, skips included. */
defineConformanceTests(describe, it, () => createMemoryAdapter({ customer: 'residential' }), { fixtures });
