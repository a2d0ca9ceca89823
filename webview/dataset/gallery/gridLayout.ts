/** The shape of the virtual grid: fixed-size cells in as many columns as fit. */
export interface GridGeometry {
  readonly columns: number;
  readonly rows: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
}

/** A half-open range of item indices [first, end). */
export interface IndexRange {
  readonly first: number;
  readonly end: number;
}

/** Columns that fit the viewport's width (at least one) and the rows the items need. */
export function gridGeometry(viewportWidth: number, count: number, cellWidth: number, cellHeight: number): GridGeometry {
  const columns = Math.max(1, Math.floor(viewportWidth / cellWidth));
  return { columns, rows: Math.ceil(count / columns), cellWidth, cellHeight };
}

/** The items in rows that intersect the viewport, plus `overscanRows` rows above and below. */
export function visibleRange(geometry: GridGeometry, count: number, scrollTop: number, viewportHeight: number, overscanRows: number): IndexRange {
  const firstRow = Math.max(0, Math.floor(scrollTop / geometry.cellHeight) - overscanRows);
  const endRow = Math.min(geometry.rows, Math.ceil((scrollTop + viewportHeight) / geometry.cellHeight) + overscanRows);
  return { first: Math.min(count, firstRow * geometry.columns), end: Math.min(count, endRow * geometry.columns) };
}

/** The scroll position that brings an item's row fully into view, moving as little as possible. */
export function revealScrollTop(geometry: GridGeometry, index: number, scrollTop: number, viewportHeight: number): number {
  const top = Math.floor(index / geometry.columns) * geometry.cellHeight;
  const bottom = top + geometry.cellHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
