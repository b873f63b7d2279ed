import type { Capabilities, Page, SortDirection, Versioned, WriteOptions } from '@ringside/core';
import { ensure, ensureEqual, rejectsInvalid, rejectsWith, show } from '../assert.js';
import type { Check } from '../types.js';
import { allows, canRead, canWrite, check, type Condition } from './define.js';
import { Fixture } from './fixture.js';
import { ensureStablePaging, orderProblem, query, walkAll, type Query, type SortValue } from './listing.js';

interface Crud<T, I> {
  list(query: Query): Promise<Page<T>>;
  get(id: string): Promise<T>;
  create(input: I): Promise<T>;
  update(id: string, input: I, options?: WriteOptions): Promise<T>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}

export interface SortSpec<T> {
  field: string;
  needs?: Condition[];
  /** What the field may order by; the list must follow one of them (e.g. a group's name or its number). */
  values(fixture: Fixture): Promise<((item: T) => SortValue)[]>;
}

export interface InvalidCase<I> {
  field: string;
  reason?: string;
  input(valid: I): I;
}

/** How the generic checks handle one kind of record (extensions, hunt groups, schedules). */
export interface ResourceSpec<T extends { id: string } & Versioned, I extends object> {
  domain: 'extensions' | 'huntGroups' | 'schedules';
  noun: string;
  crud(fixture: Fixture): Crud<T, I>;
  /** A valid input for a new record, different on each call. */
  input(fixture: Fixture): Promise<I>;
  /** The same input with visible changes. */
  change(input: I, capabilities: Capabilities): I;
  sorts: SortSpec<T>[];
  /** The texts where a free-text search may have found a record. */
  searchIn(item: T): string[];
  invalid(capabilities: Capabilities): InvalidCase<I>[];
  /** Conditions for creating records beyond writing the domain (e.g. free numbers need extensions). */
  writeNeeds?: Condition[];
}

const writeConditions = (spec: Pick<ResourceSpec<never, never>, 'domain' | 'writeNeeds'>) => [canWrite(spec.domain), ...(spec.writeNeeds ?? [])];

/** Creates records until the list holds at least `count`, when the adapter can write. */
async function ensureRecords<T extends { id: string } & Versioned, I extends object>(spec: ResourceSpec<T, I>, fixture: Fixture, count: number): Promise<void> {
  if (!allows(writeConditions(spec), fixture.adapter.capabilities)) return;
  const crud = spec.crud(fixture);
  const { total } = await crud.list({ pageSize: 1 });
  for (let i = total; i < count; i++) await crud.create(await spec.input(fixture));
}

function ensureMatchesInput(record: object, input: object, what: string): void {
  for (const [key, value] of Object.entries(input)) ensureEqual((record as Record<string, unknown>)[key], value, `${what}: ${key}`);
}

export function resourceChecks<T extends { id: string } & Versioned, I extends object>(spec: ResourceSpec<T, I>): Check[] {
  const { domain, noun } = spec;
  const reads = [canRead(domain)];
  const writes = writeConditions(spec);
  const missingId = (fixture: Fixture) => `rs-conformance-missing-${fixture.unique}`;

  const sortCheck = ({ field, needs = [], values }: SortSpec<T>): Check =>
    check(domain, `sort-${field}`, `sorts by ${field} in both directions`, [...reads, ...needs], async (context) => {
      const fixture = new Fixture(context);
      await ensureRecords(spec, fixture, 6);
      const candidates = await values(fixture);
      for (const direction of ['asc', 'desc'] as SortDirection[]) {
        const items = await ensureStablePaging((q) => spec.crud(fixture).list(q), query({ sort: [{ field, direction }] }));
        const problems = candidates.map((value) => orderProblem(items.map(value), direction));
        ensure(problems.includes(null), `${field} ${direction}: ${problems[0]}`);
      }
    });

  return [
    check(domain, 'paging', 'pages are complete and stable', reads, async (context) => {
      const fixture = new Fixture(context);
      await ensureRecords(spec, fixture, 8);
      await ensureStablePaging((q) => spec.crud(fixture).list(q));
    }),
    ...spec.sorts.map(sortCheck),
    check(domain, 'search', 'free-text search finds the matching records, and only those', reads, async (context) => {
      const fixture = new Fixture(context);
      const crud = spec.crud(fixture);
      const writable = allows(writes, context.adapter.capabilities);
      const target = writable ? await crud.create(await spec.input(fixture)) : (await crud.list({ pageSize: 1 })).items[0];
      if (!target) return;
      const needle = writable ? fixture.unique : spec.searchIn(target).find((text) => text.length > 0)!;
      const found = await walkAll((q) => crud.list(q), 50, query({ search: needle }));
      ensure(found.some((item) => item.id === target.id), `searching ${show(needle)} did not find ${noun} ${target.id}`);
      for (const item of found) {
        ensure(spec.searchIn(item).some((text) => text.toLowerCase().includes(needle.toLowerCase())), `searching ${show(needle)} found ${noun} ${show(item)}, which does not contain it`);
      }
    }),
    check(domain, 'round-trip', `a created ${noun} reads back, updates and deletes`, writes, async (context) => {
      const fixture = new Fixture(context);
      const crud = spec.crud(fixture);
      const input = await spec.input(fixture);
      const created = await crud.create(input);
      ensure(typeof created.id === 'string' && typeof created.version === 'string', `create answered no id or version: ${show(created)}`);
      ensureMatchesInput(created, input, 'created');
      ensureEqual(await crud.get(created.id), created, `get(${created.id}) after create`);
      const listed = await walkAll((q) => crud.list(q), 500);
      ensure(listed.some((item) => item.id === created.id), `the new ${noun} is not in the list`);
      const changes = spec.change(input, context.adapter.capabilities);
      const updated = await crud.update(created.id, changes, { ifMatch: created.version });
      ensure(updated.version !== created.version, `update kept version ${show(created.version)}`);
      ensureMatchesInput(updated, changes, 'updated');
      ensureEqual(await crud.get(created.id), updated, `get(${created.id}) after update`);
      await crud.delete(created.id, { ifMatch: updated.version });
      await rejectsWith(crud.get(created.id), 'not_found', `get(${created.id}) after delete`);
      ensure(!(await walkAll((q) => crud.list(q), 500)).some((item) => item.id === created.id), `the deleted ${noun} is still listed`);
    }),
    check(domain, 'stale-version', 'a write with a stale ifMatch is a conflict and changes nothing', writes, async (context) => {
      const fixture = new Fixture(context);
      const crud = spec.crud(fixture);
      const input = await spec.input(fixture);
      const first = await crud.create(input);
      const second = await crud.update(first.id, spec.change(input, context.adapter.capabilities), { ifMatch: first.version });
      await rejectsWith(crud.update(first.id, input, { ifMatch: first.version }), 'conflict', 'update with the version before the last update');
      await rejectsWith(crud.delete(first.id, { ifMatch: first.version }), 'conflict', 'delete with the version before the last update');
      ensureEqual(await crud.get(first.id), second, `get(${first.id}) after the rejected writes`);
    }),
    check(domain, 'unknown-id', 'unknown ids are not_found', reads, async (context) => {
      const fixture = new Fixture(context);
      const crud = spec.crud(fixture);
      await rejectsWith(crud.get(missingId(fixture)), 'not_found', 'get of an unknown id');
      if (!allows(writes, context.adapter.capabilities)) return;
      await rejectsWith(crud.update(missingId(fixture), await spec.input(fixture)), 'not_found', 'update of an unknown id');
      await rejectsWith(crud.delete(missingId(fixture)), 'not_found', 'delete of an unknown id');
    }),
    check(domain, 'invalid-input', 'invalid input is rejected, naming each field', writes, async (context) => {
      const fixture = new Fixture(context);
      const valid = await spec.input(fixture);
      for (const invalid of spec.invalid(context.adapter.capabilities)) {
        await rejectsInvalid(spec.crud(fixture).create(invalid.input(valid)), invalid.field, `create with a bad ${invalid.field}`, invalid.reason);
      }
    }),
  ];
}
