import { boundaryShares, type BoundaryShares, type ShareInputs } from '../eval/boundaryShare';
import type { EvalSummary } from '../eval/evalReport';

/** A run's scores with the ground-truth boundary band left out, and the band's share of the strict error. */
export interface TolerantHeadline {
  readonly boundaryK: number;
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  /** The band's share of the strict mean F1's error (see boundaryShare.ts). */
  readonly shareOfError: number | null;
  readonly shares: BoundaryShares;
  /** Tolerant F1 by class name. */
  readonly classF1: ReadonlyMap<string, number | null>;
}

/**
 * The tolerant part of a run.json summary, or undefined when the run has none (or it is malformed). Files written
 * before the shares were recorded lack them: they are then worked out from the stored strict and tolerant scores.
 */
export function tolerantHeadline(summary: EvalSummary | undefined): TolerantHeadline | undefined {
  const t = summary?.tolerant as Partial<EvalSummary['tolerant']> | undefined;
  if (!summary || !t || typeof t.boundaryK !== 'number' || !Array.isArray(t.perClass) || !Array.isArray(summary.perClass)) return undefined;
  const stored = isShares(t.boundaryShares) ? t.boundaryShares : boundaryShares(shareInputs(summary), shareInputs(t as ShareInputs));
  const meanShare = t.boundaryShareOfError;
  return {
    boundaryK: t.boundaryK,
    meanF1: scoreOrNull(t.meanF1),
    mIoU: scoreOrNull(t.mIoU),
    pixelAccuracy: scoreOrNull(t.pixelAccuracy),
    shareOfError: typeof meanShare === 'number' || meanShare === null ? meanShare : stored.meanF1,
    shares: stored,
    classF1: new Map(t.perClass.map((c) => [c.name, scoreOrNull(c.f1)])),
  };
}

function shareInputs(view: ShareInputs): ShareInputs {
  return {
    meanF1: scoreOrNull(view.meanF1),
    mIoU: scoreOrNull(view.mIoU),
    pixelAccuracy: scoreOrNull(view.pixelAccuracy),
    scoredPixels: typeof view.scoredPixels === 'number' ? view.scoredPixels : Number.NaN,
    perClass: view.perClass.map((c) => ({ name: c.name, f1: scoreOrNull(c.f1) })),
  };
}

function isShares(value: unknown): value is BoundaryShares {
  const v = value as Partial<BoundaryShares> | undefined;
  return typeof v === 'object' && v !== null && typeof v.perClassF1 === 'object' && v.perClassF1 !== null && 'wrongPixels' in v;
}

function scoreOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
