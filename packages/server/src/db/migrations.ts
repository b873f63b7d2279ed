import type { Database } from './database.js';

/**
 * The schema, as numbered migrations. Never edit one that shipped: add the next. They run in
 * order at start, all pending ones in one transaction, so a database is either at the old
 * version or the new one.
 *
 * Tenancy: every table but `customers` carries `customer_id`, primary keys and foreign keys
 * include it, so a row can never point at another customer's row.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE customers (
  id text PRIMARY KEY,
  name text NOT NULL,
  capabilities jsonb NOT NULL,
  extension_number_length integer NOT NULL CHECK (extension_number_length BETWEEN 1 AND 15),
  pickup_prefix text,
  ticket_settings jsonb NOT NULL,
  requestor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_customer ON users (customer_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  customer_id text NOT NULL REFERENCES customers (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Money and payment settings of a customer. \`has_billing\` is false for an account without billing
-- information yet (the balance answers 204), which still has a currency and payment limits.
CREATE TABLE billing_accounts (
  customer_id text PRIMARY KEY REFERENCES customers (id),
  has_billing boolean NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  model text NOT NULL CHECK (model IN ('prepaid', 'postpaid')),
  balance_minor bigint NOT NULL,
  credit_limit_minor bigint,
  balance_due_minor bigint,
  overdue_minor bigint,
  last_invoice_minor bigint,
  last_invoice_due text,
  last_payment_minor bigint,
  last_payment_date text,
  min_payment_minor bigint NOT NULL,
  max_payment_minor bigint NOT NULL,
  payment_methods text[] NOT NULL
);

CREATE TABLE charges (
  customer_id text NOT NULL REFERENCES customers (id),
  day date NOT NULL,
  service text NOT NULL,
  amount_minor bigint NOT NULL,
  PRIMARY KEY (customer_id, day, service)
);

CREATE TABLE phone_lines (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  number text NOT NULL,
  label text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE extensions (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  number text NOT NULL CHECK (number ~ '^[0-9]+$'),
  name text NOT NULL,
  phone_line_id text,
  primary_group_id text,
  published boolean NOT NULL,
  has_recorded_name boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, id),
  UNIQUE (customer_id, number),
  UNIQUE (customer_id, phone_line_id),
  FOREIGN KEY (customer_id, phone_line_id) REFERENCES phone_lines (customer_id, id)
);

CREATE TABLE hunt_groups (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  number text NOT NULL CHECK (number ~ '^[0-9]+$'),
  name text NOT NULL,
  sequence text NOT NULL CHECK (sequence IN ('order', 'random', 'simultaneous', 'least_used')),
  caller_id_mode text NOT NULL CHECK (caller_id_mode IN ('keep_original', 'group_name_and_number', 'group_name_caller_number')),
  pickup_allowed boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, id),
  UNIQUE (customer_id, number)
);

ALTER TABLE extensions ADD FOREIGN KEY (customer_id, primary_group_id) REFERENCES hunt_groups (customer_id, id);

CREATE TABLE hunt_group_members (
  customer_id text NOT NULL,
  group_id text NOT NULL,
  extension_id text NOT NULL,
  position integer NOT NULL,
  ring_delay integer NOT NULL CHECK (ring_delay >= 0),
  ring_time integer CHECK (ring_time IS NULL OR ring_time > 0),
  ignore_follow_me boolean NOT NULL,
  PRIMARY KEY (customer_id, group_id, extension_id),
  FOREIGN KEY (customer_id, group_id) REFERENCES hunt_groups (customer_id, id) ON DELETE CASCADE,
  FOREIGN KEY (customer_id, extension_id) REFERENCES extensions (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX hunt_group_members_extension ON hunt_group_members (customer_id, extension_id);

CREATE TABLE hunt_group_includes (
  customer_id text NOT NULL,
  group_id text NOT NULL,
  included_group_id text NOT NULL,
  position integer NOT NULL,
  ignore_follow_me boolean NOT NULL,
  PRIMARY KEY (customer_id, group_id, included_group_id),
  FOREIGN KEY (customer_id, group_id) REFERENCES hunt_groups (customer_id, id) ON DELETE CASCADE,
  FOREIGN KEY (customer_id, included_group_id) REFERENCES hunt_groups (customer_id, id) ON DELETE CASCADE
);

CREATE TABLE schedules (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  name text NOT NULL,
  period text NOT NULL,
  time_zone text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE payment_methods (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('card', 'bank_account', 'direct_debit')),
  label text NOT NULL,
  brand text,
  last4 text,
  expiry_month integer,
  expiry_year integer,
  preferred boolean NOT NULL,
  -- The payment provider's token for charging again; never a card or account number.
  provider_token text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE payments (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  status text NOT NULL CHECK (status IN ('succeeded', 'declined', 'pending', 'requires_action')),
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  reference text NOT NULL,
  new_balance_minor bigint,
  decline_reason text,
  action_type text,
  action_url text,
  saved_method_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE auto_pay (
  customer_id text PRIMARY KEY REFERENCES customers (id),
  pay_invoices boolean NOT NULL,
  top_up_threshold_minor bigint,
  top_up_amount_minor bigint,
  method_id text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((top_up_threshold_minor IS NULL) = (top_up_amount_minor IS NULL)),
  FOREIGN KEY (customer_id, method_id) REFERENCES payment_methods (customer_id, id)
);

CREATE TABLE vouchers (
  customer_id text NOT NULL REFERENCES customers (id),
  code text NOT NULL,
  amount_minor bigint NOT NULL,
  redeemed_at timestamptz,
  PRIMARY KEY (customer_id, code)
);

-- One row per idempotency key and operation: the request's fingerprint and the answer given.
-- Written in the same transaction as the payment it describes.
CREATE TABLE idempotency_keys (
  customer_id text NOT NULL REFERENCES customers (id),
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, scope, key)
);

CREATE SEQUENCE ticket_numbers START 1001;

CREATE TABLE tickets (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  subject text NOT NULL,
  status text NOT NULL,
  priority text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  requestors text[] NOT NULL,
  category text[] NOT NULL,
  account_id text,
  escalated boolean NOT NULL DEFAULT false,
  escalation_reason text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE ticket_messages (
  customer_id text NOT NULL,
  id text NOT NULL,
  ticket_id text NOT NULL,
  author_name text NOT NULL,
  author_role text NOT NULL CHECK (author_role IN ('customer', 'agent')),
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, ticket_id) REFERENCES tickets (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (customer_id, ticket_id, created_at);

CREATE TABLE attachments (
  customer_id text NOT NULL REFERENCES customers (id),
  id text NOT NULL,
  name text NOT NULL,
  size integer NOT NULL,
  content_type text NOT NULL,
  data bytea NOT NULL,
  uploaded_by text NOT NULL,
  message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, message_id) REFERENCES ticket_messages (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_message ON attachments (customer_id, message_id);
`,
  },
];

/**
 * Brings the schema up to date in one transaction. On PostgreSQL an advisory lock keeps two
 * servers starting at once from migrating twice.
 */
export async function migrate(db: Database): Promise<{ applied: number[] }> {
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727274)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await execScript(tx, migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return { applied };
  });
}

/** Runs a script statement by statement (parameterless; the scripts hold no `;` inside strings). */
async function execScript(tx: { query: Database['query'] }, sql: string): Promise<void> {
  const statements = sql
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
  for (const statement of statements) await tx.query(statement);
}
