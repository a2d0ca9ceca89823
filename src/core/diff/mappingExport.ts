import type { DiffSummary, LabelSideSpec, SuggestedMapping } from './diffTypes';

/** A mapping file as `facegap eval --mapping` reads it. */
export interface MappingFileJson {
  readonly from: string;
  readonly to: string;
  readonly map: Readonly<Record<string, string | null>>;
}

/**
 * The suggested mapping in the direction `facegap eval --mapping` applies it: from the prediction schema to the
 * ground truth's when one side is a run's predictions, else from A's schema to B's.
 */
export function mappingToExport(summary: Pick<DiffSummary, 'suggestedMapping'>, a: Pick<LabelSideSpec, 'kind'>, b: Pick<LabelSideSpec, 'kind'>): SuggestedMapping {
  const { aToB, bToA } = summary.suggestedMapping;
  if (b.kind === 'run-predictions' && a.kind !== 'run-predictions') return bToA;
  return aToB;
}

/** The mapping file's JSON: only the keys a mapping file may have. */
export function mappingFileJson(mapping: SuggestedMapping): MappingFileJson {
  return { from: mapping.from, to: mapping.to, map: mapping.map };
}
