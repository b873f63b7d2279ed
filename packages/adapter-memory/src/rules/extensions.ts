import type { ExtensionInput, FieldReason, PhoneLine } from '@ringside/core';
import { reason } from './errors.js';
import { numberReasons, type NumberRulesContext } from './numbers.js';
import { booleanReasons, textReasons } from './values.js';

export const EXTENSION_NAME_MAX = 100;

export interface ExtensionRulesContext extends NumberRulesContext {
  /** The line with this id, or undefined when the customer has none. */
  phoneLine(id: string): PhoneLine | undefined;
  /** The extension being changed; absent when creating one. */
  extensionId?: string;
  /** The hunt groups the extension is a member of (none for a new one). */
  groupIds: readonly string[];
}

/**
 * Reasons to reject an extension: `number` (see numberReasons), `name` `required`/`too_long` ({ max }),
 * `phoneLineId` `unknown`/`line_taken`, `primaryGroupId` `not_member`, `published` `invalid`.
 */
export function extensionReasons(input: ExtensionInput, context: ExtensionRulesContext): FieldReason[] {
  return [
    ...numberReasons(input.number, context),
    ...textReasons('name', input.name, { required: true, max: EXTENSION_NAME_MAX }),
    ...phoneLineReasons(input.phoneLineId, context),
    ...(input.primaryGroupId != null && !context.groupIds.includes(input.primaryGroupId) ? [reason('primaryGroupId', 'not_member')] : []),
    ...booleanReasons('published', input.published, true),
  ];
}

function phoneLineReasons(lineId: string | null | undefined, context: ExtensionRulesContext): FieldReason[] {
  if (lineId == null) return [];
  const line = context.phoneLine(lineId);
  if (!line) return [reason('phoneLineId', 'unknown')];
  if (line.extensionId !== null && line.extensionId !== context.extensionId) return [reason('phoneLineId', 'line_taken')];
  return [];
}
