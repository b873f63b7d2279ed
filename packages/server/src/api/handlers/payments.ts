import type {
  AutoPayInput,
  AutoPaySettings,
  FieldReason,
  PaymentRequest,
  PaymentResult,
  PaymentSettings,
  PaymentSource,
  SavedPaymentMethod,
  TokenizedMethod,
  VoucherResult,
} from '@ringside/core';
import { rules } from '@ringside/adapter-memory';
import type { Database, Queryable } from '../../db/database.js';
import { major, majorOrNull, minor } from '../../db/money.js';
import type { Session } from '../auth.js';
import { checkVersion, lockTenant, newId, noContent, ok, withEtag, type ApiRequest, type Operation, type Reply } from '../context.js';
import { httpError, notFound, unsupported } from '../errors.js';
import { PAYMENT_SERVICE_ROOT } from '../../payment-service/index.js';
import { billingRow, toBalance, type BillingRow } from './billing.js';

/** Where the demo processor sends users for 3-D Secure (as the memory adapter does). */
const PROCESSOR_URL = 'https://pay.example.test';

/**
 * The demo wallet's page, served by the demo payment service on this server's own origin
 * (`/pay-demo/redirect/<id>`): the customer really leaves the portal and is sent back to the
 * return URL, which names the payment (`?rs-payment=<id>`).
 */
function walletUrl(request: ApiRequest, id: string, returnUrl: string): string {
  const host = request.headers.host;
  const protocol = request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const origin = host && /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? `${protocol}://${host}` : PROCESSOR_URL;
  return `${origin}${PAYMENT_SERVICE_ROOT}redirect/${encodeURIComponent(id)}?return=${encodeURIComponent(rules.paymentReturnUrl(returnUrl, id))}`;
}

function settingsOf(row: BillingRow, session: Session): PaymentSettings {
  return {
    currency: row.currency,
    minAmount: major(row.min_payment_minor, row.currency),
    maxAmount: major(row.max_payment_minor, row.currency),
    methods: row.payment_methods.filter((kind) => session.capabilities.payments.methods.includes(kind as never)) as PaymentSettings['methods'],
  };
}

// ---------------------------------------------------------------------------------------------
// Stored methods

interface MethodRow {
  id: string;
  kind: SavedPaymentMethod['kind'];
  label: string;
  brand: string | null;
  last4: string | null;
  expiry_month: number | null;
  expiry_year: number | null;
  preferred: boolean;
}

const toMethod = (row: MethodRow): SavedPaymentMethod => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  ...(row.brand ? { brand: row.brand } : {}),
  ...(row.last4 ? { last4: row.last4 } : {}),
  ...(row.expiry_month && row.expiry_year ? { expiry: { month: row.expiry_month, year: row.expiry_year } } : {}),
  preferred: row.preferred,
});

async function listMethods(db: Queryable, customerId: string): Promise<SavedPaymentMethod[]> {
  const { rows } = await db.query<MethodRow>('SELECT * FROM payment_methods WHERE customer_id = $1 ORDER BY position, id', [customerId]);
  return rows.map(toMethod);
}

async function readMethod(db: Queryable, customerId: string, id: string): Promise<SavedPaymentMethod> {
  const { rows } = await db.query<MethodRow>('SELECT * FROM payment_methods WHERE customer_id = $1 AND id = $2', [customerId, id]);
  if (!rows[0]) throw notFound('payment method');
  return toMethod(rows[0]);
}

/** Stores a tokenized method: what identifies it to the user, and the provider's token (never card data). */
async function storeMethod(tx: Queryable, session: Session, method: TokenizedMethod): Promise<SavedPaymentMethod> {
  if (!session.capabilities.payments.methods.includes(method.kind)) throw unsupported(`${method.kind} payments`);
  const c = session.customerId;
  const { rows } = await tx.query<{ count: number; next: number }>(
    'SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM payment_methods WHERE customer_id = $1',
    [c]
  );
  const saved = rules.toSavedMethod(method, newId('pm-'), Number(rows[0]!.count) === 0);
  await tx.query(
    `INSERT INTO payment_methods (customer_id, id, kind, label, brand, last4, expiry_month, expiry_year, preferred, provider_token, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      c,
      saved.id,
      saved.kind,
      saved.label,
      saved.brand ?? null,
      saved.last4 ?? null,
      saved.expiry?.month ?? null,
      saved.expiry?.year ?? null,
      saved.preferred,
      method.token,
      rows[0]!.next,
    ]
  );
  return saved;
}

// ---------------------------------------------------------------------------------------------
// Payments

interface PaymentRow {
  id: string;
  status: PaymentResult['status'];
  amount_minor: unknown;
  currency: string;
  reference: string;
  new_balance_minor: unknown;
  decline_reason: string | null;
  action_type: 'three_ds' | 'redirect' | null;
  action_url: string | null;
  saved_method_id: string | null;
}

function toPayment(row: PaymentRow): PaymentResult {
  const result: PaymentResult = {
    id: row.id,
    status: row.status,
    amount: { amount: major(row.amount_minor, row.currency), currency: row.currency },
    reference: row.reference,
  };
  const newBalance = majorOrNull(row.new_balance_minor, row.currency);
  if (newBalance !== null) result.newBalance = newBalance;
  if (row.decline_reason) result.declineReason = row.decline_reason;
  if (row.action_type && row.action_url) result.action = { type: row.action_type, url: row.action_url };
  if (row.saved_method_id) result.savedMethodId = row.saved_method_id;
  return result;
}

/** The payment as stored, with a decline that waits behind 3-D Secure (see `rules.publicPayment`). */
async function readPaymentRecord(db: Queryable, customerId: string, id: string): Promise<PaymentResult> {
  const { rows } = await db.query<PaymentRow>('SELECT * FROM payments WHERE customer_id = $1 AND id = $2', [customerId, id]);
  if (!rows[0]) throw notFound('payment');
  return toPayment(rows[0]);
}

async function readPayment(db: Queryable, customerId: string, id: string): Promise<PaymentResult> {
  return rules.publicPayment(await readPaymentRecord(db, customerId, id));
}

/** Money came in: the balance moves as the shared rules say (prepaid up, postpaid owed down). Undefined without billing. */
async function creditAccount(tx: Queryable, customerId: string, amount: number, now: Date): Promise<number | undefined> {
  const row = await billingRow(tx, customerId, true);
  if (!row.has_billing) return undefined;
  const balance = rules.creditBalance(toBalance(row), amount, now.toISOString().slice(0, 10));
  const c = row.currency;
  const m = (value: number | null | undefined) => (value === null || value === undefined ? null : minor(value, c));
  await tx.query(
    `UPDATE billing_accounts SET balance_minor = $2, balance_due_minor = $3, overdue_minor = $4, last_payment_minor = $5, last_payment_date = $6
     WHERE customer_id = $1`,
    [customerId, minor(balance.balance, c), m(balance.balanceDue), m(balance.overdueAmount), m(balance.lastPayment?.amount), balance.lastPayment?.date ?? null]
  );
  return balance.balance;
}

/** A payment as the demo processor sees it now: one that waited for the customer (3-D Secure, redirect) is finished on this read (succeeded, or declined after 3-D Secure). */
async function readFinishedPayment(db: Database, customerId: string, id: string, now: Date): Promise<PaymentResult> {
  const payment = await readPayment(db, customerId, id);
  if (payment.status !== 'requires_action') return payment;
  return db.transaction(async (tx) => {
    await lockTenant(tx, customerId);
    const current = await readPaymentRecord(tx, customerId, id);
    const finished = rules.finishedAction(current);
    if (!finished) return rules.publicPayment(current);
    if (finished.status === 'succeeded') {
      const newBalance = await creditAccount(tx, customerId, finished.amount.amount, now);
      if (newBalance !== undefined) finished.newBalance = newBalance;
    }
    const currency = finished.amount.currency;
    await tx.query(`UPDATE payments SET status = $3, new_balance_minor = $4, action_type = NULL, action_url = NULL WHERE customer_id = $1 AND id = $2`, [
      customerId,
      id,
      finished.status,
      finished.newBalance === undefined ? null : minor(finished.newBalance, currency),
    ]);
    return finished;
  });
}

interface Idempotent<T> {
  fingerprint: string;
  result: T;
}

/** The stored answer for this key and operation, after checking it was for the same request. */
async function replayOf<T>(tx: Queryable, customerId: string, scope: string, key: string, fingerprint: string): Promise<T | undefined> {
  const { rows } = await tx.query<{ fingerprint: string; response: T | string }>(
    'SELECT fingerprint, response FROM idempotency_keys WHERE customer_id = $1 AND scope = $2 AND key = $3',
    [customerId, scope, key]
  );
  const row = rows[0];
  const record: Idempotent<T> | undefined = row && {
    fingerprint: row.fingerprint,
    result: (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as T,
  };
  // Same key, different request: a conflict (the shared rule throws it).
  return rules.replayed(record, fingerprint);
}

async function remember(tx: Queryable, customerId: string, scope: string, key: string, fingerprint: string, response: unknown): Promise<void> {
  await tx.query('INSERT INTO idempotency_keys (customer_id, scope, key, fingerprint, response) VALUES ($1, $2, $3, $4, $5)', [
    customerId,
    scope,
    key,
    fingerprint,
    JSON.stringify(response),
  ]);
}

async function sourceReasons(tx: Queryable, session: Session, source: PaymentSource, now: Date): Promise<FieldReason[]> {
  const offered = session.capabilities.payments.methods;
  if ('savedMethodId' in source) {
    const { rows } = await tx.query('SELECT 1 FROM payment_methods WHERE customer_id = $1 AND id = $2', [session.customerId, source.savedMethodId]);
    return rows.length ? [] : [rules.reason('source.savedMethodId', 'unknown')];
  }
  if ('tokenized' in source) {
    if (!offered.includes(source.tokenized.kind)) throw unsupported(`${source.tokenized.kind} payments`);
    return rules.tokenizedMethodReasons(source.tokenized, now, 'source.tokenized');
  }
  if (!offered.includes('redirect')) throw unsupported('redirect payments');
  return rules.returnUrlReasons(source.redirect.returnUrl);
}

async function outcome(
  request: ApiRequest,
  tx: Queryable,
  source: PaymentSource,
  id: string,
  now: Date
): Promise<Pick<PaymentResult, 'status' | 'declineReason' | 'action'>> {
  const { session } = request;
  if ('redirect' in source) return { status: 'requires_action', action: { type: 'redirect', url: walletUrl(request, id, source.redirect.returnUrl) } };
  if ('savedMethodId' in source) {
    const method = await readMethod(tx, session.customerId, source.savedMethodId);
    return rules.isExpired(method.expiry, now) ? { status: 'declined', declineReason: 'expired_card' } : { status: 'succeeded' };
  }
  const { status, declineReason, action } = rules.demoTokenOutcome(source.tokenized.token);
  return { status, ...(declineReason ? { declineReason } : {}), ...(action ? { action: { type: action, url: `${PROCESSOR_URL}/3ds/${id}` } } : {}) };
}

const replayHeaders = (replayed: boolean): Record<string, string> => (replayed ? { 'Idempotent-Replayed': 'true' } : {});

async function makePayment(request: ApiRequest): Promise<Reply> {
  const { db, session } = request;
  const c = session.customerId;
  const body = request.body as Omit<PaymentRequest, 'idempotencyKey'>;
  const key = request.headers['idempotency-key']!;
  const payment: PaymentRequest = { ...body, idempotencyKey: key };
  const fingerprint = rules.paymentFingerprint(payment);
  const now = request.now();
  // One transaction: the payment, the balance and the idempotency key are committed together or not at all.
  const result = await db.transaction(async (tx): Promise<PaymentResult> => {
    await lockTenant(tx, c);
    const previous = await replayOf<{ paymentId: string }>(tx, c, 'payment', key, fingerprint);
    if (previous) return { ...(await readPayment(tx, c, previous.paymentId)), replayed: true };
    const settings = settingsOf(await billingRow(tx, c), session);
    rules.assertValid([...rules.amountReasons(payment.amount, settings), ...(await sourceReasons(tx, session, payment.source, now))]);
    const id = newId('pay-');
    const paid: PaymentResult = {
      id,
      reference: `RS-${id.slice(4, 12).toUpperCase()}`,
      amount: { amount: payment.amount.amount, currency: payment.amount.currency },
      ...(await outcome(request, tx, payment.source, id, now)),
    };
    if (paid.status === 'succeeded') {
      const newBalance = await creditAccount(tx, c, payment.amount.amount, now);
      if (newBalance !== undefined) paid.newBalance = newBalance;
    }
    if ('tokenized' in payment.source && payment.source.save && paid.status !== 'declined') {
      paid.savedMethodId = (await storeMethod(tx, session, payment.source.tokenized)).id;
    }
    const cur = paid.amount.currency;
    await tx.query(
      `INSERT INTO payments (customer_id, id, status, amount_minor, currency, reference, new_balance_minor, decline_reason, action_type, action_url, saved_method_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        c,
        id,
        paid.status,
        minor(paid.amount.amount, cur),
        cur,
        paid.reference,
        paid.newBalance === undefined ? null : minor(paid.newBalance, cur),
        paid.declineReason ?? null,
        paid.action?.type ?? null,
        paid.action?.url ?? null,
        paid.savedMethodId ?? null,
      ]
    );
    await remember(tx, c, 'payment', key, fingerprint, { paymentId: id });
    return paid;
  });
  return { status: 201, body: rules.publicPayment(result), headers: { Location: `/api/v1/payments/${result.id}`, ...replayHeaders(result.replayed === true) } };
}

async function redeemVoucher(request: ApiRequest): Promise<Reply> {
  const { db, session } = request;
  const c = session.customerId;
  const key = request.headers['idempotency-key']!;
  const code = rules.normalizeVoucherCode((request.body as { code: string }).code);
  const fingerprint = rules.fingerprint({ code });
  const now = request.now();
  const result = await db.transaction(async (tx): Promise<VoucherResult> => {
    await lockTenant(tx, c);
    const previous = await replayOf<VoucherResult>(tx, c, 'voucher', key, fingerprint);
    if (previous) return { ...previous, replayed: true };
    const row = await billingRow(tx, c);
    const { rows } = await tx.query<{ code: string; amount_minor: unknown; redeemed_at: unknown }>(
      'SELECT * FROM vouchers WHERE customer_id = $1 AND code = $2',
      [c, code]
    );
    const found = rows[0] && {
      code: rows[0].code,
      amount: major(rows[0].amount_minor, row.currency),
      redeemedAt: rows[0].redeemed_at === null ? null : String(rows[0].redeemed_at),
    };
    rules.assertValid(rules.voucherReasons(code, found));
    await tx.query('UPDATE vouchers SET redeemed_at = $3 WHERE customer_id = $1 AND code = $2', [c, code, now.toISOString()]);
    const newBalance = await creditAccount(tx, c, found!.amount, now);
    const redeemed: VoucherResult = { amount: { amount: found!.amount, currency: row.currency }, ...(newBalance === undefined ? {} : { newBalance }) };
    await remember(tx, c, 'voucher', key, fingerprint, redeemed);
    return redeemed;
  });
  return { status: 201, body: result, headers: replayHeaders(result.replayed === true) };
}

// ---------------------------------------------------------------------------------------------
// Auto-pay

interface AutoPayRow {
  pay_invoices: boolean;
  top_up_threshold_minor: unknown;
  top_up_amount_minor: unknown;
  method_id: string | null;
  version: number;
  currency: string;
}

async function readAutoPay(db: Queryable, customerId: string): Promise<AutoPaySettings> {
  const { rows } = await db.query<AutoPayRow>(
    'SELECT a.*, b.currency FROM auto_pay a JOIN billing_accounts b ON b.customer_id = a.customer_id WHERE a.customer_id = $1',
    [customerId]
  );
  const row = rows[0]!;
  const threshold = majorOrNull(row.top_up_threshold_minor, row.currency);
  const amount = majorOrNull(row.top_up_amount_minor, row.currency);
  return {
    version: String(row.version),
    payInvoices: row.pay_invoices,
    topUp: threshold !== null && amount !== null ? { threshold, amount } : null,
    methodId: row.method_id,
  };
}

const savedMethodsOnly = (capabilities: Session['capabilities']) => capabilities.payments.savedMethods;

export const paymentOperations: Record<string, Operation> = {
  getPaymentSettings: {
    domain: 'payments',
    handle: async ({ db, session }) => ok(settingsOf(await billingRow(db, session.customerId), session)),
  },
  listPaymentMethods: {
    domain: 'payments',
    needs: savedMethodsOnly,
    handle: async ({ db, session }) => ok({ items: await listMethods(db, session.customerId) }),
  },
  addPaymentMethod: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.write && capabilities.payments.savedMethods,
    async handle({ db, session, body, now }) {
      const method = body as TokenizedMethod;
      // The body is the method itself, so its fields are named without the rules' `method.` prefix.
      rules.assertValid(rules.tokenizedMethodReasons(method, now()).map((reason) => ({ ...reason, field: reason.field.replace(/^method\./, '') })));
      const saved = await db.transaction(async (tx) => {
        await lockTenant(tx, session.customerId);
        return storeMethod(tx, session, method);
      });
      return { status: 201, body: saved, headers: { Location: `/api/v1/payment-methods/${saved.id}` } };
    },
  },
  removePaymentMethod: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.write && capabilities.payments.savedMethods,
    async handle({ db, session, params }) {
      const c = session.customerId;
      await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const method = await readMethod(tx, c, params.methodId!);
        const autoPay = await readAutoPay(tx, c);
        if (autoPay.methodId === method.id && (autoPay.payInvoices || autoPay.topUp)) {
          throw httpError(409, 'conflict', 'Auto-pay uses this payment method; change auto-pay first.');
        }
        if (autoPay.methodId === method.id) await tx.query('UPDATE auto_pay SET method_id = NULL WHERE customer_id = $1', [c]);
        await tx.query('DELETE FROM payment_methods WHERE customer_id = $1 AND id = $2', [c, method.id]);
        if (method.preferred) {
          await tx.query(
            `UPDATE payment_methods SET preferred = true WHERE customer_id = $1 AND id = (SELECT id FROM payment_methods WHERE customer_id = $1 ORDER BY position, id LIMIT 1)`,
            [c]
          );
        }
      });
      return noContent();
    },
  },
  setPreferredPaymentMethod: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.write && capabilities.payments.savedMethods,
    async handle({ db, session, params }) {
      const c = session.customerId;
      const method = await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        await readMethod(tx, c, params.methodId!);
        await tx.query('UPDATE payment_methods SET preferred = (id = $2) WHERE customer_id = $1', [c, params.methodId]);
        return readMethod(tx, c, params.methodId!);
      });
      return ok(method);
    },
  },
  makePayment: { domain: 'payments', needs: (capabilities) => capabilities.payments.write, handle: makePayment },
  getPayment: {
    domain: 'payments',
    handle: async ({ db, session, params, now }) => ok(await readFinishedPayment(db, session.customerId, params.paymentId!, now())),
  },
  getAutoPay: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.autoPay,
    handle: async ({ db, session }) => withEtag(200, await readAutoPay(db, session.customerId)),
  },
  updateAutoPay: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.write && capabilities.payments.autoPay,
    async handle(request) {
      const { db, session } = request;
      const c = session.customerId;
      const input = request.body as AutoPayInput;
      const settings = await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const current = await readAutoPay(tx, c);
        checkVersion(request, current.version, 'auto-pay settings');
        const billing = await billingRow(tx, c);
        const methods = await listMethods(tx, c);
        rules.assertValid(
          rules.autoPayReasons(input, {
            settings: settingsOf(billing, session),
            balance: billing.has_billing ? toBalance(billing) : null,
            methodExists: (id) => methods.some((method) => method.id === id),
          })
        );
        const cur = billing.currency;
        await tx.query(
          `UPDATE auto_pay SET pay_invoices = $2, top_up_threshold_minor = $3, top_up_amount_minor = $4, method_id = $5, version = version + 1
           WHERE customer_id = $1`,
          [
            c,
            input.payInvoices,
            input.topUp ? minor(input.topUp.threshold, cur) : null,
            input.topUp ? minor(input.topUp.amount, cur) : null,
            input.methodId || null,
          ]
        );
        return readAutoPay(tx, c);
      });
      return withEtag(200, settings);
    },
  },
  redeemVoucher: {
    domain: 'payments',
    needs: (capabilities) => capabilities.payments.write && capabilities.payments.methods.includes('voucher'),
    handle: redeemVoucher,
  },
};
