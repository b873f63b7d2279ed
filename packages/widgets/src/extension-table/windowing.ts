/** The rows to render for a scroll position: `first` to `end` (exclusive), placed `offset` px down. */
export interface RowWindow {
  first: number;
  end: number;
  /** Where the first rendered row starts, from the top of the body. */
  offset: number;
  /** The height of all rows together, so the scroll bar reflects the whole list. */
  height: number;
}

export interface WindowInput {
  /** The body's scroll position, in px from the top of the first row. */
  scrollTop: number;
  /** The visible height of the body, in px. */
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Extra rows rendered above and below, so fast scrolling does not show blank space. */
  overscan: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): RowWindow {
  const height = total * rowHeight;
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0, offset: 0, height: Math.max(0, height) };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewportHeight));
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + Math.max(viewportHeight, rowHeight)) / rowHeight);
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, lastVisible + overscan);
  return { first, end, offset: first * rowHeight, height };
}

/** How many whole rows fit in the viewport: the step of PageUp and PageDown. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewportHeight / rowHeight)) : 1;
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible; the current
 * position when it is already visible.
 */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
