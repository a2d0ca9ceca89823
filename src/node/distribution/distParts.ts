import { expectedScoreUnderTraining, scoreBySlice } from '../../core/distribution/slices/performanceBySlice';
import { decomposeGap } from '../../core/distribution/decomposition/gapDecomposition';
import { featureDistances } from '../../core/distribution/features/featureDistances';
import { importanceWeights } from '../../core/distribution/matching/importanceWeights';
import { effectiveSampleSize } from '../../core/distribution/compare/weightedStats';
import { matchedSubset } from '../../core/distribution/matching/matchedSubset';
import { matchingResult } from '../../core/distribution/matching/matchingResult';
import type { AttributeComparison, AttributeDef, DistRecord, DistSideSpec, FeatureDistances, GapDecompositionRecord, ImageAttributes, MatchingResult, SliceRecord } from '../../core/distribution/distTypes';
import { DIST_FILES } from '../../core/distribution/distTypes';
import { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { joinPath } from '../../core/util/paths';
import { readRunFolder } from '../report/readRunFolder';
import type { NodeAdapters } from '../nodeAdapters';
import { embedImages } from './embedImages';
import type { DistRequest } from './runDistribution';

/** Fewer images than this on a side and weights, slices and feature statistics say nothing. */
const MIN_IMAGES = 8;
/** Attributes binned for performance by slice: the largest differences first. */
const SLICE_ATTRIBUTES = 6;

function measuredOnBoth(defs: readonly AttributeDef[], a: readonly ImageAttributes[], b: readonly ImageAttributes[]): string[] {
  const has = (records: readonly ImageAttributes[], name: string): boolean => records.some((r) => r.values[name] !== undefined);
  return defs.map((d) => d.name).filter((name) => has(a, name) && has(b, name));
}

/** Importance weights for A towards B and a matched subset of A, written as weights-a.csv and matched-subset-a.txt. */
export async function matchingPart(a: readonly ImageAttributes[], b: readonly ImageAttributes[], defs: readonly AttributeDef[], request: DistRequest, adapters: NodeAdapters): Promise<MatchingResult | undefined> {
  if (a.length < MIN_IMAGES || b.length < MIN_IMAGES) return undefined;
  const names = measuredOnBoth(defs, a, b);
  const fitted = importanceWeights(a, b, names);
  // By default the subset is as large as the weights' effective sample size: a larger one repeats A's own distribution.
  const size = Math.max(1, Math.min(request.matchSize ?? Math.max(MIN_IMAGES, Math.round(effectiveSampleSize(fitted.weights))), a.length));
  const subset = matchedSubset(a, fitted.weights, size);
  const csv = ['id,weight', ...a.map((r, i) => `${JSON.stringify(r.id)},${fitted.weights[i].toPrecision(6)}`)].join('\n');
  await adapters.store.writeAtomic(joinPath(request.outDir, DIST_FILES.weights), `${csv}\n`);
  const byId = new Map(a.map((r) => [r.id, r.image ?? r.id]));
  await adapters.store.writeAtomic(joinPath(request.outDir, DIST_FILES.subset), `${subset.map((id) => byId.get(id) ?? id).join('\n')}\n`);
  return matchingResult(a, b, defs.filter((d) => names.includes(d.name)), fitted, subset);
}

/** Feature-space distances with an ONNX extractor over both sides' images (images it cannot read are left out). */
export async function featurePart(
  extractor: NonNullable<DistRequest['features']>,
  a: readonly ImageAttributes[],
  b: readonly ImageAttributes[],
  request: DistRequest,
  signal?: AbortSignal,
): Promise<FeatureDistances | undefined> {
  const model = extractor.model;
  const embed = async (records: readonly ImageAttributes[]) => {
    const embedded = await embedImages(records.map((r) => r.image ?? r.id), extractor.spec ?? {}, model, { signal, ep: request.executionProvider, workerPath: request.workerPath });
    return { ids: embedded.indices.map((i) => records[i].id), vectors: embedded.vectors };
  };
  const sa = await embed(a);
  const sb = await embed(b);
  if (sa.vectors.length < MIN_IMAGES || sb.vectors.length < MIN_IMAGES) return undefined;
  // KID's subsets must be smaller than the sets, or every subset is the whole smaller set and the spread says nothing.
  const subsetSize = Math.min(1000, Math.floor(Math.min(sa.vectors.length, sb.vectors.length) / 2));
  return featureDistances(sa, sb, { extractor: model, kid: { subsets: 100, subsetSize } });
}

/** Performance by slice: a run's per-image mean F1 on one side, binned by the largest differences, over the other side. */
export async function slicePart(
  runDir: string,
  sides: readonly [DistSideSpec, DistSideSpec],
  records: readonly [readonly ImageAttributes[], readonly ImageAttributes[]],
  attributes: readonly AttributeComparison[],
  adapters: NodeAdapters,
): Promise<Pick<DistRecord, 'slices' | 'expectedScore'>> {
  const run = await readRunFolder(runDir, adapters.files, new SchemaRegistry());
  const testIndex = sides.findIndex((s) => sameFolder(s.path, run.record.dataset.root));
  const [test, train] = testIndex === 0 ? [records[0], records[1]] : [records[1], records[0]];
  const scores = run.images.flatMap((r) => (r.scores.meanF1 === null ? [] : [{ id: r.id, score: r.scores.meanF1 }]));
  // Part areas follow the framing (faceArea says it once); slices by them repeat the face-size slice.
  const top = attributes.filter((c) => !c.name.startsWith('area:')).slice(0, SLICE_ATTRIBUTES);
  const slices: SliceRecord[] = top.map((c) => scoreBySlice(scores, test, train, { name: c.name, kind: c.kind, title: c.title, unit: c.unit, source: 'labels' }));
  const expected = expectedScoreUnderTraining(scores, test, train, top.map((c) => c.name));
  return { slices, expectedScore: { run: runDir, plainMean: expected.plainMean, weightedMean: expected.weightedMean, effectiveSize: expected.effectiveSize } };
}

function sameFolder(x: string, y: string): boolean {
  const norm = (p: string): string => p.replace(/\/+$/, '');
  return norm(x) === norm(y);
}

/** The gap decomposition from three runs on one real test set (mean F1, strict and, where scored, tolerant). */
export async function gapPart(gap: NonNullable<DistRequest['gap']>, adapters: NodeAdapters): Promise<GapDecompositionRecord> {
  const read = async (dir: string) => (await readRunFolder(dir, adapters.files, new SchemaRegistry())).record.summary;
  const [real, synthetic, matched] = await Promise.all([read(gap.real), read(gap.synthetic), gap.matched ? read(gap.matched) : undefined]);
  const d = decomposeGap({
    realOnReal: real?.meanF1 ?? null,
    synOnReal: synthetic?.meanF1 ?? null,
    matchedSynOnReal: matched?.meanF1 ?? null,
    tolerantSynOnReal: synthetic?.tolerant?.meanF1 ?? null,
    tolerantMatchedSynOnReal: matched?.tolerant?.meanF1 ?? null,
  });
  return { total: d.total, parts: d.parts, assumptions: d.assumptions, sentences: d.sentences, missing: d.missing };
}
