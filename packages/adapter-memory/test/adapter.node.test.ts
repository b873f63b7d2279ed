import { NO_CAPABILITIES, requireSection } from '@ringside/core';
import { describe, expect, it } from 'vitest';
import { createSeedData, withGeneratedExtensions } from '../src/index.js';
import { NOW, expectCode, memory, rejection } from './helpers.js';

describe('createMemoryAdapter', () => {
  it('offers every domain for the business customer', () => {
    const adapter = memory();
    for (const domain of ['billing', 'extensions', 'huntGroups', 'schedules', 'payments', 'tickets'] as const) {
      expect(adapter.capabilities[domain].read).toBe(true);
      expect(requireSection(adapter, domain)).toBeTypeOf('object');
    }
  });

  it('has no extensions or hunt groups for the residential customer', async () => {
    const adapter = memory({ customer: 'residential' });
    expect(adapter.extensions).toBeUndefined();
    expect(() => requireSection(adapter, 'huntGroups')).toThrowError(/unsupported/);
    expect((await adapter.billing!.getBalance())?.currency).toBe('EUR');
  });

  it('leaves out a domain turned off, and rejects writes turned off as unsupported', async () => {
    const adapter = memory({ capabilities: { tickets: { read: false }, schedules: { write: false } } });
    expect(adapter.tickets).toBeUndefined();
    expect((await adapter.schedules!.list({})).total).toBe(3);
    await expectCode(adapter.schedules!.create({ name: 'x', period: 'hr {9}', timeZone: 'UTC' }), 'unsupported');
    expect(adapter.data.schedules).toHaveLength(3);
  });

  it('accepts whole capability objects, as widget tests pass them', async () => {
    const adapter = memory({ capabilities: { payments: { ...NO_CAPABILITIES.payments, read: true } } });
    await expectCode(adapter.payments!.makePayment({ amount: { amount: 10, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' }, idempotencyKey: 'k' }), 'unsupported');
    await expectCode(adapter.payments!.listMethods(), 'unsupported');
    await expectCode(adapter.payments!.redeemVoucher({ code: 'RS-DEMO-10', idempotencyKey: 'k' }), 'unsupported');
  });

  it('rejects features a capability switches off', async () => {
    const adapter = memory({ capabilities: { billing: { charges: false }, tickets: { escalate: false, attachments: false } } });
    await expectCode(adapter.billing!.getCharges({ from: '2025-01-01', to: '2025-01-31' }), 'unsupported');
    await expectCode(adapter.tickets!.escalate('1001', 'please'), 'unsupported');
    await expectCode(adapter.tickets!.uploadAttachment(new Blob(['x'], { type: 'text/plain' }), 'a.txt'), 'unsupported');
  });

  it('answers copies, so callers cannot change the backend by accident', async () => {
    const adapter = memory();
    const extension = await adapter.extensions!.get('ext-1');
    extension.name = 'Changed';
    expect((await adapter.extensions!.get('ext-1')).name).toBe('Front Desk');
  });

  it('serves each customer its own data', async () => {
    const a = memory();
    const b = memory();
    await a.schedules!.delete('sch-1');
    expect((await b.schedules!.list({})).total).toBe(3);
  });

  describe('faults and timing', () => {
    it('fails the planned calls, then recovers', async () => {
      const adapter = memory();
      adapter.faults.failNext(2, 'rate_limited');
      await expectCode(adapter.billing!.getBalance(), 'rate_limited');
      await expectCode(adapter.extensions!.list({}), 'rate_limited');
      expect((await adapter.extensions!.list({})).total).toBe(12);
    });

    it('holds calls while hanging and lets them go on clear()', async () => {
      const adapter = memory();
      adapter.faults.hang();
      let settled = false;
      const pending = adapter.billing!.getBalance().then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toBe(false);
      adapter.faults.clear();
      await pending;
      expect(settled).toBe(true);
    });

    it('rejects an aborted call as a retryable network error, without writing', async () => {
      const adapter = memory({ latency: 50 });
      const controller = new AbortController();
      const pending = adapter.schedules!.delete('sch-1', { signal: controller.signal });
      controller.abort();
      const error = await rejection(pending);
      expect([error.code, error.retryable]).toEqual(['network', true]);
      expect(adapter.data.schedules).toHaveLength(3);
      await expectCode(adapter.billing!.getBalance({ signal: AbortSignal.abort() }), 'network');
    });

    it('waits the configured latency', async () => {
      const adapter = memory({ latency: [30, 40] });
      const started = performance.now();
      await adapter.billing!.getBalance();
      expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    });
  });

  describe('generated extensions', () => {
    it('grows the number length and keeps numbers unique and deterministic', async () => {
      const adapter = memory({ extensions: 10_000 });
      const settings = await adapter.extensions!.settings();
      expect(settings.numberLength).toBe(5);
      const numbers = [...adapter.data.extensions, ...adapter.data.huntGroups].map((record) => record.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.every((number) => /^\d{5}$/.test(number))).toBe(true);
      expect(adapter.data.extensions.find((e) => e.id === 'ext-1')?.number).toBe('10101');
      const page = await adapter.extensions!.list({ page: 20, pageSize: 500 });
      expect([page.total, page.items.length]).toEqual([10_000, 500]);
      const again = withGeneratedExtensions(createSeedData(NOW).business, 10_000);
      expect(again.extensions.map((e) => e.name)).toEqual(adapter.data.extensions.map((e) => e.name));
    });

    it('keeps the group memberships of the seeded extensions', () => {
      const data = withGeneratedExtensions(createSeedData(NOW).business, 50);
      expect(data.extensionSettings.numberLength).toBe(3);
      expect(data.extensions).toHaveLength(50);
      expect(data.extensions.find((e) => e.id === 'ext-1')?.groupIds).toEqual(['hg-1']);
    });
  });
});
