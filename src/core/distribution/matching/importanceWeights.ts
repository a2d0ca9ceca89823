import type { ImageAttributes } from '../distTypes';
import { quantile } from '../compare/weightedStats';
import { buildDesign } from './designMatrix';
import { fitLogistic, linearPredictor } from './logisticRegression';

/** Importance weights for A's images (aligned with A, mean 1), how they were fitted, and the attributes used. */
export interface ImportanceWeights {
  readonly weights: number[];
  readonly method: string;
  readonly attributes: string[];
}

/** L2 penalty on the standardised coefficients; keeps the fit finite when an attribute separates the sets. */
const LAMBDA = 1;
/** Weights above this quantile are clipped to it, so a few images cannot carry the whole weighted set. */
const CLIP_QUANTILE = 0.99;
// Keeps exp() finite; a log-odds of ±30 is far past any clip.
const ETA_LIMIT = 30;

/** Scales weights to mean 1 after clipping at the CLIP_QUANTILE quantile. */
function clipAndNormalise(raw: readonly number[]): number[] {
  const cap = quantile(raw, CLIP_QUANTILE);
  const clipped = raw.map((w) => Math.min(w, cap));
  const mean = clipped.reduce((s, w) => s + w, 0) / clipped.length;
  return mean > 0 ? clipped.map((w) => w / mean) : clipped.map(() => 1);
}

/**
 * Weights w_i for A's images so that A's attribute distribution matches B's: a logistic classifier B vs A on the
 * standardised attributes (squared terms for non-binary ones, missing values mean-imputed) gives
 * w_i = p(B|x_i)/p(A|x_i)·n_A/n_B, clipped at the 99th percentile and scaled to mean 1. Needs B's images to lie
 * where A has images: weighting cannot create what A lacks.
 */
export function importanceWeights(a: readonly ImageAttributes[], b: readonly ImageAttributes[], names: readonly string[]): ImportanceWeights {
  if (a.length === 0) return { weights: [], method: 'no weights: A has no images', attributes: [] };
  if (b.length === 0) return { weights: a.map(() => 1), method: 'uniform weights: B has no images', attributes: [] };
  const design = buildDesign([...a, ...b], names);
  if (design.columns.length === 0) return { weights: a.map(() => 1), method: 'uniform weights: no attribute varies across the two sets', attributes: [] };
  const y = Float64Array.from({ length: a.length + b.length }, (_, i) => (i < a.length ? 0 : 1));
  const fit = fitLogistic(design.columns, y, LAMBDA);
  const eta = linearPredictor(design.columns, [fit.intercept, ...fit.coef], a.length);
  const ratio = a.length / b.length;
  const weights = clipAndNormalise(Array.from(eta, (e) => Math.exp(Math.max(-ETA_LIMIT, Math.min(ETA_LIMIT, e))) * ratio));
  const method =
    `L2-regularised logistic regression (λ = ${LAMBDA}, Newton, ${fit.iterations} iterations${fit.converged ? '' : ', not converged'}) of B vs A ` +
    `on ${design.attributes.length} standardised attributes (${design.squared.length} with a squared term), missing values mean-imputed; ` +
    `w = p(B|x)/p(A|x)·n_A/n_B, clipped at the ${Math.round(CLIP_QUANTILE * 100)}th percentile and scaled to mean 1`;
  return { weights, method, attributes: design.attributes };
}
