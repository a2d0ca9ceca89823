import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RUN_FILES } from '../../core/eval/runLayout';
import type { RunRecord } from '../../core/eval/runRecord';
import { parseRunRecord } from '../../core/report/runFolderParsing';
import { errorMessage } from '../../core/util/errors';
import { baseName } from '../../core/util/paths';
import type { RunChoice } from '../../protocol/viewTypes';
import { canonicalFolder } from './canonicalFolder';

/** The runs found, and why some folders were left out (each naming the file). */
export interface RunCatalog {
  readonly runs: readonly RunChoice[];
  readonly notes: readonly string[];
}

/**
 * Every evaluation run in an immediate subfolder of the results folders, newest first; with `datasetRoot`, only runs of
 * that dataset folder. A missing results folder has no runs; an unreadable run.json is left out with a note.
 */
export async function listRuns(resultsRoots: readonly string[], datasetRoot?: string): Promise<RunCatalog> {
  const notes: string[] = [];
  const found = new Map<string, { choice: RunChoice; time: number }>();
  const wanted = datasetRoot === undefined ? undefined : await canonicalFolder(datasetRoot);
  for (const root of resultsRoots) {
    for (const dir of await subfolders(root, notes)) {
      if (found.has(dir)) continue;
      const record = await readRecord(path.join(dir, RUN_FILES.run), notes);
      if (!record) continue;
      if (wanted !== undefined && (await canonicalFolder(record.dataset.root)) !== wanted) continue;
      found.set(dir, { choice: runChoice(dir, record), time: runTime(record) });
    }
  }
  const runs = [...found.values()].sort((a, b) => b.time - a.time || (a.choice.dir < b.choice.dir ? -1 : 1)).map((r) => r.choice);
  return { runs, notes };
}

/** What a run is called in a list: its model file (or "pred: <folder>") and when it finished (local time). */
export function runLabel(record: RunRecord): string {
  const p = record.predictions as { kind?: unknown; path?: unknown; folder?: unknown };
  const what = p.kind === 'model' && typeof p.path === 'string' ? baseName(p.path) : typeof p.folder === 'string' ? `pred: ${baseName(p.folder)}` : 'unknown predictions';
  const when = new Date(record.finishedAt ?? record.startedAt);
  return Number.isNaN(when.getTime()) ? what : `${what} · ${localMinute(when)}`;
}

function runChoice(dir: string, record: RunRecord): RunChoice {
  const meanF1 = record.summary?.meanF1;
  return { dir, label: runLabel(record), meanF1: typeof meanF1 === 'number' ? meanF1 : null, status: record.status };
}

function runTime(record: RunRecord): number {
  const time = Date.parse(record.finishedAt ?? record.startedAt);
  return Number.isNaN(time) ? 0 : time;
}

function localMinute(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

async function subfolders(root: string, notes: string[]): Promise<string[]> {
  try {
    const entries = await fs.readdir(root, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => path.resolve(root, e.name)).sort();
  } catch (error) {
    // A results folder that does not exist yet simply holds no runs.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') notes.push(`${root}: cannot list the results folder (${errorMessage(error)})`);
    return [];
  }
}

/** The run record, or undefined when there is none; a run.json of another tool (another "kind") is not a FaceGap run and is skipped quietly. */
async function readRecord(file: string, notes: string[]): Promise<RunRecord | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') notes.push(`${file}: cannot be read (${errorMessage(error)})`);
    return undefined;
  }
  try {
    return parseRunRecord(text, file);
  } catch (error) {
    if (!isOtherKind(text)) notes.push(errorMessage(error));
    return undefined;
  }
}

function isOtherKind(text: string): boolean {
  try {
    const value = JSON.parse(text) as { kind?: unknown } | null;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind !== 'facegap-eval-run';
  } catch {
    return false;
  }
}
