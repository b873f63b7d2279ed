// The conformance suite's contract and tickets checks against a real Request Tracker 5
// (RINGSIDE_TEST_RT_*; scripts/start-rt.sh starts one). Without one they are skipped, loudly.
import { defineConformanceTests, runConformance } from '@ringside/adapter-kit';
import { describe, expect, it } from 'vitest';
import { customerAdapter, NO_RT_MESSAGE, testRt } from './rt-environment.js';

const rt = testRt();
if (!rt) console.warn(NO_RT_MESSAGE);

describe.skipIf(!rt)("Request Tracker adapter, browser-direct with the customer's token, escalation by priority", () => {
  defineConformanceTests(describe, it, () => customerAdapter(rt!), {
    domains: ['contract', 'tickets'],
    timeoutMs: 60_000,
  });
});

describe.skipIf(!rt)('Request Tracker adapter, other set-ups', () => {
  it('passes with escalation moving tickets to another queue', async () => {
    const report = await runConformance(
      () =>
        customerAdapter(rt!, {
          escalation: { type: 'queue', queue: rt!.escalationQueue },
        }),
      {
        checks: ['tickets.escalate', 'tickets.round-trip', 'tickets.unknown-id'],
        timeoutMs: 60_000,
      }
    );
    expect(report.results.filter((result) => result.status !== 'passed')).toEqual([]);
  }, 120_000);

  it('passes without escalation, which it then declares it cannot do', async () => {
    const report = await runConformance(() => customerAdapter(rt!, { escalation: undefined }), {
      checks: ['contract.undeclared-features', 'tickets.escalate'],
      timeoutMs: 60_000,
    });
    expect(report.results.map((result) => [result.id, result.status])).toEqual([
      ['contract.undeclared-features', 'passed'],
      ['tickets.escalate', 'skipped'],
    ]);
  }, 120_000);
});

describe.runIf(!rt)('Request Tracker adapter without an RT', () => {
  // Without a real RT there is nothing honest to run: the skip shows in the totals and says how to get one (CI has one).
  it.skip('needs RINGSIDE_TEST_RT_URL: run eval "$(scripts/start-rt.sh)" first', () => {});
});
