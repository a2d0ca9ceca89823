import type { DatasetItem, LabelSource } from '../dataset/datasetIndex';
import { loadLabel } from '../dataset/labelLoader';
import type { FileAccess } from '../ports/fileAccess';
import type { LabelMap } from '../raster/labelMap';
import type { Size } from '../raster/rgbImage';
import { sameAspect } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';
import type { EvalDeps } from './evalTypes';
import type { PredictionSource } from './predictionSource';
import type { ImageResult, ResultKeys } from './runJournal';
import { sameKeys } from './runJournal';
import type { ScoringResolution } from './scoringResolution';
import { scoringSize } from './scoringResolution';

/** An item ready for prediction: its bytes, keys, ground truth and scoring size. */
export interface PreparedItem {
  readonly kind: 'prepared';
  readonly item: DatasetItem;
  readonly imageBytes: Uint8Array;
  readonly keys: ResultKeys;
  readonly gt: LabelMap;
  readonly target: Size;
}

/** An item whose stored result still holds. */
export interface ReusedItem {
  readonly kind: 'reused';
  readonly item: DatasetItem;
  readonly result: ImageResult;
}

/** Everything item preparation needs besides the item. */
export interface PreparationContext {
  readonly deps: EvalDeps;
  readonly schema: LabelSchema;
  readonly source: PredictionSource;
  readonly resolution: ScoringResolution;
  readonly modelSize?: Size;
  readonly protocolKey: string;
  readonly journal: ReadonlyMap<string, ImageResult>;
  readonly signal?: AbortSignal;
}

/** The files a label source reads. */
export function labelFiles(source: LabelSource): string[] {
  switch (source.kind) {
    case 'mask':
      return [source.path];
    case 'parts':
      return source.parts.map((p) => p.path);
    case 'probabilityMaps':
      return [...source.paths];
  }
}

/** Reads and hashes an item's files; returns the stored result when all keys match, else decodes its ground truth. */
export async function prepareItem(item: DatasetItem, ctx: PreparationContext): Promise<PreparedItem | ReusedItem> {
  const { files, hasher } = ctx.deps;
  if (!item.label) throw new Error(`${item.imagePath}: no ground-truth label for this image`);
  const imageBytes = await files.readBytes(item.imagePath, ctx.signal);
  const imageKey = hasher.hash('image', imageBytes);
  const labelBytes = new Map<string, Uint8Array>();
  for (const path of labelFiles(item.label)) labelBytes.set(path, await files.readBytes(path, ctx.signal));
  const gtKey = hasher.hash('gt', ...[...labelBytes].flatMap(([path, bytes]) => [path.slice(path.lastIndexOf('/') + 1), bytes]));
  const stored = ctx.journal.get(item.id);
  if (stored) {
    const size = { width: stored.size[0], height: stored.size[1] };
    const keys: ResultKeys = { image: imageKey, gt: gtKey, pred: await ctx.source.key(item, imageKey, size, ctx.signal), protocol: ctx.protocolKey };
    if (sameKeys(keys, stored.keys)) return { kind: 'reused', item, result: stored };
  }
  const { map: gt } = await loadLabel(item.label, ctx.schema, preloaded(files, labelBytes), ctx.deps.decoder, ctx.signal);
  const target = await targetSize(item, gt, imageBytes, ctx);
  const predKey = await ctx.source.key(item, imageKey, target, ctx.signal);
  return { kind: 'prepared', item, imageBytes, keys: { image: imageKey, gt: gtKey, pred: predKey, protocol: ctx.protocolKey }, gt, target };
}

async function targetSize(item: DatasetItem, gt: LabelMap, imageBytes: Uint8Array, ctx: PreparationContext): Promise<Size> {
  const image = await ctx.deps.decoder.probe(imageBytes, item.imagePath);
  if (!sameAspect(image, gt)) {
    throw new Error(`${labelFiles(item.label!)[0]}: label is ${gt.width}×${gt.height} but its image is ${image.width}×${image.height} (different aspect ratio)`);
  }
  return scoringSize(ctx.resolution, { label: gt, image, model: ctx.modelSize });
}

/** A FileAccess that serves files already read, so hashing and decoding read each file once. */
function preloaded(files: FileAccess, bytes: ReadonlyMap<string, Uint8Array>): FileAccess {
  return {
    list: (dir) => files.list(dir),
    kind: (path) => files.kind(path),
    readBytes: async (path, signal) => bytes.get(path) ?? files.readBytes(path, signal),
    readText: async (path, signal) => (bytes.has(path) ? new TextDecoder().decode(bytes.get(path)) : files.readText(path, signal)),
  };
}
