import { HUNT_SEQUENCES, TICKET_STATUSES, type Capabilities, type Domain } from '@ringside/core';
import { createSeedData, type CustomerData } from '@ringside/adapter-memory';
import type { Database, Queryable } from './database.js';
import { minor } from './money.js';
import { hashPassword } from './passwords.js';

/** The demo password of every seeded user (documented in docs/api.md; change it for anything public). */
export const DEMO_PASSWORD = 'ringside-demo';

export interface SeedUser {
  id: string;
  username: string;
  name: string;
  password: string;
}

/**
 * The demo world is the memory adapter's seed (one source of truth for demo data), one tenant per
 * demo customer, plus a user to sign in as for each.
 */
export const DEMO_USERS: Record<'business' | 'residential' | 'new', SeedUser> = {
  business: { id: 'user-harbor', username: 'demo-business', name: 'Grace Whitfield', password: DEMO_PASSWORD },
  residential: { id: 'user-lindqvist', username: 'demo-residential', name: 'Maya Lindqvist', password: DEMO_PASSWORD },
  new: { id: 'user-new', username: 'demo-new', name: 'Sam Newman', password: DEMO_PASSWORD },
};

/** What the memory adapter declares for a customer: everything, with the customer's own overrides on top. */
export function tenantCapabilities(data: CustomerData): Capabilities {
  const capabilities: Capabilities = {
    billing: { read: true, write: false, charges: true },
    extensions: { read: true, write: true, fields: ['phoneLine', 'primaryGroup', 'published', 'recordedName'] },
    huntGroups: { read: true, write: true, sequences: [...HUNT_SEQUENCES], includeGroups: true },
    schedules: { read: true, write: true },
    payments: { read: true, write: true, methods: [...data.payments.settings.methods], savedMethods: true, autoPay: true },
    tickets: { read: true, write: true, statuses: [...TICKET_STATUSES], attachments: true, escalate: true, priorities: true },
  };
  for (const domain of Object.keys(data.capabilities ?? {}) as Domain[]) Object.assign(capabilities[domain], data.capabilities![domain]);
  return capabilities;
}

/** Seeds the demo tenants into an empty database, in one transaction; does nothing when any customer exists. */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<{ seeded: boolean }> {
  const world = createSeedData(now);
  const tenants = (Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[]).map((key) => ({ data: world[key], users: [DEMO_USERS[key]] }));
  const hashes = new Map<string, string>();
  for (const { users } of tenants) for (const user of users) hashes.set(user.id, await hashPassword(user.password));
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM customers');
    if (Number(rows[0]?.count) > 0) return { seeded: false };
    for (const tenant of tenants) await insertTenant(tx, tenant.data, tenant.users, hashes);
    const ticketNumbers = tenants.flatMap(({ data }) => data.tickets.tickets.map((ticket) => Number(ticket.id))).filter(Number.isFinite);
    await tx.query("SELECT setval('ticket_numbers', $1)", [Math.max(1000, ...ticketNumbers)]);
    return { seeded: true };
  });
}

/** Inserts one customer with everything it owns (in the caller's transaction). Tests use it for extra tenants. */
export async function insertTenant(tx: Queryable, data: CustomerData, users: SeedUser[], hashes: Map<string, string> = new Map()): Promise<void> {
  const c = data.id;
  const { settings } = data.payments;
  const currency = data.balance?.currency ?? settings.currency;
  const m = (value: number | null | undefined) => (value === null || value === undefined ? null : minor(value, currency));
  await tx.query(
    `INSERT INTO customers (id, name, capabilities, extension_number_length, pickup_prefix, ticket_settings, requestor)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c, data.name, JSON.stringify(tenantCapabilities(data)), data.extensionSettings.numberLength, data.pickup.prefix, JSON.stringify(data.tickets.settings), data.tickets.requestor],
  );
  for (const user of users) {
    const hash = hashes.get(user.id) ?? (await hashPassword(user.password));
    await tx.query('INSERT INTO users (id, customer_id, username, name, password_hash) VALUES ($1, $2, $3, $4, $5)', [user.id, c, user.username, user.name, hash]);
  }
  const balance = data.balance;
  await tx.query(
    `INSERT INTO billing_accounts (customer_id, has_billing, currency, model, balance_minor, credit_limit_minor, balance_due_minor, overdue_minor,
       last_invoice_minor, last_invoice_due, last_payment_minor, last_payment_date, min_payment_minor, max_payment_minor, payment_methods)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      c,
      balance !== null,
      currency,
      balance?.model ?? 'prepaid',
      m(balance?.balance ?? 0),
      m(balance?.creditLimit),
      m(balance?.balanceDue),
      m(balance?.overdueAmount),
      m(balance?.lastInvoice?.amount),
      balance?.lastInvoice?.dueDate ?? null,
      m(balance?.lastPayment?.amount),
      balance?.lastPayment?.date ?? null,
      m(settings.minAmount),
      m(settings.maxAmount),
      settings.methods,
    ],
  );
  // One statement for the many daily charges (several entries of a day and service add up).
  await tx.query(
    `INSERT INTO charges (customer_id, day, service, amount_minor)
     SELECT $1, day, service, sum(amount) FROM unnest($2::date[], $3::text[], $4::bigint[]) AS entry (day, service, amount)
     GROUP BY day, service`,
    [c, data.charges.map((charge) => charge.date), data.charges.map((charge) => charge.service), data.charges.map((charge) => m(charge.amount))],
  );
  for (const [position, line] of data.phoneLines.entries()) {
    await tx.query('INSERT INTO phone_lines (customer_id, id, number, label, position) VALUES ($1, $2, $3, $4, $5)', [c, line.id, line.number, line.label, position]);
  }
  for (const extension of data.extensions) {
    await tx.query(
      'INSERT INTO extensions (customer_id, id, number, name, phone_line_id, published, has_recorded_name, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [c, extension.id, extension.number, extension.name, extension.phoneLineId, extension.published, extension.hasRecordedName, Number(extension.version) || 1],
    );
  }
  for (const group of data.huntGroups) {
    await tx.query(
      'INSERT INTO hunt_groups (customer_id, id, number, name, sequence, caller_id_mode, pickup_allowed, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [c, group.id, group.number, group.name, group.sequence, group.callerIdMode, group.pickupAllowed, Number(group.version) || 1],
    );
  }
  for (const group of data.huntGroups) {
    for (const [position, member] of group.members.entries()) {
      await tx.query(
        'INSERT INTO hunt_group_members (customer_id, group_id, extension_id, position, ring_delay, ring_time, ignore_follow_me) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [c, group.id, member.extensionId, position, member.ringDelay, member.ringTime, member.ignoreFollowMe],
      );
    }
    for (const [position, included] of group.includedGroups.entries()) {
      await tx.query(
        'INSERT INTO hunt_group_includes (customer_id, group_id, included_group_id, position, ignore_follow_me) VALUES ($1, $2, $3, $4, $5)',
        [c, group.id, included.groupId, position, included.ignoreFollowMe],
      );
    }
  }
  for (const extension of data.extensions) {
    if (extension.primaryGroupId) await tx.query('UPDATE extensions SET primary_group_id = $3 WHERE customer_id = $1 AND id = $2', [c, extension.id, extension.primaryGroupId]);
  }
  for (const schedule of data.schedules) {
    await tx.query('INSERT INTO schedules (customer_id, id, name, period, time_zone, version) VALUES ($1, $2, $3, $4, $5, $6)', [
      c,
      schedule.id,
      schedule.name,
      schedule.period,
      schedule.timeZone,
      Number(schedule.version) || 1,
    ]);
  }
  for (const [position, method] of data.payments.methods.entries()) {
    await tx.query(
      `INSERT INTO payment_methods (customer_id, id, kind, label, brand, last4, expiry_month, expiry_year, preferred, provider_token, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c, method.id, method.kind, method.label, method.brand ?? null, method.last4 ?? null, method.expiry?.month ?? null, method.expiry?.year ?? null, method.preferred, `tok_seed_${method.id}`, position],
    );
  }
  const { autoPay } = data.payments;
  await tx.query('INSERT INTO auto_pay (customer_id, pay_invoices, top_up_threshold_minor, top_up_amount_minor, method_id, version) VALUES ($1, $2, $3, $4, $5, $6)', [
    c,
    autoPay.payInvoices,
    m(autoPay.topUp?.threshold),
    m(autoPay.topUp?.amount),
    autoPay.methodId,
    Number(autoPay.version) || 1,
  ]);
  for (const voucher of data.payments.vouchers) {
    await tx.query('INSERT INTO vouchers (customer_id, code, amount_minor, redeemed_at) VALUES ($1, $2, $3, $4)', [c, voucher.code, m(voucher.amount), voucher.redeemedAt]);
  }
  for (const ticket of data.tickets.tickets) {
    await tx.query(
      `INSERT INTO tickets (customer_id, id, subject, status, priority, created_at, updated_at, requestors, category, account_id, escalated, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [c, ticket.id, ticket.subject, ticket.status, ticket.priority, ticket.createdAt, ticket.updatedAt, ticket.requestors, ticket.category, ticket.accountId, ticket.escalated, Number(ticket.version) || 1],
    );
    for (const message of data.tickets.messages[ticket.id] ?? []) {
      await tx.query('INSERT INTO ticket_messages (customer_id, id, ticket_id, author_name, author_role, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        c,
        message.id,
        ticket.id,
        message.author.name,
        message.author.role,
        message.body,
        message.createdAt,
      ]);
      for (const attachment of message.attachments) {
        // Seeded attachments are metadata only: the demo has no files behind them.
        await tx.query(
          `INSERT INTO attachments (customer_id, id, name, size, content_type, data, uploaded_by, message_id) VALUES ($1, $2, $3, $4, $5, '\\x'::bytea, $6, $7)`,
          [c, attachment.id, attachment.name, attachment.size, attachment.contentType, 'seed', message.id],
        );
      }
    }
  }
}
