import type { DiffRecord } from '../diff/diffTypes';
import type { DistributionGapInput } from './distributionGapSection';
import type { ImageResult } from '../eval/runJournal';
import type { RunRecord } from '../eval/runRecord';
import type { LabelSchema } from '../schema/labelSchema';
import { alignClasses, type AlignedRow } from './classAlignment';
import { heatmapView, type HeatmapView } from './confusionHeatmap';
import { deltaSentences, headlineRows, type HeadlineRow } from './headline';
import { runFacts, type RunFact } from './runFacts';
import type { ConfusionData } from './runFolderParsing';
import { worstImages } from './worstImages';

/** One run folder as read from disk, with its ground-truth schema resolved. */
export interface RunInput {
  readonly dir: string;
  readonly record: RunRecord;
  /** images.jsonl entries (empty when it could not be read). */
  readonly images: readonly ImageResult[];
  readonly confusion?: ConfusionData;
  readonly schema: LabelSchema;
  /** Problems met while reading the folder, each naming the file. */
  readonly notes: readonly string[];
}

/** What the report says about one run. */
export interface RunView {
  /** "#1", "#2", … in the order given. */
  readonly label: string;
  readonly dir: string;
  readonly schema: LabelSchema;
  readonly facts: readonly RunFact[];
  readonly protocol: readonly string[];
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  readonly heatmap?: HeatmapView;
  readonly worst: readonly ImageResult[];
  readonly notes: readonly string[];
}

/** Choices that are not in the run folders. */
export interface ReportOptions {
  readonly title: string;
  /** ISO date and time of writing. */
  readonly generatedAt: string;
  readonly version: string;
  /** How many of the worst images to show per run. */
  readonly worst: number;
}

/** Everything the HTML report shows, thumbnails excepted. */
export interface ReportModel {
  readonly title: string;
  readonly generatedAt: string;
  readonly version: string;
  readonly runs: readonly RunView[];
  readonly headline: readonly HeadlineRow[];
  /** One sentence per run after the first: its change against the first. */
  readonly deltas: readonly string[];
  readonly classes: readonly AlignedRow[];
  /** Label diffs shown in the report's label-gap section, with their folders. */
  readonly labelGaps?: ReadonlyArray<{ readonly dir: string; readonly record: DiffRecord }>;
  /** Distribution comparisons (facegap dist) shown in the report's distribution-gap section, with their figures. */
  readonly distributionGaps?: readonly DistributionGapInput[];
}

/** Builds the report's view of several runs; the first run is the reference every change is measured against. */
export function buildReportModel(inputs: readonly RunInput[], options: ReportOptions): ReportModel {
  if (inputs.length === 0) throw new Error('a report needs at least one run');
  const runs = inputs.map((input, i) => runView(input, `#${i + 1}`, options.worst));
  const headline = headlineRows(inputs.map((input, i) => ({ label: runs[i].label, dir: input.dir, record: input.record })));
  return {
    title: options.title,
    generatedAt: options.generatedAt,
    version: options.version,
    runs,
    headline,
    deltas: deltaSentences(headline),
    classes: alignClasses(
      inputs.map((input, i) => ({ schema: input.schema, perClass: input.record.summary?.perClass ?? [], tolerantF1: headline[i].tolerant?.classF1 })),
    ),
  };
}

function runView(input: RunInput, label: string, worst: number): RunView {
  const notes = [...input.notes];
  if (input.images.length === 0) notes.push(`${input.dir}: no per-image results, so no worst images`);
  return {
    label,
    dir: input.dir,
    schema: input.schema,
    facts: runFacts(input.record),
    protocol: input.record.protocol.sentences,
    skipped: input.record.summary?.skipped ?? [],
    heatmap: input.confusion ? heatmapView(input.confusion) : undefined,
    worst: worstImages(input.images, worst),
    notes,
  };
}

/** One embedded picture of an image card. */
export interface Thumbnail {
  /** "image", "ground truth", "prediction", "errors". */
  readonly label: string;
  /** A data:image/… URI. */
  readonly dataUri: string;
  /** Size on the page (the embedded picture is at most this big). */
  readonly width: number;
  readonly height: number;
  /** What the picture shows, for the title and alt text. */
  readonly description: string;
}

/** The pictures of one image, and a note for each file that could not be read. */
export interface ThumbnailSet {
  readonly thumbnails: readonly Thumbnail[];
  readonly notes: readonly string[];
}
