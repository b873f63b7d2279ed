import { isRingsideError, type CallOptions, type Capabilities, type Domain, type HuntGroupInput, type RingsideAdapter } from '@ringside/core';
import { describeError, ensure, rejectsWith, show } from '../assert.js';
import type { Check } from '../types.js';
import { check, type Condition } from './define.js';

/** Every method of each section of the contract. */
const METHODS: Record<Domain, string[]> = {
  billing: ['getBalance', 'getCharges'],
  extensions: ['settings', 'list', 'get', 'create', 'update', 'delete', 'listPhoneLines'],
  huntGroups: ['list', 'get', 'create', 'update', 'delete', 'pickupSettings'],
  schedules: ['list', 'get', 'create', 'update', 'delete'],
  payments: ['settings', 'listMethods', 'addMethod', 'removeMethod', 'setPreferred', 'makePayment', 'getPayment', 'getAutoPay', 'updateAutoPay', 'redeemVoucher'],
  tickets: ['settings', 'list', 'get', 'messages', 'uploadAttachment', 'create', 'reply', 'setStatus', 'escalate'],
};

const DOMAINS = Object.keys(METHODS) as Domain[];

type Section<D extends Domain> = NonNullable<RingsideAdapter[D]>;
type Probe = (section: never, options?: CallOptions) => Promise<unknown>;
type Probes = { [D in Domain]: Record<string, (section: Section<D>, options?: CallOptions) => Promise<unknown>> };

const MISSING = 'rs-conformance-missing';
const blob = () => new Blob(['x'], { type: 'text/plain' });
const GROUP: HuntGroupInput = { number: '1', name: 'x', sequence: 'order', callerIdMode: 'keep_original', pickupAllowed: false, members: [], includedGroups: [] };

/** A read of each domain: what must answer `unsupported` when the domain is not declared (the first one also serves the abort check). */
const READS: Probes = {
  billing: { getBalance: (s, o) => s.getBalance(o) },
  extensions: { list: (s, o) => s.list({}, o), settings: (s, o) => s.settings(o) },
  huntGroups: { list: (s, o) => s.list({}, o) },
  schedules: { list: (s, o) => s.list({}, o) },
  payments: { settings: (s, o) => s.settings(o) },
  tickets: { list: (s, o) => s.list({}, o), settings: (s, o) => s.settings(o) },
};

/** Every write, with throwaway arguments: enough to see whether it answers `unsupported`. */
const WRITES: Probes = {
  billing: {},
  extensions: {
    create: (s) => s.create({ number: '1', name: 'x' }),
    update: (s) => s.update(MISSING, { number: '1', name: 'x' }),
    delete: (s) => s.delete(MISSING),
  },
  huntGroups: {
    create: (s) => s.create(GROUP),
    update: (s) => s.update(MISSING, GROUP),
    delete: (s) => s.delete(MISSING),
  },
  schedules: {
    create: (s) => s.create({ name: 'x', period: 'hr {9}', timeZone: 'UTC' }),
    update: (s) => s.update(MISSING, { name: 'x', period: 'hr {9}', timeZone: 'UTC' }),
    delete: (s) => s.delete(MISSING),
  },
  payments: {
    makePayment: (s) => s.makePayment({ amount: { amount: 10, currency: 'USD' }, source: { savedMethodId: MISSING }, idempotencyKey: MISSING }),
    addMethod: (s) => s.addMethod({ kind: 'card', token: 'tok_visa' }),
    removeMethod: (s) => s.removeMethod(MISSING),
    setPreferred: (s) => s.setPreferred(MISSING),
    updateAutoPay: (s) => s.updateAutoPay({ payInvoices: false, topUp: null, methodId: null }),
    redeemVoucher: (s) => s.redeemVoucher({ code: MISSING, idempotencyKey: MISSING }),
  },
  tickets: {
    create: (s) => s.create({ subject: 'x', description: 'x' }),
    reply: (s) => s.reply(MISSING, { body: 'x' }),
    setStatus: (s) => s.setStatus(MISSING, 'resolved'),
    escalate: (s) => s.escalate(MISSING, 'x'),
    uploadAttachment: (s) => s.uploadAttachment(blob(), 'x.txt'),
  },
};

/** Optional features, and the calls that must answer `unsupported` without them. */
const FEATURES: { domain: Domain; what: string; declared(capabilities: Capabilities): boolean; probe: Probe }[] = [
  { domain: 'billing', what: 'charges', declared: (c) => c.billing.charges, probe: (s: Section<'billing'>) => s.getCharges({ from: '2024-01-01', to: '2024-01-31' }) },
  { domain: 'payments', what: 'saved methods', declared: (c) => c.payments.savedMethods, probe: WRITES.payments.addMethod! },
  { domain: 'payments', what: 'auto-pay', declared: (c) => c.payments.autoPay, probe: (s: Section<'payments'>) => s.getAutoPay() },
  { domain: 'payments', what: 'vouchers', declared: (c) => c.payments.methods.includes('voucher'), probe: WRITES.payments.redeemVoucher! },
  { domain: 'tickets', what: 'attachments', declared: (c) => c.tickets.attachments, probe: WRITES.tickets.uploadAttachment! },
  { domain: 'tickets', what: 'escalation', declared: (c) => c.tickets.escalate, probe: WRITES.tickets.escalate! },
];

const section = (adapter: RingsideAdapter, domain: Domain) => adapter[domain] as never;

const onlyWhen =
  (what: string, applies: (capabilities: Capabilities) => boolean): Condition =>
  (capabilities) =>
    applies(capabilities) ? null : what;

export const CONTRACT_CHECKS: Check[] = [
  check('contract', 'capabilities', 'capabilities describe every domain, and declared domains have their section', [], async ({ adapter }) => {
    ensure(typeof adapter.name === 'string' && adapter.name.length > 0, 'the adapter has no name');
    for (const domain of DOMAINS) {
      const capability = adapter.capabilities?.[domain];
      ensure(capability && typeof capability.read === 'boolean' && typeof capability.write === 'boolean', `capabilities.${domain} lacks read/write booleans: ${show(capability)}`);
      ensure(!capability.write || capability.read, `capabilities.${domain} declares write without read`);
      if (!capability.read) continue;
      const missing = METHODS[domain].filter((method) => typeof (adapter[domain] as Record<string, unknown> | undefined)?.[method] !== 'function');
      ensure(missing.length === 0, `${domain} is declared readable but lacks ${missing.join(', ')}`);
    }
  }),
  check(
    'contract',
    'undeclared-domains',
    'a domain not declared readable is absent or answers unsupported',
    [onlyWhen('every domain is declared readable', (c) => DOMAINS.some((domain) => !c[domain].read))],
    async ({ adapter }) => {
      for (const domain of DOMAINS.filter((candidate) => !adapter.capabilities[candidate].read)) {
        if (!adapter[domain]) continue;
        for (const [method, probe] of Object.entries(READS[domain])) await rejectsWith(probe(section(adapter, domain)), 'unsupported', `${domain}.${method} (not declared)`);
      }
    },
  ),
  check(
    'contract',
    'undeclared-writes',
    'writes to a domain not declared writable answer unsupported',
    [onlyWhen('every readable domain is declared writable', (c) => DOMAINS.some((domain) => c[domain].read && !c[domain].write))],
    async ({ adapter }) => {
      for (const domain of DOMAINS.filter((candidate) => adapter.capabilities[candidate].read && !adapter.capabilities[candidate].write)) {
        for (const [method, probe] of Object.entries(WRITES[domain])) await rejectsWith(probe(section(adapter, domain)), 'unsupported', `${domain}.${method} (writing not declared)`);
      }
    },
  ),
  check(
    'contract',
    'undeclared-features',
    'optional features not declared answer unsupported',
    [onlyWhen('every optional feature is declared', (c) => FEATURES.some((f) => c[f.domain].read && !f.declared(c)))],
    async ({ adapter }) => {
      for (const { domain, what, probe } of FEATURES.filter((f) => adapter.capabilities[f.domain].read && !f.declared(adapter.capabilities))) {
        await rejectsWith(probe(section(adapter, domain)), 'unsupported', `${domain} ${what} (not declared)`);
      }
    },
  ),
  check('contract', 'aborted-call', 'a call with an aborted signal rejects', [], async ({ adapter }) => {
    for (const domain of DOMAINS.filter((candidate) => adapter.capabilities[candidate].read)) {
      const [method, probe] = Object.entries(READS[domain])[0] as [string, Probe];
      const outcome = await probe(section(adapter, domain), { signal: AbortSignal.abort() }).then(
        () => null,
        (error: unknown) => error ?? 'undefined',
      );
      const what = `${domain}.${method} with an aborted signal`;
      ensure(outcome !== null, `${what} answered instead of rejecting`);
      ensure(isRingsideError(outcome) || (outcome instanceof DOMException && outcome.name === 'AbortError'), `${what} rejected with ${describeError(outcome)}`);
    }
  }),
];
