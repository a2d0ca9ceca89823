import { getConcept } from '../schema/concepts';
import type { ConceptGroup } from './conceptGroups';

/** "1.5" with one decimal; "×2.25" for ratios; "93%" for shares. */
export const px = (v: number): string => Math.abs(v).toFixed(1);
export const times = (v: number): string => `×${v.toFixed(2)}`;
export const pct = (v: number): string => `${(v * 100).toFixed(v >= 0.995 || v < 0.1 ? 1 : 0)}%`;

/** "l_brow, r_brow" after the words, so a reader finds the classes. */
export function classList(group: ConceptGroup): string {
  return group.classes.join(', ');
}

/** Joins words as "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The sentence for a consistent boundary offset: the typical shift of the edges both sides draw. */
export function offsetText(group: ConceptGroup, offset: number): string {
  const area = group.pixelsA > 0 ? `; area ${times(group.pixelsB / group.pixelsA)}` : '';
  const where = `Where both label the ${group.words}, B's edge`;
  if (offset > 0) return `${where} lies ${px(offset)} px beyond A's (typical shift; about ${px(2 * offset)} px wider across${area}; ${classList(group)})`;
  return `${where} lies ${px(offset)} px inside A's (typical shift; about ${px(2 * offset)} px narrower across${area}; ${classList(group)})`;
}

/** The sentence for outlines that differ without a consistent direction. */
export function outlineText(group: ConceptGroup, distance: number, offset: number): string {
  return `B's ${group.words} outline lies ${px(distance)} px from A's on average, with no consistent direction (signed offset ${offset >= 0 ? '+' : '−'}${px(offset)} px; ${classList(group)})`;
}

/** The sentence for a difference in outline roughness. */
export function roughnessText(group: ConceptGroup, roughA: number, roughB: number): string {
  const which = roughB < roughA ? 'smoother' : 'rougher';
  const [subject, whose] = group.plural ? ['boundaries are', 'their outlines are'] : ['boundary is', 'its outline is'];
  const name = group.plural ? (getConcept(group.concept)?.title ?? group.words) : group.words;
  return `B's ${name} ${subject} ${which} than A's: ${whose} ${roughB.toFixed(2)}× the length of the same outline smoothed, A's ${roughA.toFixed(2)}× (${classList(group)})`;
}
