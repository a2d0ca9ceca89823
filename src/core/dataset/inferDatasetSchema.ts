import type { FileAccess } from '../ports/fileAccess';
import type { DecodedMask, ImageDecoder } from '../ports/imageDecoder';
import { schemaMatchesPalette } from '../schema/colorIndex';
import type { LabelSchema } from '../schema/labelSchema';
import { accumulateMaskStats, createMaskStats, guessSchema } from '../schema/schemaGuess';
import { spreadSample } from '../util/mapConcurrent';
import type { DatasetIndex } from './datasetIndex';

/** The schema chosen for a dataset and why. */
export interface SchemaChoice {
  readonly schema: LabelSchema;
  readonly reason: string;
}

/** Masks sampled to recognise a schema. */
const SAMPLE_MASKS = 24;

/** Raised when the masks do not say which schema they use; the message says what to pass. */
export class SchemaUnknownError extends Error {}

/** Chooses the ground truth's schema: the user's choice, the layout's, or one recognised from sampled masks. */
export async function inferDatasetSchema(
  index: DatasetIndex,
  candidates: readonly LabelSchema[],
  files: FileAccess,
  decoder: ImageDecoder,
  explicit?: LabelSchema,
): Promise<SchemaChoice> {
  if (explicit) return { schema: explicit, reason: 'given by the user' };
  if (index.schemaId) {
    const fixed = candidates.find((s) => s.id === index.schemaId);
    if (fixed) return { schema: fixed, reason: index.schemaReason ?? 'fixed by the layout' };
  }
  const masks = await sampleMasks(index, files, decoder);
  if (masks.length === 0) throw new SchemaUnknownError(`${index.root}: no readable mask to recognise the label schema from; pass --schema <id>`);
  const choice = byPalette(masks, candidates) ?? byColours(masks, candidates) ?? byStatistics(masks, candidates);
  if (!choice) {
    throw new SchemaUnknownError(
      `${index.root}: cannot tell which label schema the masks use; pass --schema <id> (built in: ${candidates.map((s) => s.id).join(', ')}) or a schema JSON file`,
    );
  }
  return choice;
}

async function sampleMasks(index: DatasetIndex, files: FileAccess, decoder: ImageDecoder): Promise<DecodedMask[]> {
  const paths = spreadSample(index.items, SAMPLE_MASKS).flatMap((item) => (item.label?.kind === 'mask' ? [item.label.path] : []));
  const masks: DecodedMask[] = [];
  for (const path of paths) {
    try {
      masks.push(await decoder.decodeMask(await files.readBytes(path), path));
    } catch {
      // Unreadable masks are reported by info and eval; the sample just leaves them out.
    }
  }
  return masks;
}

function byPalette(masks: readonly DecodedMask[], candidates: readonly LabelSchema[]): SchemaChoice | undefined {
  const palettes = masks.flatMap((m) => (m.kind === 'palette' ? [m] : []));
  if (palettes.length === 0) return undefined;
  const scored = candidates.map((schema) => ({
    schema,
    score: Math.min(...palettes.map((m) => schemaMatchesPalette(m.palette, schema, usedValues(m.map.data)))),
  }));
  const best = scored.sort((a, b) => b.score - a.score)[0];
  if (best.score < 1) return undefined;
  return { schema: best.schema, reason: `palette colours of the masks equal the ${best.schema.id} colours` };
}

function byColours(masks: readonly DecodedMask[], candidates: readonly LabelSchema[]): SchemaChoice | undefined {
  const rgb = masks.flatMap((m) => (m.kind === 'rgb' ? [m.image] : []));
  if (rgb.length === 0) return undefined;
  const matching = candidates.filter((schema) => {
    const colours = new Set(schema.classes.map((c) => (c.color[0] << 16) | (c.color[1] << 8) | c.color[2]));
    return rgb.every((img) => {
      for (let i = 0; i < img.data.length; i += 3) if (!colours.has((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2])) return false;
      return true;
    });
  });
  // Schemas without a published palette (FaceSynthetics, Helen) borrow other datasets' colours: the owner wins.
  const [best, ...others] = [...matching.filter((s) => s.officialPalette), ...matching.filter((s) => !s.officialPalette)];
  if (!best) return undefined;
  const also = others.length > 0 ? ` (also the colours of ${others.map((s) => s.id).join(', ')}; pass --schema to choose another)` : '';
  return { schema: best, reason: `every mask colour is a ${best.id} class colour${also}` };
}

function byStatistics(masks: readonly DecodedMask[], candidates: readonly LabelSchema[]): SchemaChoice | undefined {
  const grayMasks = masks.flatMap((m) => (m.kind === 'rgb' ? [] : [m.map]));
  if (grayMasks.length === 0) return undefined;
  const accumulated = grayMasks.reduce((s, map) => accumulateMaskStats(s, map), createMaskStats());
  const ranked = guessSchema(accumulated, [...candidates]);
  const [first, second] = ranked;
  if (!first || first.score <= 0 || (second && second.score >= first.score)) return undefined;
  const reasons = first.reasons.slice(0, 3).map((r) => r.replace(/\.$/, '')).join('; ');
  return { schema: candidates.find((s) => s.id === first.schema)!, reason: `recognised from class statistics of ${grayMasks.length} masks: ${reasons}` };
}

function usedValues(data: Uint8Array): number[] {
  const seen = new Uint8Array(256);
  for (let i = 0; i < data.length; i++) seen[data[i]] = 1;
  return [...seen.keys()].filter((v) => seen[v] === 1);
}
