import type { FileAccess } from '../ports/fileAccess';
import type { DecodedMask, ImageDecoder } from '../ports/imageDecoder';
import type { LabelMap } from '../raster/labelMap';
import { IGNORE_ID } from '../raster/labelMap';
import { rgbToIds } from '../schema/colorIndex';
import type { LabelSchema } from '../schema/labelSchema';
import type { LabelSource } from './datasetIndex';
import { count } from './filePairing';

/** How a label file stored its classes. */
export type LabelEncoding = 'class ids' | 'palette indices' | 'RGB colours' | 'per-part masks' | 'probability maps';

/** A ground-truth label map in its schema's ids (255 = ignore). */
export interface LoadedLabel {
  readonly map: LabelMap;
  readonly encoding: LabelEncoding;
}

/** Reads and interprets the label of one item; throws an Error naming the file and the problem. */
export async function loadLabel(
  source: LabelSource,
  schema: LabelSchema,
  files: FileAccess,
  decoder: ImageDecoder,
  signal?: AbortSignal,
): Promise<LoadedLabel> {
  switch (source.kind) {
    case 'mask': {
      const decoded = await decoder.decodeMask(await files.readBytes(source.path, signal), source.path);
      return interpretMask(decoded, schema, source.path);
    }
    case 'parts':
      return { map: await paintParts(source.parts, schema, files, decoder, signal), encoding: 'per-part masks' };
    case 'probabilityMaps':
      return { map: await argmaxMaps(source.paths, files, decoder, signal), encoding: 'probability maps' };
  }
}

/** Turns a decoded mask into schema ids, rejecting ids and colours the schema does not have. */
export function interpretMask(decoded: DecodedMask, schema: LabelSchema, file: string): LoadedLabel {
  if (decoded.kind === 'rgb') {
    const { map, unknownColors } = rgbToIds(decoded.image, schema);
    if (unknownColors.length > 0) {
      const listed = unknownColors.slice(0, 5).map((c) => `rgb(${c.color.join(',')}) ×${count(c.pixels)}`).join(', ');
      throw new Error(`${file}: colours not in the ${schema.id} palette: ${listed}; an RGB mask must use the schema's colours exactly`);
    }
    return { map, encoding: 'RGB colours' };
  }
  checkIds(decoded.map, schema, file);
  return { map: decoded.map, encoding: decoded.kind === 'palette' ? 'palette indices' : 'class ids' };
}

/** Throws when a map holds values that are neither class ids of the schema nor the ignore id. */
export function checkIds(map: LabelMap, schema: LabelSchema, file: string): void {
  const valid = new Uint8Array(256);
  for (const cls of schema.classes) valid[cls.id] = 1;
  valid[IGNORE_ID] = 1;
  const histogram = new Uint32Array(256); // a label map holds at most 100 megapixels (the decoder refuses more)
  const data = map.data;
  for (let i = 0; i < data.length; i++) histogram[data[i]]++;
  const unknown: string[] = [];
  for (let id = 0; id < 256; id++) if (histogram[id] > 0 && !valid[id]) unknown.push(`${id} (${count(histogram[id])} px)`);
  if (unknown.length > 0) {
    const ids = schema.classes.map((c) => c.id);
    throw new Error(`${file}: class id${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 6).join(', ')} not in schema ${schema.id} (ids ${Math.min(...ids)}–${Math.max(...ids)}, 255 = ignore)`);
  }
}

async function paintParts(
  parts: ReadonlyArray<{ className: string; path: string }>,
  schema: LabelSchema,
  files: FileAccess,
  decoder: ImageDecoder,
  signal?: AbortSignal,
): Promise<LabelMap> {
  const byName = new Map(schema.classes.map((c) => [c.name, c.id]));
  const ordered = parts
    .map((p) => {
      const id = byName.get(p.className);
      if (id === undefined) throw new Error(`${p.path}: part "${p.className}" is not a class of ${schema.id}`);
      return { ...p, id };
    })
    .sort((a, b) => a.id - b.id);
  const masks = await Promise.all(ordered.map(async (p) => decoder.decodeGray(await files.readBytes(p.path, signal), p.path)));
  const { width, height } = masks[0];
  const out = new Uint8Array(width * height);
  masks.forEach((mask, i) => {
    if (mask.width !== width || mask.height !== height) {
      throw new Error(`${ordered[i].path}: part mask is ${mask.width}×${mask.height}, but ${ordered[0].path} is ${width}×${height}`);
    }
    const id = ordered[i].id;
    const data = mask.data;
    for (let p = 0; p < data.length; p++) if (data[p] !== 0) out[p] = id;
  });
  return { width, height, data: out };
}

async function argmaxMaps(paths: readonly string[], files: FileAccess, decoder: ImageDecoder, signal?: AbortSignal): Promise<LabelMap> {
  const maps = await Promise.all(paths.map(async (p) => decoder.decodeGray(await files.readBytes(p, signal), p)));
  const { width, height } = maps[0];
  maps.forEach((m, i) => {
    if (m.width !== width || m.height !== height) throw new Error(`${paths[i]}: probability map is ${m.width}×${m.height}, but ${paths[0]} is ${width}×${height}`);
  });
  const out = new Uint8Array(width * height);
  const best = new Int16Array(width * height).fill(-1);
  maps.forEach((m, classId) => {
    const data = m.data;
    for (let p = 0; p < data.length; p++) {
      if (data[p] > best[p]) {
        best[p] = data[p];
        out[p] = classId;
      }
    }
  });
  return { width, height, data: out };
}
