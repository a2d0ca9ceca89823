import sharp from 'sharp';
import type { ImageResult } from '../../core/eval/runJournal';
import type { LabelMap } from '../../core/raster/labelMap';
import type { RgbImage, Size } from '../../core/raster/rgbImage';
import { colourTable, displaySize, errorMap, greyImage, overlayLabels, thumbnailSize } from '../../core/report/overlayPixels';
import type { Thumbnail, ThumbnailSet } from '../../core/report/reportModel';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { errorMessage } from '../../core/util/errors';
import { loadGroundTruth, loadPrediction, predictionFile } from '../browse/runLabels';
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
  const predFile = predictionFile(result, sources);
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

/** Scales a picture down to the thumbnail size and embeds it as a data: URI. */
export async function encodeThumbnail(image: RgbImage, thumb: Size, format: 'jpeg' | 'png'): Promise<string> {
  const bytes = await encodeThumbnailBytes(image, thumb, format);
  return `data:image/${format};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64')}`;
}

/** Scales a picture down to the thumbnail size and encodes it as JPEG (quality 85) or PNG. */
export async function encodeThumbnailBytes(image: RgbImage, thumb: Size, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  if (thumb.width !== image.width || thumb.height !== image.height) pipeline = pipeline.resize(thumb.width, thumb.height, { fit: 'fill' });
  const bytes = await (format === 'jpeg' ? pipeline.jpeg({ quality: 85 }) : pipeline.png()).toBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
