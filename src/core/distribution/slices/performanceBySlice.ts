import { binIndex, sharedEdges } from '../compare/histogram';
import { effectiveSampleSize, measuredSample } from '../compare/weightedStats';
import type { AttributeDef, ImageAttributes, SliceRecord } from '../distTypes';
import { importanceWeights } from '../matching/importanceWeights';

/** One bin of a slice: the run's score there and how the test and training images spread over the bins. */
export interface SliceBin {
  readonly from: number;
  readonly to: number;
  /** Mean of the per-image scores of the test images in the bin; null when none. */
  readonly meanScore: number | null;
  /** Standard deviation of those scores; null when fewer than 2. */
  readonly sdScore: number | null;
  readonly count: number;
  /** Share of the training set's measured images in the bin. */
  readonly trainShare: number;
  /** Share of the scored test images in the bin. */
  readonly testShare: number;
}

/** A run's per-image score binned by one attribute over the training set's distribution of it (a SliceRecord with more per bin). */
export interface SliceResult extends SliceRecord {
  readonly bins: readonly SliceBin[];
  /** Test images with both a score and the attribute. */
  readonly scored: number;
  /** Training images with the attribute. */
  readonly trainMeasured: number;
  /** Mean score over the scored test images; null when none. */
  readonly meanScore: number | null;
}

/** Score entries whose image has attributes, as aligned arrays of attribute records and scores. */
function joinScores(scores: ReadonlyArray<{ id: string; score: number }>, test: readonly ImageAttributes[]): { items: ImageAttributes[]; scores: number[] } {
  const byId = new Map(test.map((item) => [item.id, item]));
  const items: ImageAttributes[] = [];
  const values: number[] = [];
  for (const entry of scores) {
    const item = byId.get(entry.id);
    if (item === undefined || !Number.isFinite(entry.score)) continue;
    items.push(item);
    values.push(entry.score);
  }
  return { items, scores: values };
}

function meanSd(values: readonly number[]): { mean: number | null; sd: number | null } {
  if (values.length === 0) return { mean: null, sd: null };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length < 2) return { mean, sd: null };
  return { mean, sd: Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) };
}

/**
 * Bins a run's per-image score (e.g. mean F1) by an attribute of the test images: continuous attributes over shared bins
 * from the pooled test and training range, binary ones by 0/1; each bin carries the mean score, the test count and the
 * training set's share, so a plot can draw the score over the training distribution.
 */
export function scoreBySlice(scores: ReadonlyArray<{ id: string; score: number }>, test: readonly ImageAttributes[], train: readonly ImageAttributes[], def: AttributeDef): SliceResult {
  const joined = joinScores(scores, test);
  const scored = joined.items.flatMap((item, i) => (Number.isFinite(item.values[def.name]) ? [{ value: item.values[def.name], score: joined.scores[i] }] : []));
  const trainValues = measuredSample(train, def.name).values;
  const pooled = [...scored.map((s) => s.value), ...trainValues];
  const edges = def.kind === 'binary' ? [0, 0.5, 1] : pooled.length > 0 ? sharedEdges(pooled, { minBins: 3, maxBins: 12 }) : [];
  const binCount = Math.max(0, edges.length - 1);
  const perBin = Array.from({ length: binCount }, () => [] as number[]);
  for (const s of scored) perBin[binIndex(edges, s.value)].push(s.score);
  const trainCounts = new Array<number>(binCount).fill(0);
  for (const v of trainValues) trainCounts[binIndex(edges, v)]++;
  const bins = perBin.map((binScores, k): SliceBin => {
    const { mean, sd } = meanSd(binScores);
    const trainShare = trainValues.length > 0 ? trainCounts[k] / trainValues.length : 0;
    const testShare = scored.length > 0 ? binScores.length / scored.length : 0;
    return { from: edges[k], to: edges[k + 1], meanScore: mean, sdScore: sd, count: binScores.length, trainShare, testShare };
  });
  const overall = meanSd(scored.map((s) => s.score)).mean;
  return { attribute: def.name, title: def.title, unit: def.unit, kind: def.kind, bins, scored: scored.length, trainMeasured: trainValues.length, meanScore: overall };
}

/** The test set's mean score reweighted to the training set's attribute distribution, with the plain mean. */
export interface ExpectedScore {
  /** Plain mean score over the scored test images. */
  readonly plainMean: number;
  /** Importance-weighted mean: the expected score if the test set's attributes were distributed like the training set's. */
  readonly weightedMean: number;
  /** Effective sample size of the weights; far below `scored` means few test images resemble the training set. */
  readonly effectiveSize: number;
  readonly scored: number;
  readonly method: string;
  readonly attributes: readonly string[];
}

/**
 * The importance-weighted mean score on the test set with weights that make its attribute distribution match the
 * training set's (test → train, from importanceWeights): a distribution-gap estimate without retraining. NaN when no
 * test image has a score.
 */
export function expectedScoreUnderTraining(scores: ReadonlyArray<{ id: string; score: number }>, test: readonly ImageAttributes[], train: readonly ImageAttributes[], names: readonly string[]): ExpectedScore {
  const joined = joinScores(scores, test);
  const n = joined.scores.length;
  const plainMean = n > 0 ? joined.scores.reduce((s, v) => s + v, 0) / n : Number.NaN;
  const fit = importanceWeights(joined.items, train, names);
  const totalWeight = fit.weights.reduce((s, w) => s + w, 0);
  const weightedMean = totalWeight > 0 ? fit.weights.reduce((s, w, i) => s + w * joined.scores[i], 0) / totalWeight : Number.NaN;
  return { plainMean, weightedMean, effectiveSize: effectiveSampleSize(fit.weights), scored: n, method: fit.method, attributes: fit.attributes };
}
