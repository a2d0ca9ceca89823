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

/** A number with three significant digits (whole above 1000, exponent form when very large or small) and a real minus sign; "–" when not finite. */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const text =
    abs === 0 ? '0' : abs >= 1e6 || abs < 0.001 ? abs.toExponential(2) : abs >= 1000 ? Math.round(abs).toString() : abs.toPrecision(3).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return value < 0 ? `\u2212${text}` : text;
}
