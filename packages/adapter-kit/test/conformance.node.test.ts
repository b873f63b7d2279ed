import { createMemoryAdapter } from '@ringside/adapter-memory';
import type { RingsideAdapter } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { CHECKS, defineConformanceTests, runConformance, type ConformanceReport } from '../src/index.js';
import {
  acceptingTakenNumbers,
  answeringUndeclaredDomain,
  chargingTwiceOnReplay,
  ignoringIfMatch,
  invertingSortDirection,
  throwingPlainErrors,
  unstablePaging,
  writingUndeclared,
} from './broken-adapters.js';

const fixtures = { voucherCode: 'RS-DEMO-10' };

/** Every check, as its own test, against the business customer. */
defineConformanceTests(describe, it, () => createMemoryAdapter(), { fixtures });

const failedIds = (report: ConformanceReport) => report.results.filter((r) => r.status === 'failed').map((r) => r.id);
const statusOf = (report: ConformanceReport, id: string) => report.results.find((r) => r.id === id)?.status;

describe('runConformance against less capable memory adapters', () => {
  it('passes for a residential customer without extensions and hunt groups', async () => {
    const report = await runConformance(() => createMemoryAdapter({ customer: 'residential' }), { fixtures });
    expect(failedIds(report)).toEqual([]);
    expect(statusOf(report, 'contract.undeclared-domains')).toBe('passed');
    expect(statusOf(report, 'extensions.paging')).toBe('skipped');
  });

  it('passes with writes and features switched off, and checks that they answer unsupported', async () => {
    const create = () =>
      createMemoryAdapter({
        capabilities: { tickets: { read: false }, schedules: { write: false }, payments: { autoPay: false, savedMethods: false }, billing: { charges: false } },
      });
    const report = await runConformance(create, { fixtures });
    expect(failedIds(report)).toEqual([]);
    for (const id of ['contract.undeclared-domains', 'contract.undeclared-writes', 'contract.undeclared-features']) expect(statusOf(report, id)).toBe('passed');
  });

  it('passes for 3 000 extensions', async () => {
    const report = await runConformance(() => createMemoryAdapter({ extensions: 3000 }), { domains: ['extensions', 'huntGroups'] });
    expect([report.failed, report.passed]).toEqual([0, report.results.length]);
  }, 60_000);

  it('reports each check once, with the options’ domains and ids', async () => {
    const report = await runConformance(() => createMemoryAdapter(), {
      domains: ['schedules'],
      checks: ['schedules.paging', 'schedules.search', 'payments.settings'],
    });
    expect(report.results.map((r) => r.id)).toEqual(['schedules.paging', 'schedules.search']);
    expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
  });
});

describe('runConformance catches broken adapters', () => {
  const broken: [string, () => RingsideAdapter, string[]][] = [
    ['an adapter that ignores ifMatch', ignoringIfMatch, ['extensions.stale-version']],
    ['an adapter that charges again on replay', chargingTwiceOnReplay, ['payments.idempotent-payment']],
    [
      'an adapter whose paging order is unstable',
      unstablePaging,
      ['extensions.paging', 'extensions.sort-phoneLine', 'extensions.sort-primaryGroup', 'extensions.sort-published', 'extensions.sort-recordedName'],
    ],
    ['an adapter that sorts the wrong way', invertingSortDirection, ['huntGroups.sort-number', 'huntGroups.sort-name', 'huntGroups.sort-sequence']],
    ['an adapter that accepts a taken number', acceptingTakenNumbers, ['extensions.number-taken-by-extension', 'extensions.number-taken-by-hunt-group']],
    ['an adapter that throws plain errors', throwingPlainErrors, ['schedules.round-trip', 'schedules.unknown-id']],
    ['an adapter that answers a domain it does not declare', answeringUndeclaredDomain, ['contract.undeclared-domains']],
    ['an adapter that writes what it declares read-only', writingUndeclared, ['contract.undeclared-writes']],
  ];

  for (const [what, create, expected] of broken) {
    it(`fails exactly the affected checks for ${what}`, async () => {
      const report = await runConformance(create, { fixtures });
      expect(failedIds(report)).toEqual(expected);
      expect(report.failed).toBe(expected.length);
    });
  }

  it('explains a failure', async () => {
    const report = await runConformance(ignoringIfMatch, { checks: ['extensions.stale-version'] });
    expect(report.results[0]?.error).toMatch(/^update with the version before the last update: expected a rejection, got \{"id":"ext-13"/);
  });

  it('fails a check that takes too long, and one whose factory throws', async () => {
    const hanging = () => {
      const adapter = createMemoryAdapter();
      adapter.faults.hang();
      return adapter;
    };
    const slow = await runConformance(hanging, { checks: ['billing.balance'], timeoutMs: 50 });
    expect(slow.results[0]).toMatchObject({ status: 'failed', error: 'Error: the check took longer than 50 ms' });
    const broken = await runConformance(
      () => {
        throw new Error('no backend');
      },
      { checks: ['billing.balance'] }
    );
    expect(broken.results[0]).toMatchObject({ status: 'failed', error: 'Error: no backend' });
  });
});
