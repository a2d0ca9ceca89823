/** Scores (e.g. mean F1) of evaluation runs on one real test set; null or absent when the run is not available. */
export interface GapInput {
  /** A model trained on real data. */
  readonly realOnReal?: number | null;
  /** A model trained on synthetic data. */
  readonly synOnReal?: number | null;
  /** A model trained on distribution-matched synthetic data. */
  readonly matchedSynOnReal?: number | null;
  /** The synthetic run scored label-tolerantly (crosswalk and boundary band). */
  readonly tolerantSynOnReal?: number | null;
  /** The matched synthetic run scored label-tolerantly. */
  readonly tolerantMatchedSynOnReal?: number | null;
  /** What the scores are, for the sentences (default "mean F1"). */
  readonly metric?: string;
}

/** One part of the gap; value null when the runs it needs are missing. */
export interface GapPart {
  readonly name: 'distribution' | 'label' | 'photorealism';
  readonly value: number | null;
  /** value / total; null when either is unknown or the total is not positive. */
  readonly share: number | null;
  readonly arithmetic: string;
}

/** The synthetic → real gap split into distribution, label and photorealism parts, with the arithmetic and assumptions. */
export interface GapDecomposition {
  /** realOnReal − synOnReal; null when either is missing. */
  readonly total: number | null;
  readonly metric: string;
  readonly parts: readonly GapPart[];
  /** The arithmetic as sentences, total first. */
  readonly sentences: readonly string[];
  readonly assumptions: readonly string[];
  /** What could not be computed and which run it needs. */
  readonly missing: readonly string[];
}

type Known = number | null;

function known(x: number | null | undefined): Known {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function num(x: number): string {
  return x.toFixed(3).replace('-', '−');
}

function shareOf(value: Known, total: Known): number | null {
  return value !== null && total !== null && total > 0 ? value / total : null;
}

function withShare(text: string, share: number | null): string {
  return share === null ? text : `${text} (${Math.round(share * 100)}% of the gap)`;
}

interface Runs {
  readonly real: Known;
  readonly syn: Known;
  readonly matched: Known;
  readonly tolSyn: Known;
  readonly tolMatched: Known;
}

function labelPart(r: Runs): { value: Known; arithmetic: string; fromUnmatched: boolean } {
  if (r.matched !== null && r.tolMatched !== null) {
    const value = r.tolMatched - r.matched;
    return { value, arithmetic: `tolerant matched-synthetic-on-real ${num(r.tolMatched)} − matched-synthetic-on-real ${num(r.matched)} = ${num(value)}`, fromUnmatched: false };
  }
  if (r.syn !== null && r.tolSyn !== null) {
    const value = r.tolSyn - r.syn;
    return { value, arithmetic: `tolerant synthetic-on-real ${num(r.tolSyn)} − synthetic-on-real ${num(r.syn)} = ${num(value)}`, fromUnmatched: r.matched !== null };
  }
  return { value: null, arithmetic: 'not computed: needs a label-tolerant score of the (matched) synthetic run', fromUnmatched: false };
}

function photorealismPart(total: Known, distribution: Known, label: Known): { value: Known; arithmetic: string } {
  if (total === null) return { value: null, arithmetic: 'not computed: needs the total gap' };
  const missing = [distribution === null ? 'distribution' : '', label === null ? 'label' : ''].filter(Boolean);
  const value = total - (distribution ?? 0) - (label ?? 0);
  const terms = [num(total), distribution === null ? '' : `− ${num(distribution)}`, label === null ? '' : `− ${num(label)}`].filter(Boolean).join(' ');
  if (missing.length > 0) return { value: null, arithmetic: `not separated: the remainder ${terms} = ${num(value)} still holds the unmeasured ${missing.join(' and ')} part` };
  return { value, arithmetic: `remainder ${terms} = ${num(value)}` };
}

function missingRuns(r: Runs): string[] {
  const missing: string[] = [];
  if (r.real === null || r.syn === null) missing.push('total gap: needs the real-on-real and synthetic-on-real runs');
  if (r.matched === null || r.syn === null) missing.push('distribution part: needs the synthetic-on-real and matched-synthetic-on-real runs');
  if (r.tolMatched === null && (r.tolSyn === null || r.syn === null)) missing.push('label part: needs a label-tolerant score of the matched (or plain) synthetic run');
  return missing;
}

/**
 * Splits the synthetic → real gap (realOnReal − synOnReal) sequentially: distribution = matched − synthetic, label =
 * tolerant − strict score of the matched run (of the synthetic run without one), photorealism = the remainder.
 */
export function decomposeGap(input: GapInput): GapDecomposition {
  const r: Runs = { real: known(input.realOnReal), syn: known(input.synOnReal), matched: known(input.matchedSynOnReal), tolSyn: known(input.tolerantSynOnReal), tolMatched: known(input.tolerantMatchedSynOnReal) };
  const metric = input.metric ?? 'mean F1';
  const total = r.real !== null && r.syn !== null ? r.real - r.syn : null;
  const distribution = r.matched !== null && r.syn !== null ? r.matched - r.syn : null;
  const label = labelPart(r);
  const photo = photorealismPart(total, distribution, label.value);
  const distributionText = distribution === null ? 'not computed: needs the matched-synthetic-on-real run' : `matched-synthetic-on-real ${num(r.matched ?? 0)} − synthetic-on-real ${num(r.syn ?? 0)} = ${num(distribution)}`;
  const parts: GapPart[] = [
    { name: 'distribution', value: distribution, share: shareOf(distribution, total), arithmetic: distributionText },
    { name: 'label', value: label.value, share: shareOf(label.value, total), arithmetic: label.arithmetic },
    { name: 'photorealism', value: photo.value, share: shareOf(photo.value, total), arithmetic: photo.arithmetic },
  ];
  const totalText = total === null ? 'Total gap: not computed' : `Total gap (${metric}) = real-on-real ${num(r.real ?? 0)} − synthetic-on-real ${num(r.syn ?? 0)} = ${num(total)}`;
  const sentences = [totalText, ...parts.map((p) => withShare(`${capitalise(p.name)} part: ${p.arithmetic}`, p.share))];
  return { total, metric, parts, sentences, assumptions: assumptionsFor(total, label.fromUnmatched), missing: missingRuns(r) };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function assumptionsFor(total: Known, labelFromUnmatched: boolean): string[] {
  const lines = [
    'All runs are scored on the same real test set with the same protocol; only the training data differs between them.',
    'The parts are measured one after another (distribution first, then labels on the matched run); the gaps interact, so another order would give other parts.',
    'The distribution part assumes the matched synthetic set differs from the full one only in its attribute distribution (same generator, labels and training recipe); if it is smaller, the lost data counts against this part.',
    'The label part is the gain from label-tolerant scoring (crosswalk and boundary band): it counts only the convention differences that scoring forgives, and may also forgive some genuine boundary errors.',
    'Photorealism is the remainder: whatever the measured parts do not explain, including run-to-run training noise.',
    'Differences smaller than the seed-to-seed spread of training runs are not meaningful; a negative part means that step lowered the score.',
  ];
  if (labelFromUnmatched) lines.push('The matched run has no tolerant score, so the label part was measured on the unmatched synthetic run; the three parts then need not add up to a sequential split.');
  if (total !== null && total <= 0) lines.push('The synthetic-trained model scores at least as well as the real-trained one, so there is no gap to share out; shares are left out.');
  return lines;
}
