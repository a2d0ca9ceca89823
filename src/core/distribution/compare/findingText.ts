import type { AttributeComparison } from '../distTypes';
import { dominantChange } from './compareAttribute';
import { findingWords, isRatioUnit } from './findingWords';

// Rates at least this many times apart are worded as "N× more/fewer"; closer ones as "slightly more/fewer".
const RATIO_WORDING = 1.5;

function withUnit(text: string, unit: string): string {
  if (unit === '°' || unit === '%') return `${text}${unit}`;
  return unit.length > 0 && unit.length <= 3 ? `${text} ${unit}` : text;
}

function fixed(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** B's and A's values with shared decimals (two significant digits of the larger), more when they would read the same. */
function pair(b: number, a: number, unit: string): string {
  const largest = Math.max(Math.abs(a), Math.abs(b));
  let decimals = largest > 0 ? Math.max(0, 1 - Math.floor(Math.log10(largest))) : 0;
  while (decimals < 8 && b !== a && fixed(b, decimals) === fixed(a, decimals)) decimals++;
  return `${withUnit(fixed(b, decimals), unit)} vs ${withUnit(fixed(a, decimals), unit)}`;
}

function percent(rate: number): string {
  const p = rate * 100;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}

function times(ratio: number): string {
  return ratio < 10 ? ratio.toFixed(1) : Math.round(ratio).toString();
}

function binaryFinding(c: AttributeComparison): string {
  const pA = c.a.mean;
  const pB = c.b.mean;
  const rates = `(${percent(pB)} of images vs ${percent(pA)})`;
  const what = `images with ${c.title}`;
  if (pA === 0 && pB > 0) return `only B has ${what} (${percent(pB)} of images vs none in A)`;
  if (pB === 0 && pA > 0) return `B has no ${what} (none vs ${percent(pA)} of images in A)`;
  if (pA === pB) return `B has as many ${what} (${percent(pB)} of images on both sides)`;
  if (pB >= pA * RATIO_WORDING) return `B has ${times(pB / pA)}× more ${what} ${rates}`;
  if (pA >= pB * RATIO_WORDING) return `B has ${times(pA / pB)}× fewer ${what} ${rates}`;
  return `B has slightly ${pB > pA ? 'more' : 'fewer'} ${what} ${rates}`;
}

function spreadFinding(c: AttributeComparison): string {
  const wider = c.b.sd > c.a.sd;
  return `B's ${c.title} spreads ${wider ? 'wider' : 'narrower'} (sd ${pair(c.b.sd, c.a.sd, c.unit)})`;
}

function meanFinding(c: AttributeComparison): string {
  const words = findingWords(c.name, c.title);
  if (c.b.mean === c.a.mean) return `${words.subject} about the same (${c.title} ${pair(c.b.mean, c.a.mean, c.unit)})`;
  const change = c.b.mean > c.a.mean ? words.higher : words.lower;
  const relative = isRatioUnit(c.unit) && c.a.mean > 0 && c.b.mean > 0 ? Math.round(Math.abs(c.b.mean / c.a.mean - 1) * 100) : 0;
  const amount = relative > 0 ? `${relative}% ` : '';
  return `${words.subject} ${amount}${change} (${c.title} ${pair(c.b.mean, c.a.mean, c.unit)})`;
}

/** One line with numbers on how B differs from A in this attribute, e.g. "B has 5.1× more glasses (39% of images vs 8%)". */
export function findingText(c: AttributeComparison): string {
  if (c.kind === 'binary') return binaryFinding(c);
  return dominantChange(c) === 'spread' ? spreadFinding(c) : meanFinding(c);
}

/** Most `area:<class>` findings among the findings; the attribute table keeps them all. */
const MAX_AREA_FINDINGS = 2;

/** The findings of the largest differences, largest effect first, at most `max`, leaving out negligible ones (effect below minEffect). */
export function distFindings(comparisons: readonly AttributeComparison[], max: number, minEffect = 0.1): string[] {
  // Part areas move together with the framing (a tighter crop enlarges every part): the few that change most of the
  // picture say it (background, hair), the rest would crowd out other findings.
  const areas = new Set(
    comparisons
      .filter((c) => c.name.startsWith('area:') && c.effect >= minEffect)
      .sort((x, y) => y.distance - x.distance)
      .slice(0, MAX_AREA_FINDINGS)
      .map((c) => c.name),
  );
  const kept = [...comparisons]
    .filter((c) => c.effect >= minEffect)
    .sort((x, y) => y.effect - x.effect)
    .filter((c) => !c.name.startsWith('area:') || areas.has(c.name));
  return kept.slice(0, Math.max(0, max)).map((c) => c.finding || findingText(c));
}
