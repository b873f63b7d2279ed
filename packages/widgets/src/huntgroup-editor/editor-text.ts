/**
 * The editor's words: its translated strings, labels of values the backend may extend, and the
 * names of extensions and groups as the user reads them (number and name). Without DOM.
 */
import type { Extension, FieldReason, HuntGroup, RingsideError, RingsideI18n } from '@ringside/core';
import type { DraftField, DraftValue } from './draft.js';

export class EditorText {
  readonly #extensions: ReadonlyMap<string, Extension>;
  readonly #groups: ReadonlyMap<string, HuntGroup>;

  constructor(readonly i18n: RingsideI18n, extensions: readonly Extension[] = [], groups: readonly HuntGroup[] = []) {
    this.#extensions = new Map(extensions.map((extension) => [extension.id, extension]));
    this.#groups = new Map(groups.map((group) => [group.id, group]));
  }

  /** A string of the editor (`huntGroups.<key>`). */
  t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(`huntGroups.${key}`, options);
  }

  /** The translated message for an error's code. */
  error(error: RingsideError): string {
    return this.i18n.t(`errors.${error.code}`);
  }

  number(value: number): string {
    return this.i18n.format.number(value);
  }

  /** A translated label for a known value, or the value as the backend wrote it. */
  label(prefix: string, value: string): string {
    const key = `huntGroups.${prefix}.${value}`;
    return this.i18n.has(key) ? this.i18n.t(key) : value;
  }

  extension(id: string): Extension | undefined {
    return this.#extensions.get(id);
  }

  get extensionCount(): number {
    return this.#extensions.size;
  }

  extensionName(extension: Pick<Extension, 'number' | 'name'>): string {
    return this.t('memberName', { number: extension.number, name: extension.name });
  }

  /** A member by its extension; the id when the extension is not (or not yet) known. */
  memberName(extensionId: string): string {
    const extension = this.#extensions.get(extensionId);
    return extension ? this.extensionName(extension) : extensionId;
  }

  groupName(group: Pick<HuntGroup, 'number' | 'name'>): string {
    return this.t('groupName', { number: group.number, name: group.name });
  }

  groupNameById(id: string): string {
    const group = this.#groups.get(id);
    return group ? this.groupName(group) : id;
  }

  /**
   * The name of the field a backend reason is about (`members.3.ringTime` → "Members"); a generic
   * text for a field the editor does not know, never the backend's raw name.
   */
  fieldLabel(field: string): string {
    const key = `huntGroups.conflict.field.${field.split('.')[0]}`;
    return this.i18n.has(key) ? this.i18n.t(key) : this.t('otherField');
  }

  /** "Members: The largest value is 300." */
  fieldReason(reason: FieldReason): string {
    return this.t('fieldReason', { field: this.fieldLabel(reason.field), reason: this.reasonText(reason) });
  }

  reasonText(reason: FieldReason): string {
    const key = `huntGroups.reasons.${reason.reason}`;
    return this.i18n.has(key) ? this.i18n.t(key, reason.params) : this.t('reasons.invalid');
  }

  /** A field's value in one line, as the conflict view shows each side. */
  summary(field: DraftField, value: DraftValue[DraftField]): string {
    if (field === 'members') {
      const members = value as DraftValue['members'];
      return members.length
        ? this.i18n.format.list(
            members.map((member) => {
              const name = this.memberName(member.extensionId);
              return member.primary ? this.t('conflict.primaryMember', { member: name }) : name;
            })
          )
        : this.t('noMembers');
    }
    if (field === 'includedGroups') {
      const entries = value as DraftValue['includedGroups'];
      return entries.length ? this.i18n.format.list(entries.map((entry) => this.groupNameById(entry.groupId))) : this.t('included.empty');
    }
    if (field === 'pickupAllowed') return this.t(value ? 'yes' : 'no');
    if (field === 'sequence') return this.label('sequence', String(value));
    if (field === 'callerIdMode') return this.label('callerId', String(value));
    return String(value);
  }
}
