import type { Schedule, ScheduleInput } from '@ringside/core';
import { rules } from '@ringside/adapter-memory';
import type { Queryable } from '../../db/database.js';
import { checkVersion, lockTenant, newId, noContent, ok, withEtag, type ApiRequest, type Operation } from '../context.js';
import { notFound } from '../errors.js';
import { listClauses, type ListSpec } from '../lists.js';
import { SqlParams } from '../sql.js';

interface ScheduleRow {
  id: string;
  name: string;
  period: string;
  time_zone: string;
  version: number;
}

const toSchedule = (row: ScheduleRow): Schedule => ({ id: row.id, version: String(row.version), name: row.name, period: row.period, timeZone: row.time_zone });

const LIST: ListSpec = { sort: { name: 'lower(s.name)' }, defaultSort: 'name:asc', tieBreaker: 's.id', search: ['s.name', 's.period'] };

async function readSchedule(db: Queryable, customerId: string, id: string): Promise<Schedule> {
  const { rows } = await db.query<ScheduleRow>('SELECT * FROM schedules s WHERE s.customer_id = $1 AND s.id = $2', [customerId, id]);
  if (!rows[0]) throw notFound('schedule');
  return toSchedule(rows[0]);
}

async function saveSchedule(request: ApiRequest, existingId?: string): Promise<Schedule> {
  const { db, session } = request;
  const c = session.customerId;
  const input = request.body as ScheduleInput;
  // The period is checked by @ringside/period's parser (through the shared rules): malformed is an error, never dropped.
  rules.assertValid(rules.scheduleReasons(input));
  return db.transaction(async (tx) => {
    await lockTenant(tx, c);
    if (existingId) {
      const existing = await readSchedule(tx, c, existingId);
      checkVersion(request, existing.version, 'schedule');
      await tx.query('UPDATE schedules SET name = $3, period = $4, time_zone = $5, version = version + 1 WHERE customer_id = $1 AND id = $2', [
        c,
        existingId,
        input.name.trim(),
        input.period,
        input.timeZone,
      ]);
      return readSchedule(tx, c, existingId);
    }
    const id = newId('sch-');
    await tx.query('INSERT INTO schedules (customer_id, id, name, period, time_zone, version) VALUES ($1, $2, $3, $4, $5, 1)', [c, id, input.name.trim(), input.period, input.timeZone]);
    return readSchedule(tx, c, id);
  });
}

export const scheduleOperations: Record<string, Operation> = {
  listSchedules: {
    domain: 'schedules',
    async handle({ db, session, query }) {
      const sql = new SqlParams(session.customerId);
      const list = listClauses(query, LIST, sql);
      const where = `WHERE s.customer_id = $1${list.where}`;
      const [{ rows: count }, { rows }] = await Promise.all([
        db.query<{ total: number }>(`SELECT count(*)::int AS total FROM schedules s ${where}`, sql.values),
        db.query<ScheduleRow>(`SELECT s.* FROM schedules s ${where} ${list.orderBy} ${list.limitOffset}`, sql.values),
      ]);
      return ok({ items: rows.map(toSchedule), total: Number(count[0]!.total), page: list.page, pageSize: list.pageSize });
    },
  },
  getSchedule: {
    domain: 'schedules',
    handle: async ({ db, session, params }) => withEtag(200, await readSchedule(db, session.customerId, params.scheduleId!)),
  },
  createSchedule: {
    domain: 'schedules',
    needs: (capabilities) => capabilities.schedules.write,
    async handle(request) {
      const schedule = await saveSchedule(request);
      return withEtag(201, schedule, { Location: `/api/v1/schedules/${schedule.id}` });
    },
  },
  updateSchedule: {
    domain: 'schedules',
    needs: (capabilities) => capabilities.schedules.write,
    handle: async (request) => withEtag(200, await saveSchedule(request, request.params.scheduleId)),
  },
  deleteSchedule: {
    domain: 'schedules',
    needs: (capabilities) => capabilities.schedules.write,
    async handle(request) {
      const { db, session, params } = request;
      await db.transaction(async (tx) => {
        await lockTenant(tx, session.customerId);
        const existing = await readSchedule(tx, session.customerId, params.scheduleId!);
        checkVersion(request, existing.version, 'schedule');
        await tx.query('DELETE FROM schedules WHERE customer_id = $1 AND id = $2', [session.customerId, existing.id]);
      });
      return noContent();
    },
  },
};
