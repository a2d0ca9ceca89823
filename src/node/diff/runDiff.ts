import { diffCrosswalkLines } from '../../core/diff/crosswalkLines';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { diffJournalLine, readDiffJournal } from '../../core/diff/diffJournal';
import { summarizeDiff, type DiffContext } from '../../core/diff/diffSummary';
import type { DiffProtocol, DiffRecord, ImageDiffRecord, LabelSideSpec, SkippedPair } from '../../core/diff/diffTypes';
import { mappingFileJson, mappingToExport } from '../../core/diff/mappingExport';
import { matchItems, type ItemPairs } from '../../core/diff/matchItems';
import { diffCrosswalk } from '../../core/diff/pairCrosswalk';
import { sizeNotes } from '../../core/diff/sizeNotes';
import type { Crosswalk } from '../../core/schema/crosswalk';
import { parseMappingJson, resolveMapping } from '../../core/schema/mappingJson';
import { isAbortError } from '../../core/util/errors';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import { joinPath } from '../../core/util/paths';
import { inLockedFolder } from '../files/lockedFolder';
import type { NodeAdapters } from '../nodeAdapters';
import { diffOnePair, type PairContext } from './diffPairTask';
import type { LabelSide } from './labelSide';
import { checkPictures } from './pictureCheck';
import { openLabelSide } from './openLabelSide';

/** One diff, fully described. */
export interface DiffRequest {
  readonly a: LabelSideSpec;
  readonly b: LabelSideSpec;
  readonly protocol: DiffProtocol;
  /** A mapping file (B's schema → A's) overriding the default crosswalk. */
  readonly mappingFile?: string;
  readonly outDir: string;
}

/** Progress of a diff. */
export interface DiffProgress {
  readonly done: number;
  readonly total: number;
  readonly reused: number;
  readonly skipped: number;
  readonly elapsedSeconds: number;
}

/** Hooks for progress and interruption. */
export interface DiffHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DiffProgress) => void;
}

/** Pairs compared at once: each holds two label maps and their distance transforms. */
const CONCURRENCY = 2;

/** Bump when the per-image statistics change meaning, so stored journal lines are compared again. */
const DIFF_STATS_VERSION = 1;

/** What the pairs loop produced. */
interface PairsOutcome {
  readonly records: ReadonlyMap<string, ImageDiffRecord>;
  readonly skipped: readonly SkippedPair[];
  readonly reused: number;
  readonly compared: number;
  readonly interrupted: boolean;
}

/**
 * Compares two label sources image by image into a diff folder: images.jsonl (one line per image, appended as it
 * goes), diff.json (complete: false until the end) and suggested-mapping.json. A rerun reuses every stored line whose
 * label files and protocol are unchanged; an abort keeps what is done and says complete: false.
 */
export async function runDiff(request: DiffRequest, adapters: NodeAdapters, hooks: DiffHooks = {}): Promise<DiffRecord> {
  const started = adapters.now();
  const [a, b] = await Promise.all([openLabelSide(request.a, adapters, hooks.signal), openLabelSide(request.b, adapters, hooks.signal)]);
  await adapters.store.makeDir(request.outDir);
  return inLockedFolder(request.outDir, () => diffLocked(request, [a, b], adapters, hooks, started));
}

/** runDiff with the diff folder locked; diff.json is written last, so one that says complete comes with its other files. */
async function diffLocked(request: DiffRequest, [a, b]: [LabelSide, LabelSide], adapters: NodeAdapters, hooks: DiffHooks, started: number): Promise<DiffRecord> {
  const crosswalk = await buildCrosswalk(request, a, b, adapters);
  const context: DiffContext = { schemaA: a.schema, schemaB: b.schema, crosswalk, protocol: request.protocol };
  const items = matchItems(a.ids, b.ids);
  const journalFile = joinPath(request.outDir, DIFF_FILES.journal);
  const journal = readDiffJournal(new TextDecoder().decode((await adapters.store.readIfExists(journalFile)) ?? new Uint8Array()));
  const pictures = await checkPictures(items.pairs, a, b, adapters, hooks.signal);
  const base = { ...recordBase(request, a, b, crosswalk, items, new Date()), pictureNotes: pictures.notes };
  const write = (record: DiffRecord): Promise<void> => writeJson(adapters, joinPath(request.outDir, DIFF_FILES.diff), record);
  await write(finalRecord(base, context, emptyOutcome(), 0));
  const ctx: PairContext = { a, b, crosswalk, protocol: request.protocol, protocolKey: protocolKey(adapters, context), journal: journal.entries };
  const outcome = await comparePairs(items, ctx, { adapters, journalFile, started }, hooks);
  const ordered = items.pairs.flatMap(([id]) => outcome.records.get(id) ?? []);
  if (!outcome.interrupted) await adapters.store.writeAtomic(journalFile, ordered.map((r) => `${diffJournalLine(r)}\n`).join(''));
  const computed = finalRecord(base, context, { ...outcome, records: new Map(ordered.map((r) => [r.id, r])) }, adapters.now() - started);
  const record = pictures.differ ? withPictureWarning(computed, pictures.notes) : computed;
  if (ordered.length > 0) {
    const mapping = mappingFileJson(mappingToExport(record.summary, request.a, request.b));
    await writeJson(adapters, joinPath(request.outDir, DIFF_FILES.mapping), mapping);
  }
  await write(record);
  return record;
}

/** B → A crosswalk under the protocol's match rule, with the mapping file's overrides (its from/to name B's and A's schemas). */
async function buildCrosswalk(request: DiffRequest, a: LabelSide, b: LabelSide, adapters: NodeAdapters): Promise<Crosswalk> {
  if (!request.mappingFile) return diffCrosswalk(a.schema, b.schema, request.protocol.match);
  const file = parseMappingJson(await adapters.files.readText(request.mappingFile), request.mappingFile);
  return diffCrosswalk(a.schema, b.schema, request.protocol.match, resolveMapping(file, b.schema, a.schema));
}

async function comparePairs(
  items: ItemPairs,
  ctx: PairContext,
  run: { adapters: NodeAdapters; journalFile: string; started: number },
  hooks: DiffHooks,
): Promise<PairsOutcome> {
  const records = new Map<string, ImageDiffRecord>();
  const skipped: SkippedPair[] = items.ambiguous.map(({ id, reason }) => ({ id, reason }));
  const counts = { reused: 0, compared: 0 };
  const progress = (): void =>
    hooks.onProgress?.({
      done: records.size + skipped.length, total: items.pairs.length + items.ambiguous.length, reused: counts.reused,
      skipped: skipped.length, elapsedSeconds: run.adapters.now() - run.started,
    });
  try {
    await mapConcurrent(items.pairs, CONCURRENCY, async ([idA, idB]) => {
      const outcome = await diffOnePair(idA, idB, ctx, hooks.signal);
      if (outcome.kind === 'skipped') skipped.push(outcome.skipped);
      else records.set(idA, outcome.record);
      if (outcome.kind === 'compared') await run.adapters.store.appendLines(run.journalFile, [diffJournalLine(outcome.record)]);
      if (outcome.kind !== 'skipped') counts[outcome.kind]++;
      progress();
    }, hooks.signal);
    return { records, skipped, ...counts, interrupted: false };
  } catch (error) {
    if (!(isAbortError(error) && hooks.signal?.aborted)) throw error;
    return { records, skipped, ...counts, interrupted: true };
  }
}

function emptyOutcome(): PairsOutcome {
  return { records: new Map(), skipped: [], reused: 0, compared: 0, interrupted: true };
}

type RecordBase = Pick<DiffRecord, 'kind' | 'formatVersion' | 'createdAt' | 'a' | 'b' | 'protocol' | 'crosswalk' | 'crosswalkTable' | 'mappingFile' | 'matching' | 'pictureNotes'>;

function recordBase(request: DiffRequest, a: LabelSide, b: LabelSide, crosswalk: Crosswalk, items: ItemPairs, now: Date): RecordBase {
  return {
    kind: 'facegap-label-diff',
    formatVersion: 1,
    createdAt: now.toISOString(),
    a: a.record(),
    b: b.record(),
    protocol: request.protocol,
    crosswalk: diffCrosswalkLines(crosswalk, a.schema, b.schema, request.protocol.match),
    crosswalkTable: Array.from(crosswalk.table),
    ...(request.mappingFile ? { mappingFile: request.mappingFile } : {}),
    matching: items.matching,
  };
}

function finalRecord(base: RecordBase, context: DiffContext, outcome: PairsOutcome, seconds: number): DiffRecord {
  const records = [...outcome.records.values()];
  return {
    ...base,
    sizeNotes: sizeNotes(records),
    skipped: outcome.skipped,
    complete: !outcome.interrupted,
    timings: { seconds, reused: outcome.reused, compared: outcome.compared },
    summary: summarizeDiff(records, context),
  };
}

/** Different pictures under paired ids make every other number moot: that goes first among the findings. */
function withPictureWarning(record: DiffRecord, notes: readonly string[]): DiffRecord {
  const warning = { kind: 'pictures' as const, text: notes.join(' '), classes: [] };
  return { ...record, summary: { ...record.summary, findings: [warning, ...record.summary.findings] } };
}

function protocolKey(adapters: NodeAdapters, context: DiffContext): string {
  const { schemaA, schemaB, protocol, crosswalk } = context;
  return adapters.hasher.hash('diff-protocol', JSON.stringify({ v: DIFF_STATS_VERSION, a: schemaA.id, b: schemaB.id, protocol }), crosswalk.table);
}

async function writeJson(adapters: NodeAdapters, path: string, value: unknown): Promise<void> {
  await adapters.store.writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
