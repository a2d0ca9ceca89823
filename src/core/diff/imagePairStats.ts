import { applyCrosswalk, type Crosswalk } from '../schema/crosswalk';
import { IGNORE_ID, type LabelMap } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import { classImageStats } from './classImageStats';
import type { ClassImageStats, DiffProtocol, ImageDiffRecord } from './diffTypes';
import { sidedPairs, sideOrders } from './sideOrder';

/** What comparing one image's two label maps gives (the journal line without its id and keys). */
export type ImagePairStats = Pick<ImageDiffRecord, 'size' | 'joint' | 'classes' | 'sides' | 'disagreement'>;

/** Joint pixel counts of (A id, B's own id), leaving out pixels either side ignores. */
function jointCounts(a: Uint8Array, b: Uint8Array): Array<[number, number, number]> {
  const pairs = new Uint32Array(65536);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== IGNORE_ID && b[i] !== IGNORE_ID) pairs[(a[i] << 8) | b[i]]++;
  }
  const cells: Array<[number, number, number]> = [];
  for (let k = 0; k < pairs.length; k++) if (pairs[k] > 0) cells.push([k >> 8, k & 255, pairs[k]]);
  return cells;
}

function disagreementShare(a: Uint8Array, bInA: Uint8Array): number {
  let labelled = 0;
  let differ = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === IGNORE_ID || bInA[i] === IGNORE_ID) continue;
    labelled++;
    if (a[i] !== bInA[i]) differ++;
  }
  return labelled ? differ / labelled : 0;
}

/** Compares A's labels with B's (B's own ids, already at A's size): joint counts, per-class boundary stats, side order. */
export function compareImagePair(a: LabelMap, b: LabelMap, crosswalk: Crosswalk, schemaA: LabelSchema, protocol: DiffProtocol): ImagePairStats {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`label sizes differ: A ${a.width}×${a.height}, B ${b.width}×${b.height}; resample B first`);
  const bInA = applyCrosswalk(b.data, crosswalk.table);
  const input = { a: a.data, b: bInA, width: a.width, height: a.height, bandK: protocol.bandK };
  const classes: ClassImageStats[] = [];
  for (const cls of schemaA.classes) {
    const stats = classImageStats(input, cls.id);
    if (stats) classes.push(stats);
  }
  return {
    size: [a.width, a.height],
    joint: jointCounts(a.data, b.data),
    classes,
    sides: sideOrders(a.data, bInA, a.width, sidedPairs(schemaA)),
    disagreement: disagreementShare(a.data, bInA),
  };
}
