/** A cell of the grid: row 0 is the header row, rows 1…n the extensions; columns from 0. */
export interface GridCell {
  row: number;
  col: number;
}

export interface GridShape {
  /** Data rows (the header row not counted). */
  rows: number;
  cols: number;
  /** Rows one PageUp/PageDown moves. */
  pageRows: number;
  /** Right to left: ArrowLeft moves to the next column. */
  rtl: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * Where a key moves the focus in the grid (the keys of the ARIA grid pattern), or null when the
 * key is not a navigation key.
 */
export function moveInGrid(key: string, cell: GridCell, shape: GridShape, ctrlKey = false): GridCell | null {
  const lastRow = shape.rows;
  const lastCol = Math.max(0, shape.cols - 1);
  const next = (row: number, col: number): GridCell => ({ row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) });
  const forward = shape.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowDown':
      return next(cell.row + 1, cell.col);
    case 'ArrowUp':
      return next(cell.row - 1, cell.col);
    case 'ArrowRight':
      return next(cell.row, cell.col + forward);
    case 'ArrowLeft':
      return next(cell.row, cell.col - forward);
    case 'Home':
      return ctrlKey ? next(0, 0) : next(cell.row, 0);
    case 'End':
      return ctrlKey ? next(lastRow, lastCol) : next(cell.row, lastCol);
    case 'PageDown':
      return next(Math.max(1, cell.row + shape.pageRows), cell.col);
    case 'PageUp':
      return next(cell.row === 0 ? 0 : Math.max(1, cell.row - shape.pageRows), cell.col);
    default:
      return null;
  }
}
