import type { DatasetIndex, DatasetItem } from '../dataset/datasetIndex';
import type { LabelGroup } from '../metrics/labelGroups';
import type { ContentHasher } from '../ports/contentHasher';
import type { FileAccess, ResultStore } from '../ports/fileAccess';
import type { ImageDecoder, LabelEncoder } from '../ports/imageDecoder';
import type { LabelSchema } from '../schema/labelSchema';
import type { MappingFile } from '../schema/mappingJson';
import type { ScoringResolution } from './scoringResolution';

/** The adapters an evaluation needs. */
export interface EvalDeps {
  readonly files: FileAccess;
  readonly decoder: ImageDecoder;
  readonly encoder: LabelEncoder;
  readonly store: ResultStore;
  readonly hasher: ContentHasher;
}

/** How predictions and ground truth are compared. */
export interface EvalProtocol {
  readonly resolution: ScoringResolution;
  /** Width of the ground-truth boundary band left out of the tolerant scores; 0 = strict only. */
  readonly boundaryK: number;
  readonly groups: readonly LabelGroup[];
  /** User overrides of the prediction → ground-truth crosswalk (its from/to must name the two schemas). */
  readonly mapping?: MappingFile;
}

/** An item that could not be scored, and why. */
export interface SkippedItem {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
}

/** Progress of an evaluation. */
export interface EvalProgress {
  readonly done: number;
  readonly total: number;
  readonly reused: number;
  readonly skipped: number;
  readonly elapsedSeconds: number;
}

/** The dataset side of an evaluation. */
export interface EvalDataset {
  readonly index: DatasetIndex;
  readonly schema: LabelSchema;
  readonly schemaReason: string;
}

/** Options that steer a run but not its results. */
export interface EvalRunOptions {
  readonly outDir: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: EvalProgress) => void;
  /** Only these items (e.g. a shard); default all. */
  readonly items?: readonly DatasetItem[];
}
