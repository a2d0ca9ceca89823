import type { Crosswalk } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import { classDiffs, classFlows, jointInA } from './classDiffs';
import { classGroups, conceptGroups } from './conceptGroups';
import { diffFindings } from './diffFindings';
import { diffTotals } from './diffTotals';
import type { ClassDiff, DiffProtocol, DiffSummary, ImageDiffRecord } from './diffTypes';
import { diffCrosswalk } from './pairCrosswalk';
import { sideReversals, sideSwaps } from './sideSwaps';
import { columnOf, rowOf, suggestMapping } from './suggestedMapping';

/** The schemas and crosswalk a diff was computed with. */
export interface DiffContext {
  readonly schemaA: LabelSchema;
  readonly schemaB: LabelSchema;
  /** B's ids → A's (diffCrosswalk). */
  readonly crosswalk: Crosswalk;
  readonly protocol: DiffProtocol;
}

function agreementOf(joint: Float64Array): number {
  let all = 0;
  let same = 0;
  for (let a = 0; a < 256; a++) {
    for (let b = 0; b < 256; b++) {
      all += joint[a * 256 + b];
      if (a === b) same += joint[a * 256 + b];
    }
  }
  return all > 0 ? same / all : 0;
}

function meanForegroundF1(perClass: readonly ClassDiff[], schemaA: LabelSchema): number {
  const background = new Set(schemaA.classes.filter((c) => c.concept === 'background').map((c) => c.id));
  const scores = perClass.filter((c) => !background.has(c.id) && c.f1 !== null).map((c) => c.f1 ?? 0);
  return scores.length ? scores.reduce((s, v) => s + v, 0) / scores.length : 0;
}

/** Whether B's labels were smaller than A's in this image and were enlarged. */
function upsampled(record: ImageDiffRecord): boolean {
  return record.resizedFrom !== undefined && record.resizedFrom[0] * record.resizedFrom[1] < record.size[0] * record.size[1];
}

/** Sums a diff's per-image records into per-class results, flows, swaps, a suggested crosswalk and findings in words. */
export function summarizeDiff(records: readonly ImageDiffRecord[], context: DiffContext): DiffSummary {
  const { schemaA, schemaB, crosswalk, protocol } = context;
  const totals = diffTotals(records, crosswalk.table);
  const joint = jointInA(totals, crosswalk);
  const perClass = classDiffs(totals, joint, schemaA);
  const reversals = sideReversals(totals, schemaA);
  const pixelAgreement = agreementOf(joint);
  const meanF1 = meanForegroundF1(perClass, schemaA);
  const groups = conceptGroups(schemaA, perClass, totals);
  const classLevel = new Map(groups.filter((g) => g.ids.length > 1).map((g) => [g.concept, classGroups(schemaA, g, perClass, totals)]));
  const findings = diffFindings({ schemaA, schemaB, protocol, images: records.length, pixelAgreement, meanF1, groups, joint, reversals, classLevel, bUpsampled: records.some(upsampled) });
  const rows = (id: number): Float64Array => rowOf(totals.joint, id);
  const columns = (id: number): Float64Array => columnOf(totals.joint, id);
  const aToB = suggestMapping(schemaA, schemaB, rows, columns, diffCrosswalk(schemaB, schemaA, protocol.match));
  const bToA = suggestMapping(schemaB, schemaA, columns, rows, crosswalk);
  return { images: records.length, pixelAgreement, meanF1, perClass, flows: classFlows(joint, schemaA), swaps: sideSwaps(reversals), findings, suggestedMapping: { aToB, bToA } };
}
