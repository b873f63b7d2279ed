import type { Attachment, ReplyInput, Ticket, TicketInput, TicketMessage, TicketSettings, TicketStatus } from '@ringside/core';
import { rules } from '@ringside/adapter-memory';
import type { Queryable } from '../../db/database.js';
import type { Session } from '../auth.js';
import { checkVersion, lockTenant, newId, ok, withEtag, type ApiRequest, type Operation } from '../context.js';
import { httpError, notFound } from '../errors.js';
import { listClauses, type ListSpec } from '../lists.js';
import { SqlParams, iso } from '../sql.js';

interface TicketRow {
  id: string;
  subject: string;
  status: string;
  priority: Ticket['priority'];
  created_at: unknown;
  updated_at: unknown;
  requestors: string[];
  category: string[];
  account_id: string | null;
  escalated: boolean;
  version: number;
}

const toTicket = (row: TicketRow): Ticket => ({
  id: row.id,
  version: String(row.version),
  subject: row.subject,
  status: row.status,
  priority: row.priority,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  requestors: row.requestors ?? [],
  category: row.category ?? [],
  accountId: row.account_id,
  escalated: row.escalated,
});

const LIST: ListSpec = {
  sort: { id: "lpad(t.id, 20, '0')", subject: 'lower(t.subject)', status: 't.status', createdAt: 't.created_at', updatedAt: 't.updated_at' },
  defaultSort: 'updatedAt:desc',
  tieBreaker: 't.id',
  search: ['t.subject'],
};

async function readTicket(db: Queryable, customerId: string, id: string): Promise<Ticket> {
  const { rows } = await db.query<TicketRow>('SELECT * FROM tickets t WHERE t.customer_id = $1 AND t.id = $2', [customerId, id]);
  if (!rows[0]) throw notFound('ticket');
  return toTicket(rows[0]);
}

async function settingsOf(db: Queryable, customerId: string): Promise<TicketSettings> {
  const { rows } = await db.query<{ ticket_settings: TicketSettings | string }>('SELECT ticket_settings FROM customers WHERE id = $1', [customerId]);
  const settings = rows[0]!.ticket_settings;
  return typeof settings === 'string' ? JSON.parse(settings) : settings;
}

/** The shared rules' view of this customer's tickets: settings, and which uploads are still unused. */
async function rulesContext(tx: Queryable, session: Session, attachmentIds: readonly string[] = []): Promise<rules.TicketRulesContext> {
  const settings = await settingsOf(tx, session.customerId);
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM attachments WHERE customer_id = $1 AND id = ANY($2) AND message_id IS NULL AND uploaded_by = $3', [
    session.customerId,
    [...attachmentIds],
    session.userId,
  ]);
  const uploaded = new Set(rows.map((row) => row.id));
  return { settings, isUploaded: (id) => uploaded.has(id) };
}

async function messagesWithAttachments(db: Queryable, customerId: string, rows: MessageRow[]): Promise<TicketMessage[]> {
  if (!rows.length) return [];
  const { rows: attachments } = await db.query<{ id: string; message_id: string; name: string; size: number; content_type: string }>(
    'SELECT id, message_id, name, size, content_type FROM attachments WHERE customer_id = $1 AND message_id = ANY($2) ORDER BY created_at, id',
    [customerId, rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    author: { name: row.author_name, role: row.author_role },
    createdAt: iso(row.created_at),
    body: row.body,
    attachments: attachments
      .filter((attachment) => attachment.message_id === row.id)
      .map((attachment): Attachment => ({ id: attachment.id, name: attachment.name, size: Number(attachment.size), contentType: attachment.content_type })),
  }));
}

interface MessageRow {
  id: string;
  author_name: string;
  author_role: 'customer' | 'agent';
  body: string;
  created_at: unknown;
}

/** The customer's message on a ticket, carrying the uploads it names; the ticket gets a new version. */
async function addMessage(tx: Queryable, session: Session, ticketId: string, body: string, attachmentIds: readonly string[], now: Date): Promise<TicketMessage> {
  const c = session.customerId;
  const id = newId('msg-');
  await tx.query('INSERT INTO ticket_messages (customer_id, id, ticket_id, author_name, author_role, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    c,
    id,
    ticketId,
    session.requestor,
    'customer',
    body,
    now.toISOString(),
  ]);
  if (attachmentIds.length) {
    await tx.query('UPDATE attachments SET message_id = $2 WHERE customer_id = $1 AND id = ANY($3) AND message_id IS NULL', [c, id, [...attachmentIds]]);
  }
  await tx.query('UPDATE tickets SET updated_at = $3, version = version + 1 WHERE customer_id = $1 AND id = $2', [c, ticketId, now.toISOString()]);
  const { rows } = await tx.query<MessageRow>('SELECT * FROM ticket_messages WHERE customer_id = $1 AND id = $2', [c, id]);
  return (await messagesWithAttachments(tx, c, rows))[0]!;
}

/** A write to one ticket, after its version check; answers the ticket as it is then. */
async function changeTicket(request: ApiRequest, change: (tx: Queryable, ticket: Ticket) => Promise<void>): Promise<Ticket> {
  const { db, session, params } = request;
  const c = session.customerId;
  return db.transaction(async (tx) => {
    await lockTenant(tx, c);
    const ticket = await readTicket(tx, c, params.ticketId!);
    checkVersion(request, ticket.version, 'ticket');
    await change(tx, ticket);
    return readTicket(tx, c, ticket.id);
  });
}

const baseType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const ticketOperations: Record<string, Operation> = {
  getTicketSettings: {
    domain: 'tickets',
    handle: async ({ db, session }) => ok(await settingsOf(db, session.customerId)),
  },
  listTickets: {
    domain: 'tickets',
    async handle({ db, session, query }) {
      const sql = new SqlParams(session.customerId);
      const filter = (query.filter ?? {}) as { status?: string; createdAfter?: string };
      let where = 'WHERE t.customer_id = $1';
      if (filter.status) where += ` AND t.status = ANY(${sql.param(filter.status.split(','))})`;
      if (filter.createdAfter) where += ` AND t.created_at > ${sql.param(filter.createdAfter)}`;
      const list = listClauses(query, LIST, sql);
      where += list.where;
      const [{ rows: count }, { rows }] = await Promise.all([
        db.query<{ total: number }>(`SELECT count(*)::int AS total FROM tickets t ${where}`, sql.values),
        db.query<TicketRow>(`SELECT t.* FROM tickets t ${where} ${list.orderBy} ${list.limitOffset}`, sql.values),
      ]);
      return ok({ items: rows.map(toTicket), total: Number(count[0]!.total), page: list.page, pageSize: list.pageSize });
    },
  },
  getTicket: {
    domain: 'tickets',
    handle: async ({ db, session, params }) => withEtag(200, await readTicket(db, session.customerId, params.ticketId!)),
  },
  listTicketMessages: {
    domain: 'tickets',
    async handle({ db, session, params, query }) {
      const c = session.customerId;
      const ticket = await readTicket(db, c, params.ticketId!);
      const list = listClauses(query, { sort: { createdAt: 'm.created_at' }, defaultSort: 'createdAt:asc', tieBreaker: 'm.id' }, new SqlParams());
      const [{ rows: count }, { rows }] = await Promise.all([
        db.query<{ total: number }>('SELECT count(*)::int AS total FROM ticket_messages m WHERE m.customer_id = $1 AND m.ticket_id = $2', [c, ticket.id]),
        db.query<MessageRow>(`SELECT m.* FROM ticket_messages m WHERE m.customer_id = $1 AND m.ticket_id = $2 ${list.orderBy} ${list.limitOffset}`, [c, ticket.id]),
      ]);
      return ok({ items: await messagesWithAttachments(db, c, rows), total: Number(count[0]!.total), page: list.page, pageSize: list.pageSize });
    },
  },
  uploadAttachment: {
    domain: 'tickets',
    needs: (capabilities) => capabilities.tickets.write && capabilities.tickets.attachments,
    async handle({ db, session, query, headers, raw }) {
      const c = session.customerId;
      const settings = await settingsOf(db, c);
      const file = { size: raw?.byteLength ?? 0, type: baseType(headers['content-type']), name: String(query.name) };
      const reasons = rules.attachmentReasons(file, settings.attachments);
      if (reasons.some((reason) => reason.reason === 'too_large')) throw httpError(413, 'validation', 'The file is too large.', { fields: reasons });
      if (reasons.some((reason) => reason.field === 'file' && reason.reason === 'type')) throw httpError(415, 'validation', 'This type of file is not accepted.', { fields: reasons });
      rules.assertValid(reasons);
      const attachment: Attachment = { id: newId('att-'), name: file.name, size: file.size, contentType: file.type };
      // Uploads no ticket or reply took within a day are discarded.
      await db.query(`DELETE FROM attachments WHERE customer_id = $1 AND message_id IS NULL AND created_at < now() - interval '1 day'`, [c]);
      await db.query('INSERT INTO attachments (customer_id, id, name, size, content_type, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        c,
        attachment.id,
        attachment.name,
        attachment.size,
        attachment.contentType,
        raw,
        session.userId,
      ]);
      return { status: 201, body: attachment };
    },
  },
  createTicket: {
    domain: 'tickets',
    needs: (capabilities) => capabilities.tickets.write,
    async handle(request) {
      const { db, session } = request;
      const c = session.customerId;
      const input = request.body as TicketInput;
      const now = request.now();
      const ticket = await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const context = await rulesContext(tx, session, input.attachmentIds);
        rules.assertValid(rules.ticketReasons(input, context));
        const { rows } = await tx.query<{ id: string }>("SELECT nextval('ticket_numbers')::text AS id");
        const id = rows[0]!.id;
        await tx.query(
          `INSERT INTO tickets (customer_id, id, subject, status, priority, created_at, updated_at, requestors, category, account_id, escalated, version)
           VALUES ($1, $2, $3, 'new', $4, $5, $5, $6, $7, $8, false, 0)`,
          [c, id, input.subject.trim(), input.priority ?? (context.settings.priorities.length ? 'normal' : null), now.toISOString(), [session.requestor], input.category ?? [], input.accountId ?? null],
        );
        // The description is the first message of the conversation.
        if (input.description?.trim() || input.attachmentIds?.length) await addMessage(tx, session, id, input.description ?? '', input.attachmentIds ?? [], now);
        else await tx.query('UPDATE tickets SET version = version + 1 WHERE customer_id = $1 AND id = $2', [c, id]);
        return readTicket(tx, c, id);
      });
      return withEtag(201, ticket, { Location: `/api/v1/tickets/${ticket.id}` });
    },
  },
  replyToTicket: {
    domain: 'tickets',
    needs: (capabilities) => capabilities.tickets.write,
    async handle(request) {
      const { db, session, params } = request;
      const c = session.customerId;
      const input = request.body as ReplyInput;
      const message = await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const ticket = await readTicket(tx, c, params.ticketId!);
        rules.assertValid(rules.replyReasons(input, await rulesContext(tx, session, input.attachmentIds)));
        const added = await addMessage(tx, session, ticket.id, input.body, input.attachmentIds ?? [], request.now());
        // A customer's reply reopens a resolved or stalled ticket, as Request Tracker does.
        const status = rules.statusAfterCustomerReply(ticket.status);
        if (status !== ticket.status) await tx.query('UPDATE tickets SET status = $3 WHERE customer_id = $1 AND id = $2', [c, ticket.id, status]);
        return added;
      });
      return { status: 201, body: message };
    },
  },
  setTicketStatus: {
    domain: 'tickets',
    needs: (capabilities) => capabilities.tickets.write,
    async handle(request) {
      const { status } = request.body as { status: TicketStatus };
      const ticket = await changeTicket(request, async (tx, current) => {
        rules.assertValid(rules.statusChangeReasons(status));
        if (current.status === status) return;
        await tx.query('UPDATE tickets SET status = $3, updated_at = $4, version = version + 1 WHERE customer_id = $1 AND id = $2', [
          request.session.customerId,
          current.id,
          status,
          request.now().toISOString(),
        ]);
      });
      return withEtag(200, ticket);
    },
  },
  escalateTicket: {
    domain: 'tickets',
    needs: (capabilities) => capabilities.tickets.write && capabilities.tickets.escalate,
    async handle(request) {
      const { reason } = request.body as { reason: string };
      const ticket = await changeTicket(request, async (tx, current) => {
        rules.assertNotEscalated(current);
        rules.assertValid(rules.escalationReasons(current, reason));
        // The reason becomes a message of the conversation, as in the memory adapter.
        await addMessage(tx, request.session, current.id, reason.trim(), [], request.now());
        await tx.query('UPDATE tickets SET escalated = true, escalation_reason = $3 WHERE customer_id = $1 AND id = $2', [request.session.customerId, current.id, reason.trim()]);
      });
      return withEtag(200, ticket);
    },
  },
};
