import type { Extension, ExtensionInput, FieldReason, Page, PhoneLine, RingsideError } from '@ringside/core';

/** What the add/edit form holds: text as typed, '' for "none" in the selects. */
export interface ExtensionDraft {
  number: string;
  name: string;
  phoneLineId: string;
  primaryGroupId: string;
  published: boolean;
}

export const FORM_FIELDS = ['number', 'name', 'phoneLineId', 'primaryGroupId', 'published'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** One reason per field, keyed like the adapter's validation reasons (`required`, `length`, `taken`, …). */
export interface FieldProblem {
  reason: string;
  params?: Record<string, string | number>;
}
export type FormErrors = Partial<Record<FormField, FieldProblem>>;

/** Longest name the reference backends accept. */
export const NAME_MAX = 100;

export interface FormContext {
  /** Digits an extension number has; null while not known. */
  numberLength: number | null;
  /** Numbers of the customer's hunt groups (extension and group numbers share one space). */
  groupNumbers: ReadonlySet<string>;
  /** Numbers known to belong to other extensions. */
  takenNumbers: ReadonlySet<string>;
  phoneLines: readonly PhoneLine[];
  /** The extension being edited; null when adding one. */
  extensionId: string | null;
  /** The hunt groups the extension is in: the only choices for its primary group. */
  groupIds: readonly string[];
}

export function draftOf(extension?: Extension): ExtensionDraft {
  return {
    number: extension?.number ?? '',
    name: extension?.name ?? '',
    phoneLineId: extension?.phoneLineId ?? '',
    primaryGroupId: extension?.primaryGroupId ?? '',
    published: extension?.published ?? true,
  };
}

/** The problem with the number alone, as far as this browser can tell. */
export function numberProblem(number: string, context: FormContext): FieldProblem | undefined {
  if (number === '') return { reason: 'required' };
  if (!/^\d+$/.test(number)) return { reason: 'digits_only' };
  if (context.numberLength !== null && number.length !== context.numberLength) return { reason: 'length', params: { length: context.numberLength } };
  if (context.groupNumbers.has(number)) return { reason: 'group_number' };
  if (context.takenNumbers.has(number)) return { reason: 'taken' };
  return undefined;
}

/** The extension a phone line is assigned to, when that is another extension than this one. */
export function lineTakenBy(line: PhoneLine, extensionId: string | null): string | null {
  return line.extensionId !== null && line.extensionId !== extensionId ? line.extensionId : null;
}

/** Every problem of the draft, one per field. */
export function validateDraft(draft: ExtensionDraft, context: FormContext): FormErrors {
  const errors: FormErrors = {};
  const number = numberProblem(draft.number, context);
  if (number) errors.number = number;
  const name = draft.name.trim();
  if (!name) errors.name = { reason: 'required' };
  else if (name.length > NAME_MAX) errors.name = { reason: 'too_long', params: { max: NAME_MAX } };
  if (draft.phoneLineId) {
    const line = context.phoneLines.find((candidate) => candidate.id === draft.phoneLineId);
    if (!line) errors.phoneLineId = { reason: 'unknown' };
    else if (lineTakenBy(line, context.extensionId)) errors.phoneLineId = { reason: 'line_taken' };
  }
  if (draft.primaryGroupId && !context.groupIds.includes(draft.primaryGroupId)) errors.primaryGroupId = { reason: 'not_member' };
  return errors;
}

export const hasErrors = (errors: FormErrors): boolean => Object.keys(errors).length > 0;

/** The fields of the form the adapter knows; the others are left out of what is saved. */
export interface FormFields {
  phoneLine: boolean;
  primaryGroup: boolean;
  published: boolean;
}

export function toInput(draft: ExtensionDraft, fields: FormFields): ExtensionInput {
  return {
    number: draft.number,
    name: draft.name.trim(),
    ...(fields.phoneLine ? { phoneLineId: draft.phoneLineId || null } : {}),
    ...(fields.primaryGroup ? { primaryGroupId: draft.primaryGroupId || null } : {}),
    ...(fields.published ? { published: draft.published } : {}),
  };
}

/**
 * The backend's validation reasons at the form's fields. Reasons for fields the form does not
 * show are answered apart, so they are shown too rather than lost.
 */
export function serverErrors(error: RingsideError, shown: readonly FormField[] = FORM_FIELDS): { fields: FormErrors; other: FieldReason[] } {
  const fields: FormErrors = {};
  const other: FieldReason[] = [];
  for (const reason of error.fields) {
    const field = (shown as readonly string[]).includes(reason.field) ? (reason.field as FormField) : null;
    if (!field) other.push(reason);
    else if (!fields[field]) fields[field] = reason.params ? { reason: reason.reason, params: reason.params } : { reason: reason.reason };
  }
  return { fields, other };
}

/** The form's label (`extensionTable.form.<key>`) of a backend field; null for a field it does not know. */
export function fieldLabelKey(field: string): string | null {
  const labels: Record<string, string> = {
    number: 'number',
    name: 'name',
    phoneLineId: 'phoneLine',
    primaryGroupId: 'primaryGroup',
    published: 'published',
  };
  return Object.hasOwn(labels, field) ? labels[field]! : null;
}

/**
 * The extension that has `number`, found through a search for it in number order (a search also
 * matches names and phone lines, so the owner may come after other matches): pages are read until
 * one passes the number. Extension numbers of a customer all have the same length.
 */
export async function findNumberOwner(number: string, searchPage: (page: number) => Promise<Page<Extension>>): Promise<Extension | undefined> {
  for (let page = 1; ; page++) {
    const answer = await searchPage(page);
    const owner = answer.items.find((item) => item.number === number);
    if (owner) return owner;
    const last = answer.items.at(-1);
    const passed = !last || last.number.length > number.length || (last.number.length === number.length && last.number > number);
    if (passed || page * answer.pageSize >= answer.total) return undefined;
  }
}
