import type { DatasetItem } from '../../core/dataset/datasetIndex';
import { loadLabel } from '../../core/dataset/labelLoader';
import { parseLandmarks, type Point } from '../../core/dataset/landmarks';
import { measureAttributes } from '../../core/distribution/attributes/measureAttributes';
import type { ImageAttributes } from '../../core/distribution/distTypes';
import { labelFiles } from '../../core/eval/itemPreparation';
import type { LabelMap } from '../../core/raster/labelMap';
import type { Size } from '../../core/raster/rgbImage';
import { preloadedFiles, readLabelFiles } from '../diff/labelFiles';
import type { NodeAdapters } from '../nodeAdapters';
import type { DistSide } from './distSide';

/** Bump when what an attribute means changes: stored measurements with another version are measured again. */
export const ATTRIBUTE_VERSION = 1;
/** Images without labels are measured at most this size (longer side): the attributes do not need more. */
const MAX_UNLABELLED_SIDE = 512;

/** What measuring one side's images needs besides the side. */
export interface MeasureContext {
  readonly side: DistSide;
  readonly concepts: readonly string[];
  readonly adapters: NodeAdapters;
  readonly stored: ReadonlyMap<string, ImageAttributes>;
}

function layoutOf(points: number | undefined): 'facesynthetics-70' | 'lapa-106' | 'unknown' {
  return points === 70 ? 'facesynthetics-70' : points === 106 ? 'lapa-106' : 'unknown';
}

function cappedSize(width: number, height: number): Size {
  const scale = Math.min(1, MAX_UNLABELLED_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Reads what an item's attributes are measured from and keys it; decoding waits until the stored result is known stale. */
async function readSources(item: DatasetItem, ctx: MeasureContext, signal?: AbortSignal) {
  const { adapters, side } = ctx;
  const imageBytes = await adapters.files.readBytes(item.imagePath, signal);
  const imageKey = adapters.hasher.hash('image', imageBytes);
  const labels = item.label && !side.predictions ? await readLabelFiles(labelFiles(item.label), adapters, signal) : undefined;
  const landmarkText = item.landmarksPath ? await adapters.files.readText(item.landmarksPath, signal) : undefined;
  const model = side.predictions ? await side.predictions.key(item, imageKey, { width: 0, height: 0 }) : '';
  const key = adapters.hasher.hash('attributes', String(ATTRIBUTE_VERSION), imageKey, labels?.key ?? '', landmarkText ?? '', model, ctx.concepts.join(','));
  return { imageBytes, imageKey, labels, landmarkText, key };
}

async function labelsOf(item: DatasetItem, ctx: MeasureContext, sources: Awaited<ReturnType<typeof readSources>>, info: Size, signal?: AbortSignal): Promise<LabelMap | undefined> {
  const { side, adapters } = ctx;
  if (side.predictions) {
    const [out] = await side.predictions.predict([{ item, imageBytes: sources.imageBytes, imageKey: sources.imageKey, target: cappedSize(info.width, info.height) }], signal);
    if (out instanceof Error) throw out;
    return out.map;
  }
  if (!item.label || !sources.labels || !side.schema) return undefined;
  return (await loadLabel(item.label, side.schema, preloadedFiles(adapters.files, sources.labels.bytes), adapters.decoder, signal)).map;
}

function scaledPoints(text: string | undefined, file: string | undefined, from: Size, to: Size): Point[] | undefined {
  if (text === undefined || file === undefined) return undefined;
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  return parseLandmarks(text, file).map((p) => ({ x: p.x * sx, y: p.y * sy }));
}

/** Measures one image's attributes, or returns the stored measurement when its sources are unchanged; errors name the file. */
export async function measureItem(item: DatasetItem, ctx: MeasureContext, signal?: AbortSignal): Promise<{ record: ImageAttributes; reused: boolean }> {
  const sources = await readSources(item, ctx, signal);
  const stored = ctx.stored.get(item.id);
  if (stored && stored.key === sources.key) return { record: stored, reused: true };
  const { adapters, side } = ctx;
  const info = await adapters.decoder.probe(sources.imageBytes, item.imagePath);
  const labels = await labelsOf(item, ctx, sources, info, signal);
  const size = labels ? { width: labels.width, height: labels.height } : cappedSize(info.width, info.height);
  const image = await adapters.decoder.decodeRgb(sources.imageBytes, item.imagePath, { size, kernel: 'linear' });
  const points = scaledPoints(sources.landmarkText, item.landmarksPath, info, size);
  const measured = measureAttributes({
    labels,
    schema: side.schema,
    image,
    imageBytes: sources.imageBytes,
    landmarks: points ? { points, layout: layoutOf(side.landmarkPoints) } : undefined,
    concepts: ctx.concepts,
  });
  const record: ImageAttributes = { v: 1, id: item.id, image: item.imagePath, key: sources.key, values: measured.values, ...(measured.poseFrom ? { poseFrom: measured.poseFrom } : {}) };
  return { record, reused: false };
}
