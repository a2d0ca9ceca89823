import { RUN_FILES, RunLayout } from '../../core/eval/runLayout';
import { readJournal } from '../../core/eval/runJournal';
import type { FileAccess } from '../../core/ports/fileAccess';
import type { RunInput } from '../../core/report/reportModel';
import { parseConfusionRecord, parseRunRecord, type ConfusionData } from '../../core/report/runFolderParsing';
import { resolveRunSchema } from '../../core/report/runSchemas';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { errorMessage } from '../../core/util/errors';

/**
 * Reads a run folder written by `facegap eval`. A missing or malformed run.json is an error (there is no run to
 * report); an unreadable images.jsonl or confusion.json becomes a note naming the file.
 */
export async function readRunFolder(dir: string, files: FileAccess, registry: SchemaRegistry): Promise<RunInput> {
  const layout = new RunLayout(dir);
  const runFile = layout.file(RUN_FILES.run);
  if ((await files.kind(runFile)) !== 'file') throw new Error(`${runFile}: not found; give a folder written by facegap eval --out`);
  const record = parseRunRecord(await files.readText(runFile), runFile);
  const notes: string[] = [];
  const images = await readImages(layout.file(RUN_FILES.journal), files, notes);
  const confusion = await readConfusion(layout.file(RUN_FILES.confusion), files, notes);
  const { schema, note } = resolveRunSchema(record, registry, confusion?.classes ?? []);
  if (note) notes.push(note);
  return { dir, record, images, confusion, schema, notes };
}

async function readConfusion(file: string, files: FileAccess, notes: string[]): Promise<ConfusionData | undefined> {
  try {
    return parseConfusionRecord(await files.readText(file), file);
  } catch (error) {
    const message = errorMessage(error);
    notes.push(message.startsWith(file) ? message : `${file}: cannot be read (${message})`);
    return undefined;
  }
}

async function readImages(file: string, files: FileAccess, notes: string[]): Promise<RunInput['images']> {
  let text: string;
  try {
    text = await files.readText(file);
  } catch (error) {
    notes.push(`${file}: cannot be read (${errorMessage(error)})`);
    return [];
  }
  const { entries, badLines } = readJournal(text);
  if (badLines > 0) notes.push(`${file}: ${badLines} unreadable line(s) left out`);
  return [...entries.values()];
}
