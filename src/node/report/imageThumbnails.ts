import sharp from 'sharp';
import { loadLabel } from '../../core/dataset/labelLoader';
import type { ImageResult } from '../../core/eval/runJournal';
import type { LabelMap } from '../../core/raster/labelMap';
import { resizeLabelsNearest } from '../../core/raster/resizeLabels';
import type { RgbImage, Size } from '../../core/raster/rgbImage';
import { colourTable, displaySize, errorMap, greyImage, overlayLabels, thumbnailSize } from '../../core/report/overlayPixels';
import type { Thumbnail, ThumbnailSet } from '../../core/report/reportModel';
import { applyCrosswalk } from '../../core/schema/crosswalk';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { errorMessage } from '../../core/util/errors';
import { joinPath } from '../../core/util/paths';
import type { NodeAdapters } from '../nodeAdapters';
import type { RunPictureSources } from './runPictureSources';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_SIDE = 160;

/** The image, ground-truth overlay, prediction overlay and error map of one scored image; a file that cannot be read becomes a note. */
export async function imageThumbnails(result: ImageResult, sources: RunPictureSources, adapters: NodeAdapters): Promise<ThumbnailSet> {
  const size: Size = { width: result.size[0], height: result.size[1] };
  const notes: string[] = [];
  const attempt = async <T>(file: string, load: () => Promise<T | undefined>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (error) {
      const message = errorMessage(error);
      notes.push(message.includes(file) ? message : `${file}: ${message}`);
      return undefined;
    }
  };
  const picture = await attempt(result.image, async () => adapters.decoder.decodeRgb(await adapters.files.readBytes(result.image), result.image, { size, kernel: 'linear' }));
  const gt = await attempt(result.image, () => loadGroundTruth(result, sources, size, adapters));
  const predFile = result.predFile ? joinPath(sources.runDir, result.predFile) : result.image;
  const pred = await attempt(predFile, () => loadPrediction(result, sources, size, adapters));
  return { thumbnails: await renderThumbnails(result, sources.gtSchema, { size, picture, gt, pred }), notes };
}

/** Encodes the pictures that could be made: the image, the overlays on it (on grey without it) and the error map. */
async function renderThumbnails(
  result: ImageResult,
  schema: LabelSchema,
  parts: { size: Size; picture?: RgbImage; gt?: LabelMap; pred?: LabelMap },
): Promise<Thumbnail[]> {
  const { size, picture, gt, pred } = parts;
  const base = picture ?? greyImage(size.width, size.height);
  const colours = colourTable(schema);
  const thumb = thumbnailSize(size.width, size.height, THUMBNAIL_MAX_SIDE);
  const shown = displaySize(thumb, THUMBNAIL_MAX_SIDE);
  const thumbnails: Thumbnail[] = [];
  const add = async (label: string, image: RgbImage, description: string, format: 'jpeg' | 'png'): Promise<void> => {
    thumbnails.push({ label, description, ...shown, dataUri: await encodeThumbnail(image, thumb, format) });
  };
  if (picture) await add('image', picture, result.image, 'jpeg');
  if (gt) await add('ground truth', overlayLabels(base, gt, colours), `ground truth of ${result.id} (${schema.id})`, 'jpeg');
  if (pred) await add('prediction', overlayLabels(base, pred, colours), `prediction for ${result.id}, mapped into ${schema.id}`, 'jpeg');
  if (gt && pred) {
    const errors = errorMap(base, gt, pred);
    await add('errors', errors.image, `${errors.wrong.toLocaleString('en-US')} of ${errors.scored.toLocaleString('en-US')} scored pixels wrong`, 'png');
  }
  return thumbnails;
}

/** The ground truth at the scoring size (nearest, as scoring did), or undefined when the dataset could not be opened (a run-level note says so). */
async function loadGroundTruth(result: ImageResult, sources: RunPictureSources, size: Size, adapters: NodeAdapters): Promise<LabelMap | undefined> {
  if (!sources.items) return undefined;
  const item = sources.items.get(result.id);
  if (!item?.label) throw new Error(`${result.image}: no ground truth for image "${result.id}" in the dataset folder now`);
  const { map } = await loadLabel(item.label, sources.gtSchema, adapters.files, adapters.decoder);
  return resizeLabelsNearest(map, size.width, size.height);
}

/** The prediction at the scoring size, translated into the ground truth's schema. */
async function loadPrediction(result: ImageResult, sources: RunPictureSources, size: Size, adapters: NodeAdapters): Promise<LabelMap | undefined> {
  if (!sources.crosswalk) return undefined;
  let map: LabelMap;
  if (result.predFile) {
    const file = joinPath(sources.runDir, result.predFile);
    const decoded = await adapters.decoder.decodeMask(await adapters.files.readBytes(file), file);
    if (decoded.kind === 'rgb') throw new Error(`${file}: not a class-id PNG`);
    map = decoded.map;
  } else if (sources.folder) {
    const input = { item: { id: result.id, imagePath: result.image }, imageBytes: new Uint8Array(0), imageKey: '', target: size };
    const [output] = await sources.folder.predict([input]);
    if (output instanceof Error) throw output;
    map = output.map;
  } else {
    throw new Error(`${result.image}: the run folder keeps no prediction for this image`);
  }
  const sized = map.width === size.width && map.height === size.height ? map : resizeLabelsNearest(map, size.width, size.height);
  return { ...sized, data: applyCrosswalk(sized.data, sources.crosswalk) };
}

/** Scales a picture down to the thumbnail size and embeds it as a data: URI. */
export async function encodeThumbnail(image: RgbImage, thumb: Size, format: 'jpeg' | 'png'): Promise<string> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  if (thumb.width !== image.width || thumb.height !== image.height) pipeline = pipeline.resize(thumb.width, thumb.height, { fit: 'fill' });
  const bytes = await (format === 'jpeg' ? pipeline.jpeg({ quality: 85 }) : pipeline.png()).toBuffer();
  return `data:image/${format};base64,${bytes.toString('base64')}`;
}
