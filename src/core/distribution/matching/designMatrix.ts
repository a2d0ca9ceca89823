import type { ImageAttributes } from '../distTypes';

/** Standardised feature columns (column-major) for a classifier, with what each column is. */
export interface Design {
  readonly columns: Float64Array[];
  /** Attributes that entered (varied on the pooled images). */
  readonly attributes: string[];
  /** Attributes that also got a squared term (non-binary ones). */
  readonly squared: string[];
}

// Standardised values are clipped here so one extreme image cannot dominate the squared terms.
const Z_LIMIT = 5;

function rawColumn(items: readonly ImageAttributes[], name: string): Float64Array {
  return Float64Array.from(items, (item) => {
    const v = item.values[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  });
}

/** Standardises the measured entries of a column in place over themselves; missing entries (NaN) become 0, the mean. Null when constant. */
function standardise(column: Float64Array): Float64Array | null {
  let n = 0;
  let sum = 0;
  for (const v of column) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n < 2) return null;
  const mean = sum / n;
  let squares = 0;
  for (const v of column) if (!Number.isNaN(v)) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  if (!(sd > 1e-12)) return null;
  return column.map((v) => (Number.isNaN(v) ? 0 : Math.max(-Z_LIMIT, Math.min(Z_LIMIT, (v - mean) / sd))));
}

function isBinary(column: Float64Array): boolean {
  return column.every((v) => Number.isNaN(v) || v === 0 || v === 1);
}

/**
 * One standardised column per attribute that varies, plus a standardised square for non-binary ones, so a linear
 * classifier can also tell a change of spread (e.g. a wider yaw) from a change of mean.
 */
export function buildDesign(items: readonly ImageAttributes[], names: readonly string[]): Design {
  const columns: Float64Array[] = [];
  const attributes: string[] = [];
  const squared: string[] = [];
  for (const name of names) {
    const raw = rawColumn(items, name);
    const z = standardise(raw);
    if (z === null) continue;
    columns.push(z);
    attributes.push(name);
    if (isBinary(raw)) continue;
    const square = standardise(z.map((v, i) => (Number.isNaN(raw[i]) ? Number.NaN : v * v)));
    if (square === null) continue;
    columns.push(square);
    squared.push(name);
  }
  return { columns, attributes, squared };
}
