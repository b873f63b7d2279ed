import type { Attachment, TicketSettings } from '@ringside/core';

export type AttachmentLimits = TicketSettings['attachments'];

/** A file the user added to a ticket or a reply, and how far its upload got. Kept in memory only. */
export interface UploadItem {
  /** Local id, for keyed rendering and for finding the item again after an upload finishes. */
  key: string;
  name: string;
  size: number;
  type: string;
  /** The file itself, kept so a failed upload can be tried again. */
  file: Blob;
  state: 'uploading' | 'done' | 'failed';
  sent: number;
  attachment?: Attachment;
  /** The error code of the last failed attempt. */
  error?: string;
}

export type FileProblemReason = 'type' | 'too_large' | 'empty' | 'too_many';

export interface FileProblem {
  name: string;
  reason: FileProblemReason;
}

interface FileFacts {
  name: string;
  size: number;
  type: string;
}

export const baseType = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** True when the backend takes this content type (`image/*` in the list takes every image). */
export function typeAccepted(contentType: string, types: readonly string[]): boolean {
  const type = baseType(contentType);
  if (!type) return false;
  return types.some((allowed) => {
    const rule = baseType(allowed);
    return rule.endsWith('/*') ? type.startsWith(rule.slice(0, -1)) : rule === type;
  });
}

/**
 * Sorts files the user dropped or picked into the ones to upload and the ones refused, with the
 * reason, before anything is sent: wrong type, too large, empty, or more than the backend takes
 * (counting the files already attached).
 */
export function checkFiles<F extends FileFacts>(
  files: readonly F[],
  limits: AttachmentLimits,
  alreadyAttached: number
): { accepted: F[]; refused: FileProblem[] } {
  const accepted: F[] = [];
  const refused: FileProblem[] = [];
  for (const file of files) {
    const reason: FileProblemReason | null = !typeAccepted(file.type, limits.types)
      ? 'type'
      : file.size > limits.maxBytes
      ? 'too_large'
      : file.size === 0
      ? 'empty'
      : alreadyAttached + accepted.length >= limits.maxCount
      ? 'too_many'
      : null;
    if (reason) refused.push({ name: file.name, reason });
    else accepted.push(file);
  }
  return { accepted, refused };
}

/** What the items add up to: the attachment ids ready to send, and whether any upload is unfinished or failed. */
export function uploadSummary(items: readonly UploadItem[]): {
  ids: string[];
  uploading: number;
  failed: number;
} {
  return {
    ids: items.flatMap((item) => (item.state === 'done' && item.attachment ? [item.attachment.id] : [])),
    uploading: items.filter((item) => item.state === 'uploading').length,
    failed: items.filter((item) => item.state === 'failed').length,
  };
}

/** A short name for a content type, for "Accepted: PNG, JPEG, PDF, TXT". */
export function typeLabel(contentType: string): string {
  const type = baseType(contentType);
  if (type === 'text/plain') return 'TXT';
  const subtype = type.split('/')[1] ?? type;
  if (subtype === '*') return type.split('/')[0]!.toUpperCase();
  return subtype.replace(/^(x-|vnd\.)/, '').toUpperCase();
}

const UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** A size in the largest unit that keeps the number at least 1, for Intl's unit formatting. */
export function sizeInUnits(bytes: number): {
  value: number;
  unit: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte';
} {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) return { value: bytes / size, unit };
  }
  return { value: Math.max(0, bytes), unit: 'byte' };
}
