import { buildCrosswalk, type Crosswalk } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import type { MappingOverrides } from '../schema/mappingJson';
import type { DiffProtocol } from './diffTypes';

/**
 * The translation of B's class ids into A's for a diff. "sides" matches sided classes by the subject's side (each
 * schema's own left/right convention); "names" reads B's side names in A's convention, as a name-based tool would.
 */
export function diffCrosswalk(schemaA: LabelSchema, schemaB: LabelSchema, match: DiffProtocol['match'], overrides?: MappingOverrides): Crosswalk {
  const from = match === 'names' ? { ...schemaB, leftRight: schemaA.leftRight } : schemaB;
  const crosswalk = buildCrosswalk(from, schemaA, overrides);
  return { ...crosswalk, sideSwapped: schemaB.leftRight !== schemaA.leftRight };
}
