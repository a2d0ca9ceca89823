import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { noteOnFailure } from '../../core/browse/noteOnFailure';
import type { ImageResult } from '../../core/eval/runJournal';
import type { RgbImage, Size } from '../../core/raster/rgbImage';
import { errorMap, greyImage, thumbnailSize } from '../../core/report/overlayPixels';
import type { NodeAdapters } from '../nodeAdapters';
import { encodeThumbnailBytes, THUMBNAIL_MAX_SIDE } from '../report/imageThumbnails';
import type { RunPictureSources } from '../report/runPictureSources';
import { loadGroundTruth, loadPrediction, predictionFile } from './runLabels';

/** The thumbnail file written for one image (absent when nothing could be drawn), and a note per file that could not be read. */
export interface WorstThumbnail {
  readonly file?: string;
  readonly notes: readonly string[];
}

/**
 * Writes a thumbnail of a scored image's error map (PNG) into `cacheDir`, or of the image itself (JPEG) when ground
 * truth or prediction cannot be read. An error map made before from the same run, image and content keys is reused.
 */
export async function writeWorstThumbnail(result: ImageResult, sources: RunPictureSources, cacheDir: string, adapters: NodeAdapters): Promise<WorstThumbnail> {
  const key = createHash('sha256')
    .update(JSON.stringify([path.resolve(sources.runDir), result.id, result.keys, result.size, sources.gtSchema.id, THUMBNAIL_MAX_SIDE]))
    .digest('hex');
  const base = path.join(cacheDir, key.slice(0, 2), key);
  // Only error maps are reused: a picture written while a file was missing is made again next time.
  if (await isFile(`${base}.png`)) return { file: `${base}.png`, notes: [] };
  const size: Size = { width: result.size[0], height: result.size[1] };
  const notes: string[] = [];
  const picture = await noteOnFailure(notes, result.image, async () =>
    adapters.decoder.decodeRgb(await adapters.files.readBytes(result.image), result.image, { size, kernel: 'linear' }),
  );
  const gt = await noteOnFailure(notes, result.image, () => loadGroundTruth(result, sources, size, adapters));
  const pred = await noteOnFailure(notes, predictionFile(result, sources), () => loadPrediction(result, sources, size, adapters));
  let drawn: { image: RgbImage; file: string; format: 'png' | 'jpeg' } | undefined;
  if (gt && pred) drawn = { image: errorMap(picture ?? greyImage(size.width, size.height), gt, pred).image, file: `${base}.png`, format: 'png' };
  else if (picture) drawn = { image: picture, file: `${base}.jpg`, format: 'jpeg' };
  if (!drawn) return { notes };
  const thumb = thumbnailSize(size.width, size.height, THUMBNAIL_MAX_SIDE);
  const written = await noteOnFailure(notes, drawn.file, async () => {
    await adapters.store.writeAtomic(drawn.file, await encodeThumbnailBytes(drawn.image, thumb, drawn.format));
    return drawn.file;
  });
  return { file: written, notes };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
