import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { CELEBAMASK_HQ_PARTS } from '../../src/core/dataset/celebAMaskHqReader';
import type { LabelMap } from '../../src/core/raster/labelMap';
import { findBuiltinSchema } from '../../src/core/schema/builtinSchemas';
import type { LabelSchema } from '../../src/core/schema/labelSchema';
import { NodeFileAccess } from '../../src/node/files/nodeFileAccess';
import { SharpImageDecoder } from '../../src/node/imaging/sharpImageDecoder';
import { paintLabels, schemaColours, writeGrayPng, writePartMask, writeRgb } from './fixtures';

/** Built-in schemas the dataset tests use. */
export const FS_SCHEMA: LabelSchema = findBuiltinSchema('facesynthetics')!;
export const CAMHQ_SCHEMA: LabelSchema = findBuiltinSchema('celebamask-hq')!;
export const LAPA_SCHEMA: LabelSchema = findBuiltinSchema('lapa')!;
export const HELEN_SCHEMA: LabelSchema = findBuiltinSchema('helen')!;

/** Side of the drawn test faces: at 64 px every part drawFace draws (brows included) has pixels. */
export const FACE_SIZE = 64;

/** The real Node adapters (cheap, so the dataset tests use them instead of mocks). */
export function realAdapters(): { files: NodeFileAccess; decoder: SharpImageDecoder } {
  return { files: new NodeFileAccess(), decoder: new SharpImageDecoder() };
}

/** LaPa's official labelmap.txt (JDAI-CV/lapa-dataset): a header, then "id<TAB>class" rows. */
export const LAPA_LABELMAP_TEXT = [
  'label\tclass', '0\tbackground', '1\tskin', '2\tleft eyebrow', '3\tright eyebrow', '4\tleft eye', '5\tright eye',
  '6\tnose', '7\tupper lip', '8\tinner mouth', '9\tlower lip', '10\thair',
].join('\n') + '\n';

/** Pixel count per class id of a label map (ids with no pixels are absent). */
export function countIds(map: LabelMap): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of map.data) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** A copy of a map with the pixels of rectangle [x0,x1)×[y0,y1) set to `id`. */
export function withRect(map: LabelMap, x0: number, y0: number, x1: number, y1: number, id: number): LabelMap {
  const data = map.data.slice();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * map.width + x] = id;
  return { width: map.width, height: map.height, data };
}

/** A map of one id everywhere. */
export function filledMap(width: number, height: number, id: number): LabelMap {
  return { width, height, data: new Uint8Array(width * height).fill(id) };
}

/** Text of a landmark file with `points` "x y" lines, optionally preceded by a count line (LaPa). */
export function landmarkText(points: number, countPrefix = false): string {
  const lines = Array.from({ length: points }, (_, i) => `${(i * 1.5).toFixed(3)} ${(100 - i * 0.25).toFixed(3)}`);
  return [...(countPrefix ? [String(points)] : []), ...lines].join('\n') + '\n';
}

/** Writes a text file, creating its folder. */
export function writeText(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Writes the picture of a label map in a schema's colours, scaled by an integer factor (nearest neighbour). */
export async function writeFacePicture(file: string, map: LabelMap, schema: LabelSchema, scale = 1): Promise<string> {
  const picture = paintLabels(map, schemaColours(schema));
  if (scale === 1) return writeRgb(file, picture);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pipeline = sharp(picture.data, { raw: { width: map.width, height: map.height, channels: 3 } }).resize(map.width * scale, map.height * scale, { kernel: 'nearest' });
  await (file.endsWith('.jpg') ? pipeline.jpeg() : pipeline.png()).toFile(file);
  return file;
}

/** FaceSynthetics triple {id}.png, {id}_seg.png and (when `landmarks` > 0) {id}_ldmks.txt in one folder. */
export async function writeFaceSyntheticsItem(root: string, id: string, map: LabelMap, landmarks = 70): Promise<void> {
  await writeFacePicture(path.join(root, `${id}.png`), map, FS_SCHEMA);
  await writeGrayPng(path.join(root, `${id}_seg.png`), map);
  if (landmarks > 0) writeText(path.join(root, `${id}_ldmks.txt`), landmarkText(landmarks));
}

/** Official CelebAMask-HQ file names of image n and its part `part`. */
export function celebAMaskHqPaths(root: string, n: number, part: string): { image: string; part: string } {
  return {
    image: path.join(root, 'CelebA-HQ-img', `${n}.jpg`),
    part: path.join(root, 'CelebAMask-HQ-mask-anno', String(Math.floor(n / 2000)), `${String(n).padStart(5, '0')}_${part}.png`),
  };
}

/** CelebAMask-HQ official item: a 2× image and one binary part mask per class present in the map (folder n / 2000). */
export async function writeCelebAMaskHqItem(root: string, n: number, map: LabelMap): Promise<string[]> {
  await writeFacePicture(celebAMaskHqPaths(root, n, 'skin').image, map, CAMHQ_SCHEMA, 2);
  const present = countIds(map);
  const written: string[] = [];
  for (const [index, part] of CELEBAMASK_HQ_PARTS.entries()) {
    if (!present.has(index + 1)) continue;
    written.push(await writePartMask(celebAMaskHqPaths(root, n, part).part, map, index + 1));
  }
  return written;
}

/** LaPa item in `dir` (a split folder or the root): images/{stem}.jpg, labels/{stem}.png, landmarks/{stem}.txt (106 points). */
export async function writeLapaItem(dir: string, stem: string, map: LabelMap, landmarks = true): Promise<void> {
  await writeFacePicture(path.join(dir, 'images', `${stem}.jpg`), map, LAPA_SCHEMA);
  await writeGrayPng(path.join(dir, 'labels', `${stem}.png`), map);
  if (landmarks) writeText(path.join(dir, 'landmarks', `${stem}.txt`), landmarkText(106, true));
}

/** Helen probability-map path of class k for image `name`. */
export function helenMapPath(root: string, name: string, k: number): string {
  return path.join(root, 'labels', name, `${name}_lbl${String(k).padStart(2, '0')}.png`);
}

/** Helen item: images/{name}.jpg and labels/{name}/{name}_lbl00..10.png (255 where the map has class k, else 0). */
export async function writeHelenItem(root: string, name: string, map: LabelMap): Promise<void> {
  await writeFacePicture(path.join(root, 'images', `${name}.jpg`), map, HELEN_SCHEMA);
  for (let k = 0; k <= 10; k++) await writePartMask(helenMapPath(root, name, k), map, k);
}

/** Generic item: {imagesDir}/{stem}.jpg and {masksDir}/{stem}.png (grayscale ids). */
export async function writeGenericItem(root: string, stem: string, map: LabelMap, dirs = { images: 'images', masks: 'masks' }): Promise<void> {
  await writeFacePicture(path.join(root, dirs.images, `${stem}.jpg`), map, CAMHQ_SCHEMA);
  await writeGrayPng(path.join(root, dirs.masks, `${stem}.png`), map);
}

/** Joins like the core's joinPath does for POSIX paths, so expected paths compare equal to indexed ones. */
export function p(...parts: string[]): string {
  return parts.join('/');
}
