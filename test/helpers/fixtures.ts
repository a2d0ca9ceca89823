import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import type { LabelMap } from '../../src/core/raster/labelMap';
import type { RgbImage } from '../../src/core/raster/rgbImage';
import type { Rgb } from '../../src/core/schema/labelSchema';
import { conv1x1Model } from './onnxBuilder';

/** Class ids a drawn face uses; sides are image sides (as a viewer sees them). */
export interface FaceIds {
  readonly background: number;
  readonly skin: number;
  readonly hair: number;
  readonly nose: number;
  readonly eyeImageLeft: number;
  readonly eyeImageRight: number;
  readonly browImageLeft: number;
  readonly browImageRight: number;
  readonly upperLip: number;
  readonly lowerLip: number;
  readonly neck?: number;
}

/** FaceSynthetics ids (viewer convention: LEFT_EYE is on the image's left). */
export const FS_FACE: FaceIds = { background: 0, skin: 1, hair: 13, nose: 2, eyeImageLeft: 4, eyeImageRight: 3, browImageLeft: 6, browImageRight: 5, upperLip: 10, lowerLip: 11, neck: 12 };
/** CelebAMask-HQ ids (subject convention: l_eye is on the image's right). */
export const CAMHQ_FACE: FaceIds = { background: 0, skin: 1, hair: 13, nose: 2, eyeImageLeft: 5, eyeImageRight: 4, browImageLeft: 7, browImageRight: 6, upperLip: 11, lowerLip: 12, neck: 17 };
/** LaPa / Helen ids (viewer convention). */
export const LAPA_FACE: FaceIds = { background: 0, skin: 1, hair: 10, nose: 6, eyeImageLeft: 4, eyeImageRight: 5, browImageLeft: 2, browImageRight: 3, upperLip: 7, lowerLip: 9 };

/** Draws a simple frontal face label map: hair cap, skin ellipse, neck, eyes, brows, nose and lips; `shift` moves it right. */
export function drawFace(width: number, height: number, ids: FaceIds, shift = 0): LabelMap {
  const data = new Uint8Array(width * height).fill(ids.background);
  const at = (fx: number, fy: number): [number, number] => [fx * width + shift, fy * height];
  const fill = (id: number | undefined, inside: (x: number, y: number) => boolean): void => {
    if (id === undefined) return;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inside(x + 0.5, y + 0.5)) data[y * width + x] = id;
  };
  const ellipse = (cx: number, cy: number, rx: number, ry: number) => (x: number, y: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const rect = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) => x >= x0 && x < x1 && y >= y0 && y < y1;
  const [cx, cy] = at(0.5, 0.5);
  fill(ids.neck, rect(cx - 0.12 * width, cy + 0.2 * height, cx + 0.12 * width, height));
  fill(ids.hair, ellipse(cx, cy - 0.1 * height, 0.36 * width, 0.36 * height));
  fill(ids.skin, ellipse(cx, cy + 0.04 * height, 0.28 * width, 0.34 * height));
  fill(ids.browImageLeft, rect(...at(0.34, 0.36), ...at(0.46, 0.39)));
  fill(ids.browImageRight, rect(...at(0.54, 0.36), ...at(0.66, 0.39)));
  fill(ids.eyeImageLeft, ellipse(...at(0.4, 0.44), 0.05 * width, 0.025 * height));
  fill(ids.eyeImageRight, ellipse(...at(0.6, 0.44), 0.05 * width, 0.025 * height));
  fill(ids.nose, rect(...at(0.47, 0.46), ...at(0.53, 0.6)));
  fill(ids.upperLip, rect(...at(0.42, 0.66), ...at(0.58, 0.69)));
  fill(ids.lowerLip, rect(...at(0.42, 0.69), ...at(0.58, 0.72)));
  return { width, height, data };
}

/** Paints each pixel with its class colour: a picture whose classes a nearest-colour model recovers exactly. */
export function paintLabels(map: LabelMap, colours: ReadonlyMap<number, Rgb>): RgbImage {
  const data = new Uint8Array(map.width * map.height * 3);
  for (let i = 0; i < map.data.length; i++) {
    const c = colours.get(map.data[i]) ?? [0, 0, 0];
    data.set(c, i * 3);
  }
  return { width: map.width, height: map.height, data };
}

/** Colours of a schema's classes by id. */
export function schemaColours(schema: { classes: ReadonlyArray<{ id: number; color: Rgb }> }): Map<number, Rgb> {
  return new Map(schema.classes.map((c) => [c.id, c.color]));
}

/**
 * A 1×1-conv ONNX model that labels each pixel with the class whose colour is nearest: logit_c = v_c·x − |v_c|²/2
 * with x = pixel/255, so argmax_c = argmin_c |x − v_c|². Channel k is class `classIds[k]`.
 */
export function nearestColourModel(colours: readonly Rgb[], o: { width?: number; height?: number; dynamicSpatial?: boolean; dynamicBatch?: boolean; stride?: number } = {}): Uint8Array {
  const v = colours.map((c) => c.map((x) => x / 255));
  return conv1x1Model({
    outChannels: colours.length,
    weights: v.flat(),
    bias: v.map((c) => -(c[0] ** 2 + c[1] ** 2 + c[2] ** 2) / 2),
    inputName: 'pixels',
    outputName: 'logits',
    ...o,
  });
}

/** Writes a class-id map as an 8-bit grayscale PNG. */
export async function writeGrayPng(file: string, map: LabelMap): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp(map.data, { raw: { width: map.width, height: map.height, channels: 1 } }).toColourspace('b-w').png().toFile(file);
  return file;
}

/** Writes a class-id map as a palette PNG (index = class id) with fast-png. */
export async function writePalettePng(file: string, map: LabelMap, palette: readonly Rgb[]): Promise<string> {
  const { encode } = await import('fast-png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const png = encode({ width: map.width, height: map.height, data: map.data, depth: 8, channels: 1, palette: palette.map((c) => [c[0], c[1], c[2]]) });
  fs.writeFileSync(file, png);
  return file;
}

/** Writes an RGB image as PNG or JPEG (by extension). */
export async function writeRgb(file: string, image: RgbImage, quality = 95): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  await (file.endsWith('.jpg') ? pipeline.jpeg({ quality }) : pipeline.png()).toFile(file);
  return file;
}

/** Writes a one-bit part mask (255 where `inside`, else 0) as a grayscale PNG. */
export async function writePartMask(file: string, map: LabelMap, classId: number): Promise<string> {
  const data = map.data.map((v) => (v === classId ? 255 : 0));
  return writeGrayPng(file, { width: map.width, height: map.height, data });
}
