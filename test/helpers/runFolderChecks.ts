import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';

/** What a run folder held when it was checked. */
export interface RunFolderState {
  /** Whole, valid journal lines. */
  readonly journalLines: number;
  /** Whether the journal ended in a torn (incomplete) last line. */
  readonly tornLast: boolean;
  /** run.json's status, or undefined when there is none yet. */
  readonly status?: string;
  /** Temporary files left by a writer (relative paths). */
  readonly tempFiles: readonly string[];
  readonly lockFile: boolean;
  readonly predFiles: number;
}

/** Every file under a folder, relative to it, sorted. */
export function filesUnder(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), path.join(prefix, e.name)) : e.isFile() ? [path.join(prefix, e.name)] : []))
    .sort();
}

/**
 * Checks that nothing in an eval run folder is half-written: every .json parses, run.json is a run record, every
 * prediction PNG decodes fully, images.jsonl is whole lines but for at most a torn last line, and a run.json that
 * says complete comes with its confusion files and a journal of every image.
 */
export async function checkRunFolder(dir: string, total: number): Promise<RunFolderState> {
  const files = filesUnder(dir);
  const tempFiles = files.filter((f) => f.endsWith('.tmp'));
  for (const f of files.filter((f) => f.endsWith('.json'))) {
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), `${f} parses`);
  }
  const record = files.includes('run.json') ? JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8')) : undefined;
  if (record) {
    assert.equal(record.kind, 'facegap-eval-run');
    assert.ok(['running', 'complete', 'interrupted', 'failed'].includes(record.status), record.status);
  }
  const journal = journalState(dir);
  if (record?.status === 'complete') {
    assert.ok(files.includes('confusion.json') && files.includes('confusion.csv'), 'a complete run has its confusion files');
    assert.equal(journal.lines, total, 'a complete run has journaled every image');
    assert.ok(!journal.tornLast);
  }
  const pngs = files.filter((f) => f.startsWith(`pred${path.sep}`) && f.endsWith('.png'));
  for (const f of pngs) {
    const { info } = await sharp(path.join(dir, f)).raw().toBuffer({ resolveWithObject: true });
    assert.ok(info.width > 0 && info.height > 0, `${f} decodes`);
  }
  return {
    journalLines: journal.lines, tornLast: journal.tornLast, status: record?.status, tempFiles,
    lockFile: files.includes('run.lock'), predFiles: pngs.length,
  };
}

/** Counts whole journal lines; fails when an unreadable line is anywhere but last, or the last whole line is unreadable. */
export function journalState(dir: string, name = 'images.jsonl'): { lines: number; tornLast: boolean } {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return { lines: 0, tornLast: false };
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const last = lines.pop()!;
  lines.forEach((line, i) => assert.doesNotThrow(() => JSON.parse(line), `${name} line ${i + 1} of ${lines.length} is whole`));
  let tornLast = false;
  if (last !== '') {
    assert.throws(() => JSON.parse(last), 'a last line without its newline can only be a torn one');
    tornLast = true;
  }
  return { lines: lines.length, tornLast };
}

/** The journal's records by id, with fields that depend on when or how fast the run went left out. */
export function journalRecords(dir: string, name = 'images.jsonl'): Map<string, unknown> {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const records = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string });
  assert.equal(new Set(records.map((r) => r.id)).size, records.length, 'one line per image');
  return new Map(records.map((r) => [r.id, r]));
}

/** A run's results that must not depend on interruptions: run.json's scores, confusion.json, the journal and the prediction PNGs. */
export function runResults(dir: string): { summary: unknown; confusion: unknown; csv: string; journal: Map<string, unknown>; preds: Map<string, Buffer> } {
  const record = JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'));
  assert.equal(record.status, 'complete');
  const { counts: _counts, ...summary } = record.summary;
  const preds = new Map(filesUnder(path.join(dir, 'pred')).map((f) => [f, fs.readFileSync(path.join(dir, 'pred', f))]));
  return {
    summary,
    confusion: JSON.parse(fs.readFileSync(path.join(dir, 'confusion.json'), 'utf8')),
    csv: fs.readFileSync(path.join(dir, 'confusion.csv'), 'utf8'),
    journal: journalRecords(dir),
    preds,
  };
}

/** Cuts the journal's last line in half, as a write torn by a crash would leave it; false when there is no line to tear. */
export function tearLastJournalLine(dir: string, name = 'images.jsonl'): boolean {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return false;
  const text = fs.readFileSync(file, 'utf8');
  if (!text.endsWith('\n')) return false;
  const start = text.lastIndexOf('\n', text.length - 2) + 1;
  const cut = start + Math.floor((text.length - 1 - start) / 2);
  fs.truncateSync(file, Buffer.byteLength(text.slice(0, cut)));
  return true;
}
