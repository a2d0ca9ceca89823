import { DIFF_FILES } from '../../core/diff/diffLayout';
import { parseDiffRecord } from '../../core/diff/diffRecordParsing';
import type { DiffRecord } from '../../core/diff/diffTypes';
import { parseDistRecord } from '../../core/distribution/distRecordParsing';
import { DIST_FILES } from '../../core/distribution/distTypes';
import type { DistributionGapInput } from '../../core/report/distributionGapSection';
import type { ReportModel, ThumbnailSet } from '../../core/report/reportModel';
import { buildReportModel } from '../../core/report/reportModel';
import { renderReportHtml } from '../../core/report/reportHtml';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import { joinPath } from '../../core/util/paths';
import type { NodeAdapters } from '../nodeAdapters';
import { distributionFigureMarkup } from './distributionFigures';
import { imageThumbnails } from './imageThumbnails';
import { readRunFolder } from './readRunFolder';
import { openRunPictureSources } from './runPictureSources';

/** What to report on and where to write it. */
export interface ReportRequest {
  /** Run folders; the first is the reference the others are compared with. */
  readonly runDirs: readonly string[];
  /** The .html file to write. */
  readonly out: string;
  readonly title: string;
  /** Worst images shown per run. */
  readonly worst: number;
  /** Label-diff folders (facegap diff) shown in the label-gap section. */
  readonly diffDirs?: readonly string[];
  /** Distribution folders (facegap dist) shown in the distribution-gap section. */
  readonly distDirs?: readonly string[];
}

/** What was written. */
export interface GeneratedReport {
  readonly out: string;
  readonly model: ReportModel;
  /** Size of the HTML file in bytes. */
  readonly bytes: number;
}

/** A diff folder's diff.json; an error names the file. */
async function readDiffRecord(dir: string, adapters: NodeAdapters): Promise<{ dir: string; record: DiffRecord }> {
  const file = joinPath(dir, DIFF_FILES.diff);
  return { dir, record: parseDiffRecord(await adapters.files.readText(file), file) };
}

/** A distribution folder's dist.json with its figures drawn; an error names the file. */
async function readDistributionGap(dir: string, adapters: NodeAdapters): Promise<DistributionGapInput> {
  const file = joinPath(dir, DIST_FILES.record);
  const record = parseDistRecord(await adapters.files.readText(file), file);
  return { dir, record, figures: distributionFigureMarkup(record) };
}

/** Reads the run folders, makes the thumbnails of each run's worst images, and writes the HTML report atomically. */
export async function generateReport(
  request: ReportRequest,
  deps: { adapters: NodeAdapters; registry: SchemaRegistry; version: string; now?: () => Date },
): Promise<GeneratedReport> {
  const { adapters, registry } = deps;
  const inputs = [];
  for (const dir of request.runDirs) inputs.push(await readRunFolder(dir, adapters.files, registry));
  const sources = await Promise.all(inputs.map((input) => openRunPictureSources(input, registry, adapters)));
  const withNotes = inputs.map((input, i) => ({ ...input, notes: [...input.notes, ...sources[i].notes] }));
  const model = buildReportModel(withNotes, {
    title: request.title,
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    version: deps.version,
    worst: request.worst,
  });
  const thumbnails = await Promise.all(
    model.runs.map(async (run, i) => {
      const sets = await mapConcurrent(run.worst, 4, (result) => imageThumbnails(result, sources[i], adapters));
      return new Map<string, ThumbnailSet>(run.worst.map((result, k) => [result.id, sets[k]]));
    }),
  );
  const labelGaps = await Promise.all((request.diffDirs ?? []).map((dir) => readDiffRecord(dir, adapters)));
  const distributionGaps = await Promise.all((request.distDirs ?? []).map((dir) => readDistributionGap(dir, adapters)));
  const html = renderReportHtml({ ...model, labelGaps, distributionGaps }, thumbnails);
  await adapters.store.writeAtomic(request.out, html);
  return { out: request.out, model, bytes: Buffer.byteLength(html) };
}
