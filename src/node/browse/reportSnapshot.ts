import type { ImageResult } from '../../core/eval/runJournal';
import { buildReportModel, type RunInput } from '../../core/report/reportModel';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import type { ReportSnapshot, WorstImageView } from '../../protocol/reportPanelMessages';
import type { NodeAdapters } from '../nodeAdapters';
import { readRunFolder } from '../report/readRunFolder';
import { openRunPictureSources, type RunPictureSources } from '../report/runPictureSources';
import { classRowViews, runSummaryView } from './reportViews';
import { writeWorstThumbnail } from './worstThumbnail';

/** What the report panel shows and where its thumbnails go. */
export interface ReportSnapshotRequest {
  /** Run folders; the first is the reference the others are compared with. */
  readonly runDirs: readonly string[];
  readonly title: string;
  /** Worst images shown per run. */
  readonly worst: number;
  /** Folder the worst images' thumbnails are written to: the caller's cache, never a run or dataset folder. */
  readonly thumbnailDir: string;
  /** Turns a thumbnail file's path into a URI the webview may load. */
  readonly toUri: (file: string) => string;
}

/** Worst-image thumbnails made at a time per run. */
const THUMBNAIL_CONCURRENCY = 4;

/**
 * Reads the run folders (throws when one has no readable run.json) and builds the report panel's snapshot: aligned
 * class rows, deltas against the first run, and per run its facts, scores, confusion and worst images with
 * thumbnails. Files that cannot be read become notes of their run.
 */
export async function buildReportSnapshot(request: ReportSnapshotRequest, deps: { adapters: NodeAdapters; registry: SchemaRegistry }): Promise<ReportSnapshot> {
  const { adapters, registry } = deps;
  const inputs: RunInput[] = [];
  for (const dir of request.runDirs) inputs.push(await readRunFolder(dir, adapters.files, registry));
  const sources = await Promise.all(inputs.map((input) => openRunPictureSources(input, registry, adapters)));
  const withNotes = inputs.map((input, i) => ({ ...input, notes: [...input.notes, ...sources[i].notes] }));
  const model = buildReportModel(withNotes, { title: request.title, generatedAt: new Date().toISOString(), version: '', worst: request.worst });
  const runs = await Promise.all(
    model.runs.map(async (view, i) => {
      const { worst, notes } = await worstViews(view.worst, sources[i], request, adapters);
      return runSummaryView(view, inputs[i], model.headline[i], worst, notes);
    }),
  );
  return { title: request.title, runs, classes: classRowViews(model.classes, inputs), deltas: model.deltas };
}

async function worstViews(
  results: readonly ImageResult[],
  sources: RunPictureSources,
  request: ReportSnapshotRequest,
  adapters: NodeAdapters,
): Promise<{ worst: WorstImageView[]; notes: string[] }> {
  const thumbnails = await mapConcurrent(results, THUMBNAIL_CONCURRENCY, (result) => writeWorstThumbnail(result, sources, request.thumbnailDir, adapters));
  const worst = results.map((result, k) => {
    const file = thumbnails[k].file;
    return { id: result.id, image: result.image, meanF1: result.scores.meanF1 ?? null, ...(file ? { thumbnailUri: request.toUri(file) } : {}) };
  });
  return { worst, notes: thumbnails.flatMap((t) => t.notes) };
}
