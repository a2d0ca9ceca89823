import * as path from 'node:path';
import type { DiffRecord } from '../../core/diff/diffTypes';
import { isReviewVerdict, MAX_NOTE_LENGTH, reviewQueue, verdictCounts } from '../../core/diff/reviewMarks';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import type { BrowseWorkerRequests, OpenedDiff } from '../../protocol/browseWorkerMessages';
import type { RpcHandlers } from '../../protocol/rpc';
import type { SchemaView } from '../../protocol/viewTypes';
import { readDiffFolder, type DiffFolderContents } from '../diff/diffFolder';
import { diffPairPixels } from '../diff/diffPairPixels';
import { openDiffPairs, type DiffPairSource } from '../diff/loadDiffPair';
import { ReviewStore } from '../diff/reviewStore';
import type { NodeAdapters } from '../nodeAdapters';
import { schemaView } from './schemaView';

/** The browse worker's requests about label diffs. */
export type DiffRequests = Pick<BrowseWorkerRequests, 'openDiff' | 'closeDiff' | 'diffPair' | 'setReviewMark' | 'exportReviewCsv'>;

/** A diff folder open in the worker: its contents, its marks, the ids it compared, and its two sides (opened on first need). */
interface OpenedFolder {
  readonly contents: DiffFolderContents;
  readonly review: ReviewStore;
  readonly ids: ReadonlySet<string>;
  pairs(): Promise<DiffPairSource>;
}

/** Handlers for the diff panel's reading and review; a folder a request names is opened on first use (e.g. after a worker restart). */
export function createDiffHandlers(adapters: NodeAdapters, registry: SchemaRegistry): RpcHandlers<DiffRequests> {
  const open = new Map<string, Promise<OpenedFolder>>();
  const load = (dir: string, fresh: boolean): Promise<OpenedFolder> => {
    const key = path.resolve(dir);
    const cached = open.get(key);
    if (cached && !fresh) return cached;
    const opening = openFolder(key, adapters);
    open.set(key, opening);
    opening.catch(() => open.get(key) === opening && open.delete(key));
    return opening;
  };
  const known = async (dir: string, id: string): Promise<OpenedFolder> => {
    const folder = await load(dir, false);
    if (!folder.ids.has(id)) throw new Error(`${folder.contents.dir}: the diff compared no image "${id}"`);
    return folder;
  };
  return {
    openDiff: async ({ dir }) => openedDiff(await load(dir, true), registry),
    closeDiff: ({ dir }) => void open.delete(path.resolve(dir)),
    diffPair: async ({ dir, id }, ctx) => {
      const folder = await known(dir, id);
      const { view, buffers } = await diffPairPixels(await folder.pairs(), id, adapters, ctx.signal);
      ctx.transfer(...buffers);
      return view;
    },
    setReviewMark: async ({ dir, id, verdict, note }) => {
      const folder = await known(dir, id);
      if (verdict !== null && !isReviewVerdict(verdict)) throw new Error(`invalid verdict ${JSON.stringify(verdict)}`);
      const mark = await folder.review.set(id, verdict, String(note).slice(0, MAX_NOTE_LENGTH), new Date().toISOString());
      return { id, ...(mark ? { mark } : {}), counts: verdictCounts(folder.review.current) };
    },
    exportReviewCsv: async ({ dir }) => {
      const folder = await load(dir, false);
      return { file: await folder.review.exportCsv(folder.contents.items) };
    },
  };
}

async function openFolder(dir: string, adapters: NodeAdapters): Promise<OpenedFolder> {
  const contents = await readDiffFolder(dir, adapters.files);
  const review = await ReviewStore.open(dir, adapters.store);
  let pairs: Promise<DiffPairSource> | undefined;
  const openPairs = (): Promise<DiffPairSource> => {
    // Opening a side scans its folder: once per open diff; a failure is not kept, so a fixed folder can be read later.
    const opening = (pairs ??= openDiffPairs(contents.record, adapters));
    opening.catch(() => pairs === opening && (pairs = undefined));
    return opening;
  };
  return { contents, review, ids: new Set(contents.items.map((i) => i.id)), pairs: openPairs };
}

async function openedDiff(folder: OpenedFolder, registry: SchemaRegistry): Promise<OpenedDiff> {
  const { dir, record, items } = folder.contents;
  const notes = [...folder.contents.notes];
  const schemas = await sideSchemas(folder, registry).catch((error: unknown) => {
    notes.push(`${dir}: the sides' label schemas could not be read, so classes are named by id (${error instanceof Error ? error.message : String(error)})`);
    return { a: placeholderSchema(record, 'a'), b: placeholderSchema(record, 'b') };
  });
  const review = folder.review.current;
  return { dir, record, schemaA: schemas.a, schemaB: schemas.b, queue: reviewQueue(items, review), counts: verdictCounts(review), notes };
}

/** Both sides' schemas: from the registry, or (a folder's own schema) from the opened sides. */
async function sideSchemas(folder: OpenedFolder, registry: SchemaRegistry): Promise<{ a: SchemaView; b: SchemaView }> {
  const { record } = folder.contents;
  let a: LabelSchema | undefined = registry.find(record.a.schema);
  let b: LabelSchema | undefined = registry.find(record.b.schema);
  if (!a || !b) {
    const pairs = await folder.pairs();
    a ??= pairs.a.schema;
    b ??= pairs.b.schema;
  }
  return { a: schemaView(a), b: schemaView(b) };
}

/** A schema view with no classes (names then read "class N"), when a side's schema cannot be had. */
function placeholderSchema(record: DiffRecord, side: 'a' | 'b'): SchemaView {
  return { id: record[side].schema, title: record[side].schemaTitle || record[side].schema, classes: [] };
}
