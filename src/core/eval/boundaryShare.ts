/**
 * How much of a score's error sits in the ground-truth boundary band. A score s in [0, 1] has error 1 − s; leaving the
 * band out turns the strict score S into the tolerant score T, so the band accounts for (T − S) / (1 − S) of the
 * strict error. That is 1 when the band held all of it, 0 when leaving it out changed nothing, and negative when the
 * tolerant score is lower (the pixels outside the band are relatively worse, or a class that lived only in the band
 * left the mean). It is never above 1, since T ≤ 1. With no strict error (S = 1) there is nothing to share: null.
 */

/** The scores a share is computed from: what run.json's summary and its `tolerant` part both hold. */
export interface ShareInputs {
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  readonly scoredPixels: number;
  readonly perClass: ReadonlyArray<{ readonly name: string; readonly f1: number | null }>;
}

/** The band's share of the strict error, per score. */
export interface BoundaryShares {
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  /** Wrong pixels inside the band / all wrong pixels: a count, so always 0–1 (null without wrong pixels). */
  readonly wrongPixels: number | null;
  /** (T − S) / (1 − S) on each class's F1, by class name; null where either F1 is missing or the strict F1 is 1. */
  readonly perClassF1: Readonly<Record<string, number | null>>;
}

/** Below this strict error a ratio would only measure rounding. */
const NO_ERROR = 1e-12;

/** (tolerant − strict) / (1 − strict): the band's share of the strict error; null without both scores or without error. */
export function shareOfError(strict: number | null | undefined, tolerant: number | null | undefined): number | null {
  if (!isScore(strict) || !isScore(tolerant)) return null;
  const error = 1 - strict;
  if (error <= NO_ERROR) return null;
  return Math.min(1, (tolerant - strict) / error);
}

/** The band's share of the error of every headline score, of the wrong pixels, and of each class's F1. */
export function boundaryShares(strict: ShareInputs, tolerant: ShareInputs): BoundaryShares {
  const tolerantF1 = new Map(tolerant.perClass.map((c) => [c.name, c.f1]));
  const perClassF1: Record<string, number | null> = {};
  for (const c of strict.perClass) perClassF1[c.name] = shareOfError(c.f1, tolerantF1.get(c.name));
  return {
    meanF1: shareOfError(strict.meanF1, tolerant.meanF1),
    mIoU: shareOfError(strict.mIoU, tolerant.mIoU),
    pixelAccuracy: shareOfError(strict.pixelAccuracy, tolerant.pixelAccuracy),
    wrongPixels: wrongPixelShare(strict, tolerant),
    perClassF1,
  };
}

/** The band's pixels are the strict pixels the tolerant matrix lacks, so its wrong pixels are the difference. */
function wrongPixelShare(strict: ShareInputs, tolerant: ShareInputs): number | null {
  const wrongStrict = wrongPixels(strict);
  const wrongTolerant = wrongPixels(tolerant);
  if (wrongStrict === null || wrongTolerant === null || wrongStrict === 0) return null;
  return Math.min(1, Math.max(0, (wrongStrict - wrongTolerant) / wrongStrict));
}

function wrongPixels(view: ShareInputs): number | null {
  if (!isScore(view.pixelAccuracy) || !Number.isFinite(view.scoredPixels)) return null;
  // Pixel accuracy is correct / scored, so this gives back a whole count up to rounding.
  return Math.round((1 - view.pixelAccuracy) * view.scoredPixels);
}

function isScore(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** What a share sentence states: the strict and tolerant mean F1, the band and the two shares. */
export interface ShareSentenceInputs {
  readonly strictMeanF1: number | null;
  readonly tolerantMeanF1: number | null;
  readonly boundaryK: number;
  readonly shareOfError: number | null;
  readonly wrongPixelShare: number | null;
}

/**
 * E.g. "mean F1 0.8120 strict · 0.9030 tolerant (boundary band k=3): 48% of the error is within 2 px of a ground-truth
 * edge; 52% of the wrong pixels lie in the band"; `digits` decimals for the scores.
 */
export function shareSentence(s: ShareSentenceInputs, digits: number): string {
  const fixed = (v: number | null): string => (v === null ? '–' : v.toFixed(digits));
  const head = `mean F1 ${fixed(s.strictMeanF1)} strict · ${fixed(s.tolerantMeanF1)} tolerant (boundary band k=${s.boundaryK})`;
  const where = s.boundaryK <= 1 ? 'on a pixel touching a ground-truth edge' : `within ${s.boundaryK - 1} px of a ground-truth edge`;
  const pixels = s.wrongPixelShare === null ? '' : `; ${wholePercent(s.wrongPixelShare)} of the wrong pixels lie in the band`;
  if (s.shareOfError === null) return `${head}: ${s.strictMeanF1 === 1 ? 'no error to share' : 'no share (a score is missing)'}${pixels}`;
  const lower = s.shareOfError < 0 ? ' (negative: leaving the band out lowers mean F1)' : '';
  return `${head}: ${wholePercent(s.shareOfError)} of the error is ${where}${lower}${pixels}`;
}

/** A share as a whole percentage with a true minus sign, e.g. "48%", "−12%". */
export function wholePercent(share: number): string {
  const value = Math.round(share * 100);
  return value < 0 ? `\u2212${-value}%` : `${value}%`;
}
