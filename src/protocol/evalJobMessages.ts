import type { DiffProtocol, DiffRecord, LabelSideSpec } from '../core/diff/diffTypes';
import type { DistRecord, DistSideSpec } from '../core/distribution/distTypes';
import type { EvalSummary } from '../core/eval/evalReport';
import type { EvalProgress } from '../core/eval/evalTypes';
import type { ExecutionProviderChoice } from '../core/ports/modelRunner';
import type { ModelSpecFlagValues } from '../core/model/modelSpecFlags';

/** One evaluation as the extension asks the evaluation process to run it. */
export interface EvalJob {
  readonly datasetRoot: string;
  /** The ground truth's schema id when the user chose it (e.g. for a folder FaceGap cannot recognise); else detected. */
  readonly schema?: string;
  readonly modelPath: string;
  /** A spec file, a preset id, and flag values (CLI flag names without "--", e.g. "batch-size") for what the sidecar and probe leave open. */
  readonly specFile?: string;
  readonly preset?: string;
  readonly specFlags: ModelSpecFlagValues;
  readonly executionProvider: ExecutionProviderChoice;
  readonly threads?: number;
  /** Ground-truth boundary band left out of the tolerant scores; 0 = strict only. */
  readonly boundaryK: number;
  readonly outDir: string;
}

/** What an evaluation produced. */
export interface EvalJobResult {
  readonly runDir: string;
  readonly summary: EvalSummary;
  readonly warnings: readonly string[];
}

/** One label diff as the extension asks the evaluation process to compute it: B compared against A, into a diff folder. */
export interface DiffJob {
  readonly a: LabelSideSpec;
  readonly b: LabelSideSpec;
  readonly protocol: DiffProtocol;
  /** A mapping file overriding the crosswalk of B's classes onto A's. */
  readonly mappingFile?: string;
  readonly outDir: string;
}

/** What a label diff produced: its folder and diff.json's record. */
export interface DiffJobResult {
  readonly dir: string;
  readonly record: DiffRecord;
}

/** One distribution comparison as the extension asks the evaluation process to compute it: B's attributes against A's, into a folder. */
export interface DistJob {
  readonly a: DistSideSpec;
  readonly b: DistSideSpec;
  readonly outDir: string;
  /** An ONNX feature extractor for the feature-space distances. */
  readonly features?: { readonly model: string };
  /** Size of the matched subset of A (default: the comparison's own choice). */
  readonly matchSize?: number;
  /** A run folder scored on one side, for performance by slice. */
  readonly run?: string;
  /** Where a feature extractor or a side's parsing model runs. */
  readonly executionProvider?: ExecutionProviderChoice;
}

/** What a distribution comparison produced: its folder and dist.json's record. */
export interface DistJobResult {
  readonly dir: string;
  readonly record: DistRecord;
}

/** Requests the extension host sends to the evaluation process. */
export type EvalJobRequests = {
  /** Runs one evaluation; cancelling the request interrupts it (finished images stay in the run folder). */
  evaluate: { params: { readonly job: EvalJob }; result: EvalJobResult };
  /** Computes one label diff; cancelling interrupts it (compared images stay in the diff folder and are reused next time). */
  diff: { params: { readonly job: DiffJob }; result: DiffJobResult };
  /** Compares two datasets' distributions; cancelling interrupts it (measured images stay in the folder and are reused next time). */
  distribution: { params: { readonly job: DistJob }; result: DistJobResult };
};

/** Events the evaluation process sends while it works. */
export type EvalJobEvents =
  /** Progress of the running evaluation, diff or distribution comparison. */
  | ({ readonly type: 'progress' } & EvalProgress)
  /** The model is open: the provider that really runs, and notes on providers that could not. */
  | { readonly type: 'ready'; readonly executionProvider: string | null; readonly warnings: readonly string[] }
  /** A line for the output channel. */
  | { readonly type: 'log'; readonly line: string };
