import type { AttributeComparison, AttributeDef } from '../../src/protocol/distributionPanelMessages';

/** A number with three significant digits ("0.0123", "12.3", "1,234"), or an en dash. */
export function sig3(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value !== 0 && Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString().replace('-', '−');
}

/** A number with two decimals ("0.42"), or an en dash. */
export function fixed2(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2).replace('-', '−');
}

/** A share 0–1 as a percentage ("12.5%"), or an en dash. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** A whole count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** An attribute's value in its own terms: a rate for binary attributes, a share as a percentage, degrees with °. */
export function attributeValue(value: number | null | undefined, attr: Pick<AttributeDef, 'kind' | 'unit'>): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (attr.kind === 'binary') return percent(value, 0);
  if (/share/i.test(attr.unit)) return percent(value);
  if (attr.unit === '°') return `${sig3(value)}°`;
  return attr.unit && attr.unit.length <= 4 ? `${sig3(value)} ${attr.unit}` : sig3(value);
}

/** "B higher", "B lower" or "same", with an arrow. */
export function directionText(direction: AttributeComparison['direction']): string {
  return direction === 'higher' ? '↑ B higher' : direction === 'lower' ? '↓ B lower' : '= same';
}

/** The distance's metric in words. */
export function metricText(metric: string): string {
  return metric === 'wasserstein-1' ? 'Wasserstein-1' : metric === 'total-variation' ? 'total variation' : metric;
}
