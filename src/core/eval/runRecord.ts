import type { EvalSummary } from './evalReport';
import type { EvalDataset, EvalProtocol } from './evalTypes';
import type { RunShard } from './runShard';
import type { ScoringResolution } from './scoringResolution';

/** Everything run.json records about a run. */
export interface RunRecord {
  readonly kind: 'facegap-eval-run';
  readonly formatVersion: 1;
  readonly status: 'running' | 'complete' | 'interrupted' | 'failed';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly environment: Record<string, string>;
  readonly dataset: {
    readonly root: string;
    readonly format: string;
    readonly formatTitle: string;
    readonly schema: string;
    readonly schemaReason: string;
    readonly items: number;
    readonly problems: number;
  };
  readonly predictions: Record<string, unknown>;
  readonly executionProvider: string | null;
  readonly protocol: {
    readonly scoringResolution: ScoringResolution;
    readonly boundaryK: number;
    readonly groups: readonly string[];
    readonly ignoreId: 255;
    readonly sentences: readonly string[];
  };
  readonly timings: Record<string, number>;
  readonly summary?: EvalSummary;
  readonly error?: string;
  /** Set on a run of `facegap eval --shard i/n`. */
  readonly shard?: RunShard;
  /** Set on a run that `facegap merge` combined from shards: their folders, in shard order. */
  readonly mergedFrom?: readonly string[];
}

/** The part of run.json known before any image is scored. */
export function startRecord(
  dataset: EvalDataset,
  predictions: Record<string, unknown>,
  executionProvider: string | null,
  protocol: EvalProtocol,
  environment: Record<string, string>,
  startedAt: Date,
): RunRecord {
  return {
    kind: 'facegap-eval-run',
    formatVersion: 1,
    status: 'running',
    startedAt: startedAt.toISOString(),
    environment,
    dataset: {
      root: dataset.index.root,
      format: dataset.index.format,
      formatTitle: dataset.index.formatTitle,
      schema: dataset.schema.id,
      schemaReason: dataset.schemaReason,
      items: dataset.index.items.length,
      problems: dataset.index.problems.length,
    },
    predictions,
    executionProvider,
    protocol: {
      scoringResolution: protocol.resolution,
      boundaryK: protocol.boundaryK,
      groups: protocol.groups.map((g) => g.name),
      ignoreId: 255,
      sentences: [],
    },
    timings: {},
  };
}

/** run.json once the run has ended. */
export function finishRecord(record: RunRecord, summary: EvalSummary, timings: Record<string, number>, finishedAt: Date): RunRecord {
  return {
    ...record,
    status: summary.status,
    finishedAt: finishedAt.toISOString(),
    protocol: { ...record.protocol, sentences: summary.protocol },
    timings,
    summary,
  };
}
