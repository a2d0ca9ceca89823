/** A score 0–1 with four decimals, or "–" when absent. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(4);
}

/** A signed number with a real minus sign ("−0.21", "+0.05", "±0.00"); "–" when absent. */
export function signed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined) return '–';
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${value < 0 ? '\u2212' : '+'}${text}`;
}
