import { compareAttributes, distFindings } from '../../core/distribution/compare/compareAttributes';
import type { AttributeDef, DistRecord, DistSideSpec, DistSummary, ImageAttributes } from '../../core/distribution/distTypes';
import { matchingFinding } from '../../core/distribution/matching/matchingFindings';
import type { NodeAdapters } from '../nodeAdapters';
import { featurePart, gapPart, matchingPart, slicePart } from './distParts';
import type { DistRequest } from './runDistribution';

/** Both sides measured: their attribute records in item order, the attributes compared, and the sides as named. */
export interface MeasuredSides {
  readonly records: readonly [readonly ImageAttributes[], readonly ImageAttributes[]];
  readonly defs: readonly AttributeDef[];
  readonly specs: readonly [DistSideSpec, DistSideSpec];
}

/** The parts of dist.json computed from the measured attributes. */
export type DistParts = Pick<DistRecord, 'summary' | 'slices' | 'expectedScore' | 'decomposition'>;

/**
 * Summarises measured sides as `facegap dist` and `facegap merge` both do: the per-attribute comparison and findings,
 * then (unless `partial`, a shard's view) importance weights and the matched subset (written into request.outDir),
 * feature distances, performance by slice and the gap decomposition, as the request asks.
 */
export async function summarizeDistribution(
  measured: MeasuredSides,
  request: DistRequest,
  adapters: NodeAdapters,
  options: { readonly signal?: AbortSignal; readonly partial?: boolean } = {},
): Promise<DistParts> {
  const [a, b] = measured.records;
  const { defs } = measured;
  const attributes = compareAttributes(a, b, defs);
  if (options.partial) return { summary: { imagesA: a.length, imagesB: b.length, attributes, findings: distFindings(attributes, 10) } };
  const matching = await matchingPart(a, b, defs, request, adapters);
  const features = request.features ? await featurePart(request.features, a, b, request, options.signal) : undefined;
  const summary: DistSummary = {
    imagesA: a.length,
    imagesB: b.length,
    attributes,
    findings: [...distFindings(attributes, 10), ...(matching ? [matchingFinding(matching, defs, a.length)].filter((f): f is string => !!f) : [])],
    ...(features ? { features } : {}),
    ...(matching ? { matching } : {}),
  };
  const slices = request.run ? await slicePart(request.run, measured.specs, [a, b], attributes, adapters) : undefined;
  return { summary, ...(slices ?? {}), ...(request.gap ? { decomposition: await gapPart(request.gap, adapters) } : {}) };
}
