import { ATTRIBUTES, conceptAttributes } from '../../core/distribution/attributes/attributeCatalog';
import { compareAttributes, distFindings } from '../../core/distribution/compare/compareAttributes';
import type { EmbedderSpec } from '../../core/distribution/features/embedderSpec';
import { matchingFinding } from '../../core/distribution/matching/matchingFindings';
import { DIST_FILES, type DistRecord, type DistSideSpec, type DistSummary } from '../../core/distribution/distTypes';
import type { ExecutionProviderChoice } from '../../core/ports/modelRunner';
import { joinPath } from '../../core/util/paths';
import { defaultInferenceWorkerPath } from '../inference/workerModelRunner';
import type { NodeAdapters } from '../nodeAdapters';
import { openDistSide, type DistSide } from './distSide';
import { featurePart, gapPart, matchingPart, slicePart } from './distParts';
import { measureSide, type MeasuredSide, type MeasureProgress } from './measureSide';
import { sharedConcepts } from './sharedConcepts';

/** A comparison of two datasets' distributions, as the CLI and the extension ask for it. */
export interface DistRequest {
  readonly a: DistSideSpec;
  readonly b: DistSideSpec;
  readonly outDir: string;
  /** An ONNX feature extractor for Fréchet distance, KID, precision/recall and density/coverage. */
  readonly features?: { readonly model: string; readonly spec?: Partial<EmbedderSpec> };
  /** Size of the matched subset of A (default: as many as B has, at most A's count). */
  readonly matchSize?: number;
  /** A run folder of `facegap eval` on one side's images: its per-image scores binned by attribute (performance by slice). */
  readonly run?: string;
  /** Runs on one real test set for the gap decomposition. */
  readonly gap?: { readonly real: string; readonly synthetic: string; readonly matched?: string };
  readonly executionProvider?: ExecutionProviderChoice;
  /** The inference worker bundle for model and feature sides (default: inferenceWorker.js beside the running bundle). */
  readonly workerPath?: string;
}

/** Hooks of a running comparison. */
export interface DistHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MeasureProgress) => void;
}

async function measureBoth(sides: readonly [DistSide, DistSide], request: DistRequest, adapters: NodeAdapters, hooks: DistHooks): Promise<[MeasuredSide, MeasuredSide]> {
  const concepts = sharedConcepts(sides[0].schema, sides[1].schema);
  const total = sides[0].items.length + sides[1].items.length;
  const started = adapters.now();
  const counts = { done: 0, reused: 0, skipped: 0 };
  const onItem = (reused: boolean, failed: boolean): void => {
    counts.done++;
    if (reused) counts.reused++;
    if (failed) counts.skipped++;
    hooks.onProgress?.({ ...counts, total, elapsedSeconds: adapters.now() - started });
  };
  const context = { concepts, adapters, signal: hooks.signal, onItem };
  const a = await measureSide(sides[0], joinPath(request.outDir, DIST_FILES.attributesA), context);
  const b = await measureSide(sides[1], joinPath(request.outDir, DIST_FILES.attributesB), context);
  return [a, b];
}

/**
 * Compares two datasets' distributions into a folder: each image's attributes (journaled per side, reused while their
 * sources are unchanged), the per-attribute comparison and findings, importance weights and a matched subset of A,
 * and, when asked, feature-space distances, performance by slice and the gap decomposition; dist.json last.
 */
export async function runDistribution(request: DistRequest, adapters: NodeAdapters, hooks: DistHooks = {}): Promise<DistRecord> {
  const started = adapters.now();
  const options = { workerPath: request.workerPath ?? defaultInferenceWorkerPath(__dirname), executionProvider: request.executionProvider };
  const a = await openDistSide(request.a, adapters, options, hooks.signal);
  const b = await openDistSide(request.b, adapters, options, hooks.signal).catch(async (error: unknown) => {
    await a.close();
    throw error;
  });
  try {
    await adapters.store.makeDir(request.outDir);
    const [measuredA, measuredB] = await measureBoth([a, b], request, adapters, hooks);
    const defs = [...ATTRIBUTES, ...conceptAttributes(sharedConcepts(a.schema, b.schema))];
    const attributes = compareAttributes(measuredA.records, measuredB.records, defs);
    const matching = await matchingPart(measuredA.records, measuredB.records, defs, request, adapters);
    const features = request.features ? await featurePart(request.features, measuredA.records, measuredB.records, request, hooks.signal) : undefined;
    const summary: DistSummary = {
      imagesA: measuredA.records.length,
      imagesB: measuredB.records.length,
      attributes,
      findings: [...distFindings(attributes, 10), ...(matching ? [matchingFinding(matching, defs, measuredA.records.length)].filter((f): f is string => !!f) : [])],
      ...(features ? { features } : {}),
      ...(matching ? { matching } : {}),
    };
    const slices = request.run ? await slicePart(request.run, [a, b], [measuredA.records, measuredB.records], attributes, adapters) : undefined;
    const record: DistRecord = {
      kind: 'facegap-distribution',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      a: a.record(),
      b: b.record(),
      attributes: defs,
      summary,
      ...(slices ?? {}),
      ...(request.gap ? { decomposition: await gapPart(request.gap, adapters) } : {}),
      skipped: [...measuredA.skipped.map((s) => ({ side: 'A' as const, ...s })), ...measuredB.skipped.map((s) => ({ side: 'B' as const, ...s }))],
      notes: [...a.notes, ...b.notes],
      complete: true,
      timings: { seconds: adapters.now() - started, measured: measuredA.measured + measuredB.measured, reused: measuredA.reused + measuredB.reused },
    };
    await adapters.store.writeAtomic(joinPath(request.outDir, DIST_FILES.record), `${JSON.stringify(record, null, 2)}\n`);
    return record;
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
