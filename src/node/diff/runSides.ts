import type { LabelSideSpec } from '../../core/diff/diffTypes';
import type { DatasetFormatId, DatasetIndex } from '../../core/dataset/datasetIndex';
import { openDataset } from '../../core/dataset/openDataset';
import { RUN_FILES, RunLayout } from '../../core/eval/runLayout';
import { readJournal, type ImageResult } from '../../core/eval/runJournal';
import type { RunRecord } from '../../core/eval/runRecord';
import { parseRunRecord } from '../../core/report/runFolderParsing';
import { predictionSchemaId } from '../../core/report/runSchemas';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { baseName, joinPath } from '../../core/util/paths';
import { resolveSchemaRef } from '../dataset/openDatasetFolder';
import type { NodeAdapters } from '../nodeAdapters';
import { datasetLabelSide } from './datasetSide';
import type { LabelSide } from './labelSide';
import { maskFolderSide } from './maskFolderSide';

/** A run folder's record and its scored images. */
interface OpenedRun {
  readonly dir: string;
  readonly record: RunRecord;
  readonly runFile: string;
  readonly results: readonly ImageResult[];
}

/** The ground truth of the dataset a `facegap eval` run scored, in the schema run.json records (or spec.schema). */
export async function runGroundTruthSide(spec: LabelSideSpec, registry: SchemaRegistry, adapters: NodeAdapters, signal?: AbortSignal): Promise<LabelSide> {
  const run = await openRun(spec.path, adapters);
  const { root, format } = run.record.dataset;
  const schema = await sideSchema(spec, run.record.dataset.schema, run, 'ground-truth', registry, adapters);
  let index: DatasetIndex;
  try {
    index = await openDataset(adapters.files, root, { format: format as DatasetFormatId }, signal);
  } catch (error) {
    throw new Error(`${root}: the dataset folder ${run.runFile} names cannot be opened (${firstLine(error)})`, { cause: error });
  }
  const description = `ground truth of run ${baseName(run.dir)} (dataset ${baseName(root)}, ${schema.id})`;
  const schemaReason = spec.schema ? 'given by the user' : `recorded in ${run.runFile}`;
  return datasetLabelSide(spec, index, schema, { description, schemaReason }, adapters);
}

/** The predictions of a `facegap eval` run: its pred/<id>.png files, or the --pred folder it scored, in the model's schema. */
export async function runPredictionsSide(spec: LabelSideSpec, registry: SchemaRegistry, adapters: NodeAdapters): Promise<LabelSide> {
  const run = await openRun(spec.path, adapters);
  const schema = await sideSchema(spec, predictionSchemaId(run.record), run, 'prediction', registry, adapters);
  const schemaReason = spec.schema ? 'given by the user' : `the prediction schema recorded in ${run.runFile}`;
  const images = new Map(run.results.map((r) => [r.id, r.image]));
  const p = run.record.predictions as { kind?: unknown; folder?: unknown; path?: unknown };
  if (p.kind === 'folder' && typeof p.folder === 'string') {
    const description = `predictions of run ${baseName(run.dir)} (folder ${baseName(p.folder)}, ${schema.id})`;
    return maskFolderSide(spec, registry, adapters, { description, schema, schemaReason, images, folder: p.folder });
  }
  const withFiles = run.results.filter((r) => r.predFile !== undefined);
  if (withFiles.length === 0) throw new Error(`${joinPath(run.dir, RUN_FILES.journal)}: no scored image with a prediction file (pred/<id>.png); nothing to compare`);
  const index: DatasetIndex = {
    root: run.dir,
    format: 'generic',
    formatTitle: 'run predictions (pred/<id>.png)',
    items: withFiles.map((r) => ({ id: r.id, imagePath: r.image, label: { kind: 'mask', path: joinPath(run.dir, r.predFile!) } })),
    problems: [],
    notes: [],
  };
  const model = typeof p.path === 'string' ? `model ${baseName(p.path)}, ` : '';
  const description = `predictions of run ${baseName(run.dir)} (${model}${schema.id})`;
  return datasetLabelSide(spec, index, schema, { description, schemaReason }, adapters);
}

/** True when the folder holds a run.json of a `facegap eval` run. */
export async function isRunFolder(dir: string, adapters: Pick<NodeAdapters, 'files'>): Promise<boolean> {
  const file = new RunLayout(dir).file(RUN_FILES.run);
  if ((await adapters.files.kind(file)) !== 'file') return false;
  try {
    parseRunRecord(await adapters.files.readText(file), file);
    return true;
  } catch {
    return false;
  }
}

async function openRun(dir: string, adapters: NodeAdapters): Promise<OpenedRun> {
  const layout = new RunLayout(dir);
  const runFile = layout.file(RUN_FILES.run);
  if ((await adapters.files.kind(runFile)) !== 'file') throw new Error(`${runFile}: not found; give a folder written by facegap eval --out`);
  const record = parseRunRecord(await adapters.files.readText(runFile), runFile);
  const journalFile = layout.file(RUN_FILES.journal);
  const text = new TextDecoder().decode((await adapters.store.readIfExists(journalFile)) ?? new Uint8Array());
  return { dir, record, runFile, results: [...readJournal(text).entries.values()] };
}

/** The user's schema (an id or a JSON file), else the one the run recorded, which must be known here. */
async function sideSchema(spec: LabelSideSpec, recorded: string | undefined, run: OpenedRun, what: string, registry: SchemaRegistry, adapters: NodeAdapters): Promise<LabelSchema> {
  if (spec.schema !== undefined) return (await resolveSchemaRef(spec.schema, registry, adapters.files))!;
  const known = recorded === undefined ? undefined : registry.find(recorded);
  if (!known) throw new Error(`${run.runFile}: the ${what} schema "${recorded ?? 'unknown'}" is not known here; pass its id or schema JSON file (--a-schema / --b-schema)`);
  return known;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
