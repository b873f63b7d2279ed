import type { ExtensionCapabilities, ExtensionSortField } from '@ringside/core';

export type ColumnId = 'select' | 'number' | 'name' | 'phoneLine' | 'primaryGroup' | 'published' | 'recordedName' | 'edit' | 'delete';

export interface Column {
  id: ColumnId;
  /** The adapter's sort field; absent for columns that do not sort. */
  sort?: ExtensionSortField;
  /** The CSS grid track of the column. */
  track: string;
  /** Narrowest width in rem, so the table scrolls sideways instead of squeezing. */
  minRem: number;
  /** A column of the data (exported to CSV), not a control. */
  data: boolean;
}

const COLUMNS: Record<ColumnId, Column> = {
  select: { id: 'select', track: '2.75rem', minRem: 2.75, data: false },
  number: { id: 'number', sort: 'number', track: 'minmax(6rem, 0.7fr)', minRem: 6, data: true },
  name: { id: 'name', sort: 'name', track: 'minmax(9rem, 1.6fr)', minRem: 9, data: true },
  phoneLine: { id: 'phoneLine', sort: 'phoneLine', track: 'minmax(9rem, 1.2fr)', minRem: 9, data: true },
  primaryGroup: { id: 'primaryGroup', sort: 'primaryGroup', track: 'minmax(9rem, 1.2fr)', minRem: 9, data: true },
  published: { id: 'published', sort: 'published', track: 'minmax(6.5rem, 0.7fr)', minRem: 6.5, data: true },
  recordedName: { id: 'recordedName', sort: 'recordedName', track: 'minmax(7rem, 0.8fr)', minRem: 7, data: true },
  edit: { id: 'edit', track: '5.5rem', minRem: 5.5, data: false },
  delete: { id: 'delete', track: '5.5rem', minRem: 5.5, data: false },
};

/** The columns to show: the optional ones only when the adapter provides them; controls only when writable. */
export function visibleColumns(fields: ExtensionCapabilities['fields'], writable: boolean): Column[] {
  const optional = (['phoneLine', 'primaryGroup', 'published', 'recordedName'] as const).filter((field) => fields.includes(field));
  const ids: ColumnId[] = [...(writable ? (['select'] as const) : []), 'number', 'name', ...optional, ...(writable ? (['edit', 'delete'] as const) : [])];
  return ids.map((id) => COLUMNS[id]);
}

export const gridTemplate = (columns: readonly Column[]): string => columns.map((column) => column.track).join(' ');
export const minimumWidth = (columns: readonly Column[]): number => columns.reduce((sum, column) => sum + column.minRem, 0);
