import type { Crosswalk } from '../schema/crosswalk';
import { crosswalkReport } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import type { DiffProtocol } from './diffTypes';

/** The crosswalk lines diff.json keeps: the side rule in words, then every fallback, override and ignored class of B. */
export function diffCrosswalkLines(crosswalk: Crosswalk, schemaA: LabelSchema, schemaB: LabelSchema, match: DiffProtocol['match']): string[] {
  const lines = crosswalkReport(crosswalk);
  if (schemaA.leftRight === schemaB.leftRight) return lines;
  if (match === 'sides') return lines;
  // The crosswalk was built reading B's side names in A's convention, so its own side sentence does not apply.
  const rest = crosswalk.sideSwapped ? lines.slice(1) : lines;
  const rule = `${schemaB.id} names the ${who(schemaB)} side, ${schemaA.id} the ${who(schemaA)}; --match names reads B's "left" as A's "left", as a tool matching by name would`;
  return [rule, ...rest];
}

function who(schema: LabelSchema): string {
  return schema.leftRight === 'subject' ? "subject's" : "viewer's";
}
