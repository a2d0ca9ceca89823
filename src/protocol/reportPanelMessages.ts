import type { SchemaView } from './viewTypes';

/** One class's scores in one run (null: the class is absent from both ground truth and prediction). */
export interface ClassScoresView {
  readonly f1: number | null;
  readonly iou: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly gtPixels: number;
  readonly predPixels: number;
  /** F1 with the ground-truth boundary band left out; absent when the run has no tolerant scores. */
  readonly tolerantF1?: number | null;
}

/** A run's scores with the ground-truth boundary band left out, and how much of the strict error the band holds. */
export interface TolerantSummaryView {
  readonly boundaryK: number;
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  /** (tolerant − strict) / (1 − strict) on mean F1: up to 1, negative when the tolerant score is lower; null without strict error. */
  readonly shareOfError: number | null;
  /** Wrong pixels inside the band / all wrong pixels. */
  readonly wrongPixelShare: number | null;
  /** Strict and tolerant mean F1 and both shares in words. */
  readonly sentence: string;
}

/** A row of the per-class table: one concept (and side) aligned across the runs' schemas. */
export interface ClassRowView {
  /** What the row is called, e.g. "l_eye" or "eye (left, subject)". */
  readonly name: string;
  /** Scores per run, in the order of `runs`; null where that run's schema has no such class. */
  readonly perRun: ReadonlyArray<ClassScoresView | null>;
}

/** The confusion matrix of a run, rows = ground truth, columns = prediction (both in the ground truth's schema). */
export interface ConfusionView {
  /** Class ids and names of rows and columns. */
  readonly classes: ReadonlyArray<{ readonly id: number; readonly name: string }>;
  /** Pixel counts, row-major, classes.length². */
  readonly counts: readonly number[];
}

/** One of the worst images of a run. */
export interface WorstImageView {
  readonly id: string;
  readonly image: string;
  readonly meanF1: number | null;
  /** Webview URI of a thumbnail of the error map (or of the image), when one could be made. */
  readonly thumbnailUri?: string;
}

/** One run as the report shows it. */
export interface RunSummaryView {
  /** "#1", "#2", … */
  readonly label: string;
  readonly dir: string;
  readonly schema: SchemaView;
  /** Model or prediction folder, dataset, provider that really ran, timings, as label/value pairs. */
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** The protocol in sentences. */
  readonly protocol: readonly string[];
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  /** Present when the run was scored with a boundary band too. */
  readonly tolerant?: TolerantSummaryView;
  readonly images: number;
  readonly status: string;
  readonly confusion?: ConfusionView;
  readonly worst: readonly WorstImageView[];
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  /** Problems met reading the run folder, each naming the file. */
  readonly notes: readonly string[];
}

/** Everything the report panel shows: one run, or several side by side (the first is the reference). */
export interface ReportSnapshot {
  readonly title: string;
  readonly runs: readonly RunSummaryView[];
  readonly classes: readonly ClassRowView[];
  /** One sentence per run after the first: its change against the first. */
  readonly deltas: readonly string[];
}

/** Requests the report webview sends to the host. */
export type ReportPanelRequests = {
  /** The webview is ready; the host answers with the snapshot. */
  ready: { params: Record<never, never>; result: ReportSnapshot };
  /** Opens the dataset gallery filtered to images of `run` where ground-truth class `gt` was predicted as `pred`. */
  openConfusion: { params: { readonly run: string; readonly gt: number; readonly pred: number }; result: void };
  /** Opens one image of a run in the dataset panel's detail view. */
  openImage: { params: { readonly run: string; readonly id: string }; result: void };
  /** Asks the user for another run to show side by side with this one. */
  compareWith: { params: Record<never, never>; result: void };
};

/** Events the host sends to the report webview unasked. */
export type ReportPanelEvents = { readonly type: 'didChangeSnapshot'; readonly snapshot: ReportSnapshot };
