import type { Versioned } from '@ringside/core';
import { assertVersion, nextVersion, notFound } from './rules/index.js';

/** The record with this id, or a `not_found` error naming `kind`. */
export function findRecord<T extends { id: string }>(records: readonly T[], id: string, kind: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw notFound(kind, id);
  return record;
}

/** The record to change: found, and still at the version the caller edited. */
export function recordToWrite<T extends { id: string } & Versioned>(records: readonly T[], id: string, ifMatch: string | undefined, kind: string): T {
  const record = findRecord(records, id, kind);
  assertVersion(record, ifMatch, `${kind} ${id}`);
  return record;
}

/** Marks a record as written: it gets a new version. */
export function touch(record: Versioned): void {
  record.version = nextVersion(record.version);
}

export function removeRecord<T extends { id: string }>(records: T[], record: T): void {
  records.splice(records.indexOf(record), 1);
}
