import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImageResult } from '../../src/core/eval/runJournal';
import type { RunRecord } from '../../src/core/eval/runRecord';
import { CAMHQ_SCHEMA, celebAMaskHqPaths, FACE_SIZE, writeCelebAMaskHqItem, writeFacePicture } from './datasetLayouts';
import { CAMHQ_FACE, drawFace } from './fixtures';
import type { TempDir } from './tempModels';

/**
 * Writes a CelebAMask-HQ dataset of `count` faces whose pictures are drawn `offset` px to the right of their labels,
 * so that a model that reads colours perfectly still gets some pixels wrong ("a real-style sample").
 */
export async function writeShiftedCelebAMaskHqDataset(tmp: TempDir, folder: string, count: number, offset = 3): Promise<string> {
  const root = path.join(tmp.dir, folder);
  for (let n = 0; n < count; n++) {
    const labels = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE, n - 1);
    await writeCelebAMaskHqItem(root, n, labels);
    const shifted = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE, n - 1 + offset * (n + 1));
    await writeFacePicture(celebAMaskHqPaths(root, n, 'skin').image, shifted, CAMHQ_SCHEMA, 2);
  }
  return root;
}

/** Reads a run folder's run.json. */
export function readRunJson(runDir: string): RunRecord {
  return JSON.parse(fs.readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunRecord;
}

/** Reads a run folder's images.jsonl (last line per id wins, as the journal reader does). */
export function readImagesJsonl(runDir: string): ImageResult[] {
  const byId = new Map<string, ImageResult>();
  for (const line of fs.readFileSync(path.join(runDir, 'images.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const result = JSON.parse(line) as ImageResult;
    byId.set(result.id, result);
  }
  return [...byId.values()];
}

/** Image ids of the worst-image cards of each run, in page order (the card heading is "<rank>. <id>"). */
export function cardIds(html: string): string[] {
  return [...html.matchAll(/<div class="card"><h4>\d+\. ([^<]*)<\/h4>/g)].map((m) => m[1]);
}

/** Scores of a made-up run: headline numbers and F1 per class name (IoU derived as F1 / (2 − F1)). */
export interface FakeRunScores {
  readonly root: string;
  readonly schema: string;
  readonly meanF1: number | null;
  readonly mIoU?: number | null;
  readonly pixelAccuracy?: number | null;
  readonly classF1?: Readonly<Record<string, number>>;
  readonly sentences?: readonly string[];
  readonly skipped?: ReadonlyArray<{ file: string; reason: string }>;
  /** Tolerant scores as a run.json written before the boundary shares were recorded holds them (no share fields). */
  readonly tolerant?: { readonly boundaryK: number; readonly meanF1: number | null; readonly classF1?: Readonly<Record<string, number>> };
}

/** A run.json of a finished model run with the given scores (fields the report does not read are left minimal). */
export function fakeRunRecord(s: FakeRunScores): RunRecord {
  const rows = (classF1: Readonly<Record<string, number>>) =>
    Object.entries(classF1).map(([name, f1]) => ({ name, f1, iou: f1 / (2 - f1), precision: f1, recall: f1, gtPixels: 10, predPixels: 10 }));
  const perClass = rows(s.classF1 ?? {});
  const t = s.tolerant;
  const tolerant = t ? { boundaryK: t.boundaryK, meanF1: t.meanF1, mIoU: t.meanF1, pixelAccuracy: t.meanF1, scoredPixels: 90, perClass: rows(t.classF1 ?? {}) } : undefined;
  const summary = {
    status: 'complete',
    images: 2,
    meanF1: s.meanF1,
    mIoU: s.mIoU === undefined ? s.meanF1 : s.mIoU,
    pixelAccuracy: s.pixelAccuracy === undefined ? s.meanF1 : s.pixelAccuracy,
    perClass,
    scoredPixels: 100,
    ...(tolerant ? { tolerant } : {}),
    skipped: s.skipped ?? [],
    counts: { total: 2, scored: 2, reused: 0, skipped: 0 },
    protocol: s.sentences ?? [],
  };
  return {
    kind: 'facegap-eval-run',
    formatVersion: 1,
    status: 'complete',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
    environment: { facegap: '0.1.0' },
    dataset: { root: s.root, format: 'facesynthetics', formatTitle: 'FaceSynthetics', schema: s.schema, schemaReason: 'test', items: 2, problems: 0 },
    predictions: { kind: 'model', path: '/models/m.onnx', sha256: 'ab'.repeat(32), sizeBytes: 10, spec: { schema: 'facesynthetics' } },
    executionProvider: 'cpu',
    protocol: { scoringResolution: { kind: 'label' }, boundaryK: 0, groups: [], ignoreId: 255, sentences: s.sentences ?? [] },
    timings: { wallSeconds: 1 },
    summary: summary as unknown as RunRecord['summary'],
  };
}

/** A journal entry with only what the report reads: id, image, size and scores. */
export function fakeImageResult(id: string, meanF1: number | null, image = `/data/${id}.png`): ImageResult {
  return {
    v: 1,
    id,
    image,
    keys: { image: 'i', gt: 'g', pred: 'p', protocol: 'q' },
    predFile: `pred/${id}.png`,
    size: [4, 4],
    confusion: [],
    excluded: { ignoredPixels: 0, skippedPixels: 0 },
    scores: { meanF1, mIoU: meanF1, pixelAccuracy: meanF1, classF1: {} },
  };
}
