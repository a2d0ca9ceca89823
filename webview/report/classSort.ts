import type { ClassRowView } from '../../src/protocol/reportPanelMessages';
import type { ClassColumn } from './classColumns';
import type { SortDirection } from './reportUiState';

/** The rows ordered by the column, ascending or descending; rows without a value always come last; ties keep their order. */
export function sortClassRows(rows: readonly ClassRowView[], column: ClassColumn, direction: SortDirection): ClassRowView[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const aMissing = isMissing(a.value);
      const bMissing = isMissing(b.value);
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      return sign * compareValues(a.value as number | string, b.value as number | string) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

function isMissing(value: number | string | null): boolean {
  return value === null || (typeof value === 'number' && Number.isNaN(value));
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** The direction a click on a header gives: descending first for numbers (best first), ascending first for names. */
export function nextDirection(column: ClassColumn, currentKey: string | undefined, current: SortDirection | undefined): SortDirection {
  if (currentKey === column.key && current) return current === 'asc' ? 'desc' : 'asc';
  return column.numeric ? 'desc' : 'asc';
}
