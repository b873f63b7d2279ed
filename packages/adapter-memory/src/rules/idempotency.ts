import { conflict } from './errors.js';

/** What a backend keeps per idempotency key: the request's fingerprint and the answer it gave. */
export interface IdempotencyRecord<R> {
  fingerprint: string;
  result: R;
}

/**
 * A digest of a request, the same whatever its key order. Only the digest is kept, so a stored
 * fingerprint never reveals what the request carried (a card token, a voucher code).
 */
export function fingerprint(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
  return digest(canonical);
}

/** A 64-bit FNV-1a-style digest in hex: cheap, synchronous, and the same in every JavaScript engine. */
function digest(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995) ^ (high >>> 15);
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/**
 * The stored answer when this key was used before for the same request (to return again, marked
 * replayed, without acting twice), undefined for a new key, and a `conflict` for the same key
 * with a different request.
 */
export function replayed<R>(record: IdempotencyRecord<R> | undefined, requestFingerprint: string): R | undefined {
  if (!record) return undefined;
  if (record.fingerprint !== requestFingerprint) throw conflict('idempotency key reused with a different request');
  return record.result;
}
