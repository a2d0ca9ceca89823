import type { LabelSchema } from './labelSchema';
import { BISENET_SCHEMA } from './builtin/biSeNet';
import { CELEBAMASK_HQ_SCHEMA } from './builtin/celebAMaskHq';
import { FACE_SYNTHETICS_SCHEMA } from './builtin/faceSynthetics';
import { HELEN_SCHEMA } from './builtin/helen';
import { LAPA_SCHEMA } from './builtin/laPa';

/** The label schemas FaceGap knows without a schema file. */
export const BUILTIN_SCHEMAS: readonly LabelSchema[] = [
  FACE_SYNTHETICS_SCHEMA,
  CELEBAMASK_HQ_SCHEMA,
  BISENET_SCHEMA,
  LAPA_SCHEMA,
  HELEN_SCHEMA,
];

/** Other names users type for built-in schemas (lower case) → schema id. */
export const BUILTIN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['fs', 'facesynthetics'],
  ['face-synthetics', 'facesynthetics'],
  ['camhq', 'celebamask-hq'],
  ['celebamaskhq', 'celebamask-hq'],
  ['segformer', 'celebamask-hq'],
  ['face-parsing.pytorch', 'bisenet'],
]);

/** The built-in schema id an id or alias names (case-insensitive), or undefined. */
export function resolveBuiltinId(idOrAlias: string): string | undefined {
  const lower = idOrAlias.trim().toLowerCase();
  if (BUILTIN_SCHEMAS.some((s) => s.id === lower)) return lower;
  return BUILTIN_ALIASES.get(lower);
}

/** The built-in schema with this id or alias (case-insensitive), or undefined. */
export function findBuiltinSchema(idOrAlias: string): LabelSchema | undefined {
  const id = resolveBuiltinId(idOrAlias);
  return id === undefined ? undefined : BUILTIN_SCHEMAS.find((s) => s.id === id);
}
