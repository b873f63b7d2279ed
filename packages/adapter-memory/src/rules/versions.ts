import type { Versioned } from '@ringside/core';
import { conflict } from './errors.js';

/** The version a record gets on its next write (versions are decimal counters). */
export function nextVersion(version: string | undefined): string {
  const current = Number.parseInt(version ?? '0', 10);
  return String(Number.isFinite(current) ? current + 1 : 1);
}

/** Rejects with `conflict` when the caller edited an older version than the stored one. */
export function assertVersion(record: Versioned, ifMatch: string | undefined, what: string): void {
  if (ifMatch !== undefined && ifMatch !== record.version) {
    throw conflict(`${what} changed: version ${record.version}, not ${ifMatch}`);
  }
}
