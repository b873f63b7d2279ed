import type { Extension, ExtensionInput, HuntGroup, HuntGroupInput, PhoneLine } from '@ringside/core';
import { rules } from '@ringside/adapter-memory';
import type { Queryable } from '../../db/database.js';
import { checkVersion, lockTenant, newId, noContent, ok, withEtag, type ApiRequest, type Operation } from '../context.js';
import { notFound, unsupported } from '../errors.js';
import { listClauses, type ListSpec } from '../lists.js';
import { SqlParams } from '../sql.js';

// ---------------------------------------------------------------------------------------------
// Reading

const EXTENSION_SELECT = `
  SELECT e.id, e.number, e.name, e.phone_line_id, e.primary_group_id, e.published, e.has_recorded_name, e.version,
         coalesce((SELECT array_agg(m.group_id ORDER BY g.number)
                   FROM hunt_group_members m JOIN hunt_groups g ON g.customer_id = m.customer_id AND g.id = m.group_id
                   WHERE m.customer_id = e.customer_id AND m.extension_id = e.id), '{}') AS group_ids
  FROM extensions e
  LEFT JOIN phone_lines l ON l.customer_id = e.customer_id AND l.id = e.phone_line_id
  LEFT JOIN hunt_groups pg ON pg.customer_id = e.customer_id AND pg.id = e.primary_group_id`;

interface ExtensionRow {
  id: string;
  number: string;
  name: string;
  phone_line_id: string | null;
  primary_group_id: string | null;
  published: boolean;
  has_recorded_name: boolean;
  version: number;
  group_ids: string[];
}

const toExtension = (row: ExtensionRow): Extension => ({
  id: row.id,
  version: String(row.version),
  number: row.number,
  name: row.name,
  phoneLineId: row.phone_line_id,
  primaryGroupId: row.primary_group_id,
  published: row.published,
  hasRecordedName: row.has_recorded_name,
  groupIds: row.group_ids ?? [],
});

const EXTENSION_LIST: ListSpec = {
  sort: { number: 'e.number', name: 'lower(e.name)', phoneLine: 'l.number', primaryGroup: 'lower(pg.name)', published: 'e.published', recordedName: 'e.has_recorded_name' },
  defaultSort: 'number:asc',
  tieBreaker: 'e.id',
  search: ['e.number', 'e.name', 'l.number'],
};

async function readExtension(db: Queryable, customerId: string, id: string): Promise<Extension> {
  const { rows } = await db.query<ExtensionRow>(`${EXTENSION_SELECT} WHERE e.customer_id = $1 AND e.id = $2`, [customerId, id]);
  if (!rows[0]) throw notFound('extension');
  return toExtension(rows[0]);
}

interface GroupRow {
  id: string;
  number: string;
  name: string;
  sequence: HuntGroup['sequence'];
  caller_id_mode: HuntGroup['callerIdMode'];
  pickup_allowed: boolean;
  version: number;
}

const HUNT_GROUP_LIST: ListSpec = {
  sort: { number: 'g.number', name: 'lower(g.name)', sequence: 'g.sequence' },
  defaultSort: 'number:asc',
  tieBreaker: 'g.id',
  search: ['g.number', 'g.name'],
};

/** The groups of these rows with their members (in hunting order) and included groups. */
async function withMembers(db: Queryable, customerId: string, rows: GroupRow[]): Promise<HuntGroup[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const { rows: members } = await db.query<{ group_id: string; extension_id: string; ring_delay: number; ring_time: number | null; ignore_follow_me: boolean; is_primary: boolean }>(
    `SELECT m.group_id, m.extension_id, m.ring_delay, m.ring_time, m.ignore_follow_me, coalesce(e.primary_group_id = m.group_id, false) AS is_primary
     FROM hunt_group_members m JOIN extensions e ON e.customer_id = m.customer_id AND e.id = m.extension_id
     WHERE m.customer_id = $1 AND m.group_id = ANY($2) ORDER BY m.group_id, m.position`,
    [customerId, ids],
  );
  const { rows: includes } = await db.query<{ group_id: string; included_group_id: string; ignore_follow_me: boolean }>(
    `SELECT group_id, included_group_id, ignore_follow_me FROM hunt_group_includes WHERE customer_id = $1 AND group_id = ANY($2) ORDER BY group_id, position`,
    [customerId, ids],
  );
  return rows.map((row) => ({
    id: row.id,
    version: String(row.version),
    number: row.number,
    name: row.name,
    sequence: row.sequence,
    callerIdMode: row.caller_id_mode,
    pickupAllowed: row.pickup_allowed,
    members: members
      .filter((member) => member.group_id === row.id)
      .map((member) => ({
        extensionId: member.extension_id,
        ringDelay: member.ring_delay,
        ringTime: member.ring_time,
        ignoreFollowMe: member.ignore_follow_me,
        primary: member.is_primary,
      })),
    includedGroups: includes.filter((entry) => entry.group_id === row.id).map((entry) => ({ groupId: entry.included_group_id, ignoreFollowMe: entry.ignore_follow_me })),
  }));
}

async function readGroup(db: Queryable, customerId: string, id: string): Promise<HuntGroup> {
  const { rows } = await db.query<GroupRow>('SELECT g.* FROM hunt_groups g WHERE g.customer_id = $1 AND g.id = $2', [customerId, id]);
  if (!rows[0]) throw notFound('hunt group');
  return (await withMembers(db, customerId, rows))[0]!;
}

// ---------------------------------------------------------------------------------------------
// What the shared business rules need to know, read inside the write transaction.

async function numberRules(tx: Queryable, customerId: string, ownId?: string): Promise<rules.NumberRulesContext> {
  const { rows: settings } = await tx.query<{ extension_number_length: number }>('SELECT extension_number_length FROM customers WHERE id = $1', [customerId]);
  const { rows } = await tx.query<{ id: string; number: string }>(
    'SELECT id, number FROM extensions WHERE customer_id = $1 UNION ALL SELECT id, number FROM hunt_groups WHERE customer_id = $1',
    [customerId],
  );
  const taken = new Set(rows.filter((row) => row.id !== ownId).map((row) => row.number));
  return { numberLength: settings[0]!.extension_number_length, isNumberTaken: (number) => taken.has(number) };
}

async function phoneLines(db: Queryable, customerId: string): Promise<PhoneLine[]> {
  const { rows } = await db.query<{ id: string; number: string; label: string; extension_id: string | null }>(
    `SELECT l.id, l.number, l.label, e.id AS extension_id
     FROM phone_lines l LEFT JOIN extensions e ON e.customer_id = l.customer_id AND e.phone_line_id = l.id
     WHERE l.customer_id = $1 ORDER BY l.position, l.id`,
    [customerId],
  );
  return rows.map((row) => ({ id: row.id, number: row.number, label: row.label, extensionId: row.extension_id }));
}

/**
 * Versions follow what a client sees: an extension whose groups or primary group change, and a
 * group whose members' primary flags or included groups change, get a new version, as in the
 * memory adapter. A snapshot before and after a write tells which.
 */
async function membershipSnapshot(tx: Queryable, customerId: string): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ key: string; state: string }>(
    `SELECT 'e:' || e.id AS key,
            coalesce(e.primary_group_id, '') || '|' || coalesce((SELECT string_agg(m.group_id, ',' ORDER BY m.group_id) FROM hunt_group_members m
                                                                 WHERE m.customer_id = e.customer_id AND m.extension_id = e.id), '') AS state
     FROM extensions e WHERE e.customer_id = $1
     UNION ALL
     SELECT 'g:' || g.id,
            coalesce((SELECT string_agg(m.extension_id || ':' || coalesce((x.primary_group_id = g.id)::text, 'false'), ',' ORDER BY m.position)
                      FROM hunt_group_members m JOIN extensions x ON x.customer_id = m.customer_id AND x.id = m.extension_id
                      WHERE m.customer_id = g.customer_id AND m.group_id = g.id), '') || '|' ||
            coalesce((SELECT string_agg(i.included_group_id, ',' ORDER BY i.position) FROM hunt_group_includes i
                      WHERE i.customer_id = g.customer_id AND i.group_id = g.id), '')
     FROM hunt_groups g WHERE g.customer_id = $1`,
    [customerId],
  );
  return new Map(rows.map((row) => [row.key, row.state]));
}

/** Gives a new version to every record whose snapshot changed, except those the write versioned itself. */
async function bumpChanged(tx: Queryable, customerId: string, before: Map<string, string>, after: Map<string, string>, versioned: string[]): Promise<void> {
  const changed = [...after].filter(([key, state]) => before.has(key) && before.get(key) !== state && !versioned.includes(key)).map(([key]) => key);
  const extensions = changed.filter((key) => key.startsWith('e:')).map((key) => key.slice(2));
  const groups = changed.filter((key) => key.startsWith('g:')).map((key) => key.slice(2));
  if (extensions.length) await tx.query('UPDATE extensions SET version = version + 1 WHERE customer_id = $1 AND id = ANY($2)', [customerId, extensions]);
  if (groups.length) await tx.query('UPDATE hunt_groups SET version = version + 1 WHERE customer_id = $1 AND id = ANY($2)', [customerId, groups]);
}

// ---------------------------------------------------------------------------------------------
// Extensions

async function saveExtension(request: ApiRequest, existingId?: string): Promise<Extension> {
  const { db, session } = request;
  const c = session.customerId;
  const input = request.body as ExtensionInput;
  return db.transaction(async (tx) => {
    await lockTenant(tx, c);
    const existing = existingId ? await readExtension(tx, c, existingId) : undefined;
    if (existing) checkVersion(request, existing.version, 'extension');
    const lines = await phoneLines(tx, c);
    rules.assertValid(
      rules.extensionReasons(input, {
        ...(await numberRules(tx, c, existing?.id)),
        phoneLine: (id) => lines.find((line) => line.id === id),
        extensionId: existing?.id,
        groupIds: existing?.groupIds ?? [],
      }),
    );
    const before = await membershipSnapshot(tx, c);
    const id = existing?.id ?? newId('ext-');
    if (!existing) {
      await tx.query(
        'INSERT INTO extensions (customer_id, id, number, name, phone_line_id, published, version) VALUES ($1, $2, $3, $4, $5, $6, 1)',
        [c, id, input.number, input.name.trim(), input.phoneLineId ?? null, input.published ?? true],
      );
    } else {
      // Left out: unchanged. null: cleared.
      await tx.query(
        `UPDATE extensions SET number = $3, name = $4, published = $5,
           phone_line_id = CASE WHEN $6 THEN $7 ELSE phone_line_id END,
           primary_group_id = CASE WHEN $8 THEN $9 ELSE primary_group_id END,
           version = version + 1
         WHERE customer_id = $1 AND id = $2`,
        [
          c,
          id,
          input.number,
          input.name.trim(),
          input.published ?? existing.published,
          input.phoneLineId !== undefined,
          input.phoneLineId ?? null,
          input.primaryGroupId !== undefined,
          input.primaryGroupId ?? null,
        ],
      );
    }
    await bumpChanged(tx, c, before, await membershipSnapshot(tx, c), [`e:${id}`]);
    return readExtension(tx, c, id);
  });
}

export const extensionOperations: Record<string, Operation> = {
  getExtensionSettings: {
    domain: 'extensions',
    async handle({ db, session }) {
      const { rows } = await db.query<{ extension_number_length: number }>('SELECT extension_number_length FROM customers WHERE id = $1', [session.customerId]);
      return ok({ numberLength: rows[0]!.extension_number_length });
    },
  },
  listPhoneLines: {
    domain: 'extensions',
    handle: async ({ db, session }) => ok({ items: await phoneLines(db, session.customerId) }),
  },
  listExtensions: {
    domain: 'extensions',
    async handle({ db, session, query }) {
      const sql = new SqlParams(session.customerId);
      const list = listClauses(query, EXTENSION_LIST, sql);
      const filter = query.filter as { groupId?: string } | undefined;
      const groupFilter = filter?.groupId
        ? ` AND EXISTS (SELECT 1 FROM hunt_group_members m WHERE m.customer_id = e.customer_id AND m.extension_id = e.id AND m.group_id = ${sql.param(filter.groupId)})`
        : '';
      const where = `WHERE e.customer_id = $1${groupFilter}${list.where}`;
      const [{ rows: count }, { rows }] = await Promise.all([
        db.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM extensions e LEFT JOIN phone_lines l ON l.customer_id = e.customer_id AND l.id = e.phone_line_id ${where}`,
          sql.values,
        ),
        db.query<ExtensionRow>(`${EXTENSION_SELECT} ${where} ${list.orderBy} ${list.limitOffset}`, sql.values),
      ]);
      return ok({ items: rows.map(toExtension), total: Number(count[0]!.total), page: list.page, pageSize: list.pageSize });
    },
  },
  getExtension: {
    domain: 'extensions',
    async handle({ db, session, params }) {
      const extension = await readExtension(db, session.customerId, params.extensionId!);
      return withEtag(200, extension);
    },
  },
  createExtension: {
    domain: 'extensions',
    needs: (capabilities) => capabilities.extensions.write,
    async handle(request) {
      const extension = await saveExtension(request);
      return withEtag(201, extension, { Location: `/api/v1/extensions/${extension.id}` });
    },
  },
  updateExtension: {
    domain: 'extensions',
    needs: (capabilities) => capabilities.extensions.write,
    handle: async (request) => withEtag(200, await saveExtension(request, request.params.extensionId)),
  },
  deleteExtension: {
    domain: 'extensions',
    needs: (capabilities) => capabilities.extensions.write,
    async handle(request) {
      const { db, session, params } = request;
      const c = session.customerId;
      await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const existing = await readExtension(tx, c, params.extensionId!);
        checkVersion(request, existing.version, 'extension');
        const before = await membershipSnapshot(tx, c);
        // Memberships go with it (ON DELETE CASCADE); its phone line is free again.
        await tx.query('DELETE FROM extensions WHERE customer_id = $1 AND id = $2', [c, existing.id]);
        await bumpChanged(tx, c, before, await membershipSnapshot(tx, c), []);
      });
      return noContent();
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Hunt groups

async function saveGroup(request: ApiRequest, existingId?: string): Promise<HuntGroup> {
  const { db, session } = request;
  const c = session.customerId;
  const input = request.body as HuntGroupInput;
  if (input.includedGroups.length && !session.capabilities.huntGroups.includeGroups) throw unsupported('hunt groups that include other groups');
  return db.transaction(async (tx) => {
    await lockTenant(tx, c);
    const existing = existingId ? await readGroup(tx, c, existingId) : undefined;
    if (existing) checkVersion(request, existing.version, 'hunt group');
    const { rows: extensions } = await tx.query<{ id: string }>('SELECT id FROM extensions WHERE customer_id = $1', [c]);
    const extensionIds = new Set(extensions.map((row) => row.id));
    const { rows: groups } = await tx.query<{ id: string; number: string; included: string[] }>(
      `SELECT g.id, g.number, coalesce((SELECT array_agg(i.included_group_id ORDER BY i.position) FROM hunt_group_includes i
                                         WHERE i.customer_id = g.customer_id AND i.group_id = g.id), '{}') AS included
       FROM hunt_groups g WHERE g.customer_id = $1`,
      [c],
    );
    const id = existing?.id ?? newId('hg-');
    rules.assertValid(
      rules.huntGroupReasons(input, {
        ...(await numberRules(tx, c, existing?.id)),
        extensionExists: (extensionId) => extensionIds.has(extensionId),
        group: (groupId) => {
          const group = groups.find((candidate) => candidate.id === groupId);
          return group && { id: group.id, number: group.number, includedGroupIds: group.included };
        },
        // A new group cannot be in a cycle: nothing includes it yet.
        groupId: existing?.id,
        sequences: session.capabilities.huntGroups.sequences,
      }),
    );
    const before = await membershipSnapshot(tx, c);
    if (existing) {
      await tx.query(
        `UPDATE hunt_groups SET number = $3, name = $4, sequence = $5, caller_id_mode = $6, pickup_allowed = $7, version = version + 1
         WHERE customer_id = $1 AND id = $2`,
        [c, id, input.number, input.name.trim(), input.sequence, input.callerIdMode, input.pickupAllowed],
      );
      await tx.query('DELETE FROM hunt_group_members WHERE customer_id = $1 AND group_id = $2', [c, id]);
      await tx.query('DELETE FROM hunt_group_includes WHERE customer_id = $1 AND group_id = $2', [c, id]);
    } else {
      await tx.query(
        'INSERT INTO hunt_groups (customer_id, id, number, name, sequence, caller_id_mode, pickup_allowed, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)',
        [c, id, input.number, input.name.trim(), input.sequence, input.callerIdMode, input.pickupAllowed],
      );
    }
    for (const [position, member] of input.members.entries()) {
      await tx.query(
        'INSERT INTO hunt_group_members (customer_id, group_id, extension_id, position, ring_delay, ring_time, ignore_follow_me) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [c, id, member.extensionId, position, member.ringDelay, member.ringTime, member.ignoreFollowMe],
      );
    }
    for (const [position, included] of input.includedGroups.entries()) {
      await tx.query('INSERT INTO hunt_group_includes (customer_id, group_id, included_group_id, position, ignore_follow_me) VALUES ($1, $2, $3, $4, $5)', [
        c,
        id,
        included.groupId,
        position,
        included.ignoreFollowMe,
      ]);
    }
    // The `primary` flags decide the members' primary group; an extension that left the group loses it as primary.
    const primary = input.members.filter((member) => member.primary).map((member) => member.extensionId);
    await tx.query('UPDATE extensions SET primary_group_id = $2 WHERE customer_id = $1 AND id = ANY($3)', [c, id, primary]);
    await tx.query('UPDATE extensions SET primary_group_id = NULL WHERE customer_id = $1 AND primary_group_id = $2 AND NOT (id = ANY($3))', [c, id, primary]);
    await bumpChanged(tx, c, before, await membershipSnapshot(tx, c), [`g:${id}`]);
    return readGroup(tx, c, id);
  });
}

export const huntGroupOperations: Record<string, Operation> = {
  listHuntGroups: {
    domain: 'huntGroups',
    async handle({ db, session, query }) {
      const sql = new SqlParams(session.customerId);
      const list = listClauses(query, HUNT_GROUP_LIST, sql);
      const where = `WHERE g.customer_id = $1${list.where}`;
      const [{ rows: count }, { rows }] = await Promise.all([
        db.query<{ total: number }>(`SELECT count(*)::int AS total FROM hunt_groups g ${where}`, sql.values),
        db.query<GroupRow>(`SELECT g.* FROM hunt_groups g ${where} ${list.orderBy} ${list.limitOffset}`, sql.values),
      ]);
      return ok({ items: await withMembers(db, session.customerId, rows), total: Number(count[0]!.total), page: list.page, pageSize: list.pageSize });
    },
  },
  getHuntGroup: {
    domain: 'huntGroups',
    handle: async ({ db, session, params }) => withEtag(200, await readGroup(db, session.customerId, params.huntGroupId!)),
  },
  createHuntGroup: {
    domain: 'huntGroups',
    needs: (capabilities) => capabilities.huntGroups.write,
    async handle(request) {
      const group = await saveGroup(request);
      return withEtag(201, group, { Location: `/api/v1/hunt-groups/${group.id}` });
    },
  },
  updateHuntGroup: {
    domain: 'huntGroups',
    needs: (capabilities) => capabilities.huntGroups.write,
    handle: async (request) => withEtag(200, await saveGroup(request, request.params.huntGroupId)),
  },
  deleteHuntGroup: {
    domain: 'huntGroups',
    needs: (capabilities) => capabilities.huntGroups.write,
    async handle(request) {
      const { db, session, params } = request;
      const c = session.customerId;
      await db.transaction(async (tx) => {
        await lockTenant(tx, c);
        const existing = await readGroup(tx, c, params.huntGroupId!);
        checkVersion(request, existing.version, 'hunt group');
        const before = await membershipSnapshot(tx, c);
        await tx.query('UPDATE extensions SET primary_group_id = NULL WHERE customer_id = $1 AND primary_group_id = $2', [c, existing.id]);
        // Members and inclusions (its own and other groups' of it) go with it (ON DELETE CASCADE).
        await tx.query('DELETE FROM hunt_groups WHERE customer_id = $1 AND id = $2', [c, existing.id]);
        await bumpChanged(tx, c, before, await membershipSnapshot(tx, c), []);
      });
      return noContent();
    },
  },
  getPickupSettings: {
    domain: 'huntGroups',
    async handle({ db, session }) {
      const { rows } = await db.query<{ pickup_prefix: string | null }>('SELECT pickup_prefix FROM customers WHERE id = $1', [session.customerId]);
      return ok({ prefix: rows[0]!.pickup_prefix });
    },
  },
};
