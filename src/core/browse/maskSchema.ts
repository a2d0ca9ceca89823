import type { DecodedMask } from '../ports/imageDecoder';
import { IGNORE_ID, type LabelMap } from '../raster/labelMap';
import type { RgbImage } from '../raster/rgbImage';
import { rgbToIds, schemaMatchesPalette } from '../schema/colorIndex';
import type { LabelSchema } from '../schema/labelSchema';
import { accumulateMaskStats, createMaskStats, guessSchema } from '../schema/schemaGuess';

/** A single mask read in a schema: its ids, the schema, why that one, and what is odd about it. */
export interface MaskReading {
  readonly map: LabelMap;
  readonly schema: LabelSchema;
  readonly reason: string;
  /** Each names the file. */
  readonly notes: readonly string[];
}

/** Share of an RGB mask's pixels that must carry a schema's class colours for it to count as a mask (edges may be blended). */
export const MIN_COLOUR_COVERAGE = 0.95;
/** More distinct ids than this (and more than any schema has classes) means a picture, not a mask. */
const MAX_PLAIN_IDS = 64;

/**
 * Chooses the schema one mask is read in: RGB colours by the palette that covers them (published palettes first),
 * palette PNGs by a palette equal to a schema's colours, class ids by class statistics (schemaGuess), else the first
 * schema with every id. Throws an Error naming the file when the file is a picture rather than a mask.
 */
export function readMaskInSchema(decoded: DecodedMask, schemas: readonly LabelSchema[], file: string): MaskReading {
  if (schemas.length === 0) throw new Error(`${file}: no label schema to read the mask in`);
  if (decoded.kind === 'rgb') return byColours(decoded.image, schemas, file);
  const notes: string[] = [];
  const present = presentIds(decoded.map.data);
  const largest = Math.max(...schemas.map((s) => s.classes.length));
  if (present.length > Math.max(MAX_PLAIN_IDS, largest)) throw new Error(`${file}: not a label mask: it holds ${present.length} different values, more than any schema has classes`);
  const choice = (decoded.kind === 'palette' ? byPalette(decoded.palette, present, schemas) : undefined) ?? byStatistics(decoded.map, present, schemas);
  const ids = new Set(choice.schema.classes.map((c) => c.id));
  const foreign = present.filter((id) => !ids.has(id));
  if (foreign.length > 0) notes.push(`${file}: ids ${foreign.join(', ')} are not classes of ${choice.schema.id} (drawn grey)`);
  return { map: decoded.map, ...choice, notes };
}

/** Pixel count per id present (ascending ids, ignore id included). */
export function idCounts(data: Uint8Array): Array<{ id: number; pixels: number }> {
  const histogram = new Float64Array(256);
  for (let i = 0; i < data.length; i++) histogram[data[i]]++;
  const counts: Array<{ id: number; pixels: number }> = [];
  for (let id = 0; id < 256; id++) if (histogram[id] > 0) counts.push({ id, pixels: histogram[id] });
  return counts;
}

type Choice = { schema: LabelSchema; reason: string };

function byPalette(palette: ReadonlyArray<readonly [number, number, number]>, present: readonly number[], schemas: readonly LabelSchema[]): Choice | undefined {
  const schema = schemas.find((s) => schemaMatchesPalette(palette, s, present) === 1);
  return schema ? { schema, reason: `its palette colours equal the ${schema.id} class colours` } : undefined;
}

function byStatistics(map: LabelMap, present: readonly number[], schemas: readonly LabelSchema[]): Choice {
  const [first, second] = guessSchema(accumulateMaskStats(createMaskStats(), map), schemas);
  if (first && first.score > 0) {
    const schema = schemas.find((s) => s.id === first.schema)!;
    const reasons = first.reasons.slice(0, 3).map((r) => r.replace(/\.$/, '')).join('; ');
    const tie = second && second.score >= first.score ? ` (${second.schema} fits as well)` : '';
    return { schema, reason: `recognised from its class statistics${tie}: ${reasons}` };
  }
  const top = present.filter((id) => id !== IGNORE_ID).reduce((a, b) => Math.max(a, b), 0);
  const roomy = schemas.find((s) => s.classes.some((c) => c.id >= top));
  const schema = roomy ?? [...schemas].sort((a, b) => b.classes.length - a.classes.length)[0];
  const how = roomy ? 'the first schema with enough classes' : 'the schema with the most classes';
  return { schema, reason: `no schema has every id in the mask; shown in ${schema.id}, ${how} (ids up to ${top})` };
}

function byColours(image: RgbImage, schemas: readonly LabelSchema[], file: string): MaskReading {
  const histogram = colourHistogram(image);
  const pixels = image.width * image.height;
  const ranked = schemas
    .map((schema, order) => {
      const colours = new Set(schema.classes.map((c) => pack(c.color[0], c.color[1], c.color[2])));
      let covered = 0;
      for (const [key, n] of histogram) if (colours.has(key)) covered += n;
      return { schema, covered, order };
    })
    // Schemas without a published palette borrow other datasets' colours: at equal coverage the owner wins.
    .sort((a, b) => b.covered - a.covered || Number(b.schema.officialPalette ?? false) - Number(a.schema.officialPalette ?? false) || a.order - b.order);
  const best = ranked[0];
  const share = pixels > 0 ? best.covered / pixels : 0;
  if (share < MIN_COLOUR_COVERAGE) {
    throw new Error(`${file}: not a label mask: ${histogram.size} colours, and only ${percent(share)} of the pixels have the class colours of a schema (closest: ${best.schema.id})`);
  }
  const { map, unknownColors } = rgbToIds(image, best.schema);
  const also = ranked.filter((r) => r !== best && r.covered === best.covered).map((r) => r.schema.id);
  const alsoText = also.length > 0 ? ` (also the colours of ${also.join(', ')})` : '';
  const reason = best.covered === pixels ? `every colour is a ${best.schema.id} class colour${alsoText}` : `${percent(share)} of the pixels have ${best.schema.id} class colours${alsoText}`;
  const notes = unknownColors.length > 0 ? [`${file}: ${pixels - best.covered} pixels in colours that are not ${best.schema.id} class colours (e.g. ${unknownColors.slice(0, 3).map((c) => `rgb(${c.color.join(',')})`).join(', ')}) are shown as ignored (255)`] : [];
  return { map, schema: best.schema, reason, notes };
}

function colourHistogram(image: RgbImage): Map<number, number> {
  const histogram = new Map<number, number>();
  const d = image.data;
  for (let i = 0; i < d.length; i += 3) {
    const key = pack(d[i], d[i + 1], d[i + 2]);
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
  }
  return histogram;
}

function presentIds(data: Uint8Array): number[] {
  return idCounts(data).map((c) => c.id).filter((id) => id !== IGNORE_ID);
}

function pack(r: number, g: number, b: number): number {
  return (r << 16) | (g << 8) | b;
}

function percent(share: number): string {
  return `${Math.floor(share * 1000) / 10}%`;
}
