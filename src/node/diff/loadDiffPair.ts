import type { LabelSchema } from '../../core/schema/labelSchema';
import { diffCrosswalk } from '../../core/diff/pairCrosswalk';
import type { DiffRecord } from '../../core/diff/diffTypes';
import { matchItems } from '../../core/diff/matchItems';
import { resampleToA } from '../../core/diff/resampleToA';
import type { LabelMap } from '../../core/raster/labelMap';
import { applyCrosswalk } from '../../core/schema/crosswalk';
import type { NodeAdapters } from '../nodeAdapters';
import type { LabelSide } from './labelSide';
import { openLabelSide } from './openLabelSide';

/** One compared image for display: A's labels, B's in B's ids at A's size, B translated into A's ids, and the image when known. */
export interface DiffPair {
  readonly a: LabelMap;
  readonly b: LabelMap;
  readonly bInA: LabelMap;
  readonly image?: string;
}

/** The two sides of a diff opened once, to load many pairs from. */
export interface DiffPairSource {
  readonly a: LabelSide;
  readonly b: LabelSide;
  /** B's id for an A id, when the sides pair it. */
  partnerOf(id: string): string | undefined;
  /** Loads one pair; throws an Error naming the file when a side cannot be read. */
  load(id: string, signal?: AbortSignal): Promise<DiffPair>;
}

/** The crosswalk table diff.json recorded (a mapping file's overrides included); older records: the default one. */
function recordedTable(record: DiffRecord, schemaA: LabelSchema, schemaB: LabelSchema): Uint8Array {
  const table = record.crosswalkTable;
  const valid = Array.isArray(table) && table.length === 256 && table.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
  return valid ? Uint8Array.from(table) : diffCrosswalk(schemaA, schemaB, record.protocol.match).table;
}

/** Opens the sides diff.json names and pairs their items as the diff did, translating B with the diff's own crosswalk. */
export async function openDiffPairs(record: DiffRecord, adapters: NodeAdapters, signal?: AbortSignal): Promise<DiffPairSource> {
  const [a, b] = await Promise.all([openLabelSide(record.a.spec, adapters, signal), openLabelSide(record.b.spec, adapters, signal)]);
  const partners = new Map(matchItems(a.ids, b.ids).pairs);
  const table = recordedTable(record, a.schema, b.schema);
  return {
    a,
    b,
    partnerOf: (id) => partners.get(id),
    async load(id, loadSignal) {
      const idB = partners.get(id);
      if (idB === undefined) throw new Error(`${record.a.spec.path}: item "${id}" has no partner in ${b.description}`);
      const [la, lb] = await Promise.all([a.load(id, loadSignal), b.load(idB, loadSignal)]);
      const { map } = resampleToA(la.map, lb.map, { a: a.fileOf(id), b: b.fileOf(idB) });
      const bInA = { width: map.width, height: map.height, data: applyCrosswalk(map.data, table) };
      return { a: la.map, b: map, bInA, image: a.imageOf(id) ?? b.imageOf(idB) };
    },
  };
}

/** Loads one pair of a diff (opens both sides each time; open them once with openDiffPairs to load many). */
export async function loadPair(record: DiffRecord, id: string, adapters: NodeAdapters, signal?: AbortSignal): Promise<DiffPair> {
  return (await openDiffPairs(record, adapters, signal)).load(id, signal);
}
