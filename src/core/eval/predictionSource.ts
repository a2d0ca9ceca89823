import type { DatasetItem } from '../dataset/datasetIndex';
import type { LabelMap } from '../raster/labelMap';
import type { Size } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';

/** What a prediction is asked for. */
export interface PredictionInput {
  readonly item: DatasetItem;
  readonly imageBytes: Uint8Array;
  readonly imageKey: string;
  /** The scoring size; the prediction must come back at this size. */
  readonly target: Size;
}

/** A predicted class map in the source's schema at the target size. */
export interface PredictionOutput {
  readonly map: LabelMap;
  /** Pixels whose logits were NaN (stored as 255, scored as wrong). */
  readonly nanPixels: number;
}

/** Where predictions come from: a model run by FaceGap, or a folder of masks made elsewhere. */
export interface PredictionSource {
  readonly kind: 'model' | 'folder';
  readonly schema: LabelSchema;
  /** The model's input size, when a model makes the predictions (used by --score-at model). */
  readonly inputSize?: Size;
  /** True when FaceGap makes the predictions and keeps them as PNGs in the run folder. */
  readonly storesPredictions: boolean;
  /** Identifies the prediction an item would get at a size, without making it. */
  key(item: DatasetItem, imageKey: string, target: Size, signal?: AbortSignal): Promise<string>;
  /** Makes predictions for several items; a failed item gets an Error, the others still get results. */
  predict(inputs: readonly PredictionInput[], signal?: AbortSignal): Promise<Array<PredictionOutput | Error>>;
  /** Starts work for inputs predict will be given next (decoding, and for a model running them), so it overlaps the current chunk. */
  prefetch?(inputs: readonly PredictionInput[]): void;
  /** Facts for the run record. */
  describe(): Record<string, unknown>;
}
