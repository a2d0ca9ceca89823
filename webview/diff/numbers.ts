/** A share 0–1 as a percentage with one decimal ("12.5%"), or an en dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** A signed length in pixels ("+1.25 px", "−0.50 px"), or an en dash. */
export function signedPx(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = Math.abs(value).toFixed(2);
  // A value that rounds to zero gets no sign: "+0.00" would claim a direction the numbers do not show.
  if (Number(text) === 0) return `${text} px`;
  return value > 0 ? `+${text} px` : `−${text} px`;
}

/** An unsigned length in pixels ("1.25 px"), or an en dash. */
export function px(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)} px`;
}

/** A ratio with two decimals ("1.08"), or an en dash. */
export function ratio(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);
}

/** A whole count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
