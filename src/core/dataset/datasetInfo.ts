import type { FileAccess } from '../ports/fileAccess';
import type { ImageDecoder } from '../ports/imageDecoder';
import { IGNORE_ID } from '../raster/labelMap';
import { sameAspect } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';
import { errorMessage, fileAndReason, isAbortError } from '../util/errors';
import { mapConcurrent } from '../util/mapConcurrent';
import type { DatasetIndex, DatasetItem, DatasetProblem } from './datasetIndex';
import type { LabelEncoding } from './labelLoader';
import { loadLabel } from './labelLoader';
import { parseLandmarks } from './landmarks';

/** Pixel count and presence of one class over a dataset. */
export interface ClassPresence {
  readonly id: number;
  readonly name: string;
  readonly pixels: number;
  /** Share of all labelled (non-ignore) pixels. */
  readonly share: number;
  /** Number of images the class appears in. */
  readonly images: number;
}

/** What `facegap info` reports about a dataset. */
export interface DatasetInfo {
  readonly root: string;
  readonly format: string;
  readonly formatTitle: string;
  readonly schema: { readonly id: string; readonly title: string; readonly reason: string };
  readonly images: number;
  readonly imagesRead: number;
  readonly imageSizes: Record<string, number>;
  readonly labelSizes: Record<string, number>;
  readonly labelEncodings: Record<string, number>;
  readonly classes: readonly ClassPresence[];
  readonly ignoredPixels: number;
  readonly landmarks: { readonly files: number; readonly pointsPerFile: Record<string, number> };
  readonly problems: readonly DatasetProblem[];
  readonly notes: readonly string[];
}

/** Progress of a long scan. */
export type ScanProgress = (done: number, total: number) => void;

interface Tally {
  pixels: Float64Array;
  presence: Float64Array;
  imageSizes: Map<string, number>;
  labelSizes: Map<string, number>;
  encodings: Map<string, number>;
  pointsPerFile: Map<string, number>;
  landmarkFiles: number;
  imagesRead: number;
  problems: DatasetProblem[];
}

/** Reads every image header, label and landmark file of a dataset and tallies what it holds. */
export async function collectDatasetInfo(
  index: DatasetIndex,
  schema: { schema: LabelSchema; reason: string },
  deps: { files: FileAccess; decoder: ImageDecoder; concurrency?: number },
  options: { signal?: AbortSignal; onProgress?: ScanProgress } = {},
): Promise<DatasetInfo> {
  const tally: Tally = {
    pixels: new Float64Array(256), presence: new Float64Array(256), imageSizes: new Map(), labelSizes: new Map(),
    encodings: new Map(), pointsPerFile: new Map(), landmarkFiles: 0, imagesRead: 0, problems: [...index.problems],
  };
  let done = 0;
  await mapConcurrent(index.items, deps.concurrency ?? 4, async (item) => {
    await scanItem(item, index, schema.schema, deps, tally, options.signal);
    options.onProgress?.(++done, index.items.length);
  }, options.signal);
  return summarise(index, schema, tally);
}

async function scanItem(
  item: DatasetItem,
  index: DatasetIndex,
  schema: LabelSchema,
  deps: { files: FileAccess; decoder: ImageDecoder },
  tally: Tally,
  signal?: AbortSignal,
): Promise<void> {
  const guard = async (file: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      if (isAbortError(error)) throw error;
      const { file: named, reason } = fileAndReason(errorMessage(error), file);
      tally.problems.push({ file: named, problem: reason });
    }
  };
  let imageSize: { width: number; height: number } | undefined;
  await guard(item.imagePath, async () => {
    imageSize = await deps.decoder.probe(await deps.files.readBytes(item.imagePath, signal), item.imagePath);
    bump(tally.imageSizes, `${imageSize.width}×${imageSize.height}`);
    tally.imagesRead++;
  });
  const label = item.label;
  if (label) {
    const labelFile = label.kind === 'mask' ? label.path : label.kind === 'parts' ? label.parts[0].path : label.paths[0];
    await guard(labelFile, async () => {
      const loaded = await loadLabel(label, schema, deps.files, deps.decoder, signal);
      countLabel(loaded.map.data, tally, loaded.encoding);
      bump(tally.labelSizes, `${loaded.map.width}×${loaded.map.height}`);
      if (imageSize && !sameAspect(imageSize, loaded.map)) {
        tally.problems.push({ file: labelFile, problem: `label is ${loaded.map.width}×${loaded.map.height} but its image is ${imageSize.width}×${imageSize.height} (different aspect ratio)` });
      }
    });
  }
  if (item.landmarksPath) await guard(item.landmarksPath, () => scanLandmarks(item.landmarksPath!, index, deps.files, tally));
}

async function scanLandmarks(path: string, index: DatasetIndex, files: FileAccess, tally: Tally): Promise<void> {
  const points = parseLandmarks(await files.readText(path), path);
  tally.landmarkFiles++;
  bump(tally.pointsPerFile, String(points.length));
  if (index.landmarkPoints !== undefined && points.length !== index.landmarkPoints) {
    tally.problems.push({ file: path, problem: `${points.length} landmarks, expected ${index.landmarkPoints}` });
  }
}

function countLabel(data: Uint8Array, tally: Tally, encoding: LabelEncoding): void {
  const local = new Float64Array(256);
  for (let i = 0; i < data.length; i++) local[data[i]]++;
  for (let id = 0; id < 256; id++) {
    if (local[id] === 0) continue;
    tally.pixels[id] += local[id];
    tally.presence[id]++;
  }
  bump(tally.encodings, encoding);
}

function summarise(index: DatasetIndex, choice: { schema: LabelSchema; reason: string }, tally: Tally): DatasetInfo {
  const labelled = tally.pixels.reduce((s, v, id) => (id === IGNORE_ID ? s : s + v), 0);
  const classes = choice.schema.classes
    .filter((c) => tally.pixels[c.id] > 0)
    .map((c) => ({ id: c.id, name: c.name, pixels: tally.pixels[c.id], share: labelled > 0 ? tally.pixels[c.id] / labelled : 0, images: tally.presence[c.id] }));
  return {
    root: index.root,
    format: index.format,
    formatTitle: index.format === 'generic' ? `${choice.schema.title} label maps in ${index.formatTitle}` : index.formatTitle,
    schema: { id: choice.schema.id, title: choice.schema.title, reason: choice.reason },
    images: index.items.length,
    imagesRead: tally.imagesRead,
    imageSizes: Object.fromEntries(tally.imageSizes),
    labelSizes: Object.fromEntries(tally.labelSizes),
    labelEncodings: Object.fromEntries(tally.encodings),
    classes,
    ignoredPixels: tally.pixels[IGNORE_ID],
    landmarks: { files: tally.landmarkFiles, pointsPerFile: Object.fromEntries(tally.pointsPerFile) },
    problems: tally.problems,
    notes: [...index.notes, ...sizeNotes(tally)],
  };
}

/** Tells the user when labels and images differ in size, since scoring then needs a stated resolution. */
function sizeNotes(tally: Tally): string[] {
  const images = [...tally.imageSizes.keys()];
  const labels = [...tally.labelSizes.keys()];
  if (images.length !== 1 || labels.length !== 1 || images[0] === labels[0]) return [];
  return [`labels are ${labels[0]} and images ${images[0]}: eval scores at the label size unless --score-at says otherwise`];
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
