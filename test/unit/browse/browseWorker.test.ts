import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { createBrowseHandlers } from '../../../src/node/browse/browseHandlers';
import { BrowseWorkerClient } from '../../../src/node/browse/browseWorkerClient';
import { DatasetBrowser } from '../../../src/node/browse/datasetBrowser';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import { isAbortError, type HandlerContext } from '../../../src/protocol/rpc';
import { writeGrayPng } from '../../helpers/fixtures';
import { buildNodeBundle, type NodeBundle } from '../../helpers/nodeBundle';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const SIZE = 64;
const IDS = ['000000', '000001', '000002', '000003'];
/** The item whose prediction is all background, so the run has a skin → background confusion. */
const BLANK = '000003';
const SKIN = 1;

let bundle: NodeBundle;
let tmp: TempDir;
let root: string;
let run: string;
let client: BrowseWorkerClient;
let reference: DatasetBrowser;

const newClient = (): BrowseWorkerClient => new BrowseWorkerClient(bundle.file('browseWorker'), { thumbnailDir: path.join(tmp.dir, 'thumbs') });

before(async () => {
  bundle = await buildNodeBundle('browse-worker-', { browseWorker: 'src/node/browse/browseWorker.ts' });
  tmp = makeTempDir('facegap-browse-worker-');
  root = path.join(tmp.dir, 'ds');
  await writeSampleDataset(root, { profile: SYNTHETIC_PROFILE, count: IDS.length, seed: 5, size: SIZE });
  const preds = path.join(tmp.dir, 'preds');
  fs.mkdirSync(preds);
  for (const id of IDS.filter((i) => i !== BLANK)) fs.copyFileSync(path.join(root, `${id}_seg.png`), path.join(preds, `${id}.png`));
  await writeGrayPng(path.join(preds, `${BLANK}.png`), { width: SIZE, height: SIZE, data: new Uint8Array(SIZE * SIZE) });
  run = path.join(tmp.dir, 'run');
  await evaluateFolder(root, { kind: 'folder', folder: preds }, run);
  reference = await DatasetBrowser.open(root, { adapters: createNodeAdapters(), registry: new SchemaRegistry() });
  client = newClient();
});
after(async () => {
  await client?.dispose();
  bundle?.remove();
  tmp?.remove();
});

describe('BrowseWorkerClient', () => {
  it('opens a dataset in the worker and lists its items and schema', async () => {
    const opened = await client.openDataset(root);
    assert.equal(opened.root, root);
    assert.deepEqual(opened.items, reference.galleryItems());
    assert.deepEqual(opened.items.map((i) => i.id), IDS);
    assert.equal(opened.schema.id, 'facesynthetics');
    assert.equal(opened.schemaReason, reference.schemaReason);
    assert.equal(opened.formatTitle, reference.index.formatTitle);
    assert.deepEqual(opened.problems, []);
  });

  it('gives the detail view width × height class ids as Uint8Arrays, with the run\'s prediction and scores', async () => {
    const detail = await client.detail(root, BLANK, run);
    const expected = await reference.detail(BLANK, run);
    assert.equal(detail.imagePath, reference.item(BLANK).imagePath);
    assert.deepEqual([detail.width, detail.height], [SIZE, SIZE]);
    for (const [got, want] of [[detail.gt, expected.gt], [detail.pred, expected.pred]] as const) {
      assert.ok(got?.ids instanceof Uint8Array);
      assert.equal(got.ids.length, SIZE * SIZE);
      assert.equal(got.ids.buffer.byteLength, SIZE * SIZE, 'the array owns its buffer');
      assert.deepEqual([...got.ids], [...want!.data]);
    }
    assert.ok(detail.pred!.ids.every((id) => id === 0));
    assert.deepEqual(detail.metrics, expected.metrics);
    assert.deepEqual(detail.notes, []);
    const plain = await client.detail(root, IDS[0]);
    assert.equal(plain.pred, undefined);
    assert.equal(plain.gt?.ids.length, SIZE * SIZE);
  });

  it('answers a run\'s per-image metrics and confusion images', async () => {
    const metrics = await client.runMetrics(root, run);
    assert.deepEqual(Object.keys(metrics).sort(), IDS);
    assert.deepEqual(metrics, await reference.runMetrics(run));
    const confused = await client.confusionImages(root, run, SKIN, 0);
    assert.deepEqual(confused.map((c) => c.id), [BLANK]);
    assert.deepEqual(confused, await reference.confusionImages(run, SKIN, 0));
    await client.forgetRun(root, run);
    assert.deepEqual(await client.runMetrics(root, run), metrics);
  });

  it('makes thumbnails in the cache folder and names what cannot be made', async () => {
    const thumbs = await client.thumbnails(root, [...IDS, 'nope']);
    for (const thumb of thumbs.slice(0, IDS.length)) {
      assert.ok(thumb.file?.startsWith(path.join(tmp.dir, 'thumbs')), JSON.stringify(thumb));
      assert.ok(fs.statSync(thumb.file!).size > 0);
    }
    assert.deepEqual(thumbs.map((t) => t.id), [...IDS, 'nope']);
    assert.match(thumbs[IDS.length].error ?? '', /no item "nope"/);
  });

  it('reads a report with thumbnail files and a label mask', async () => {
    const report = await client.reportSnapshot({ runDirs: [run], title: 'r', worst: 2, thumbnailDir: path.join(tmp.dir, 'report-thumbs') });
    assert.equal(report.runs[0].worst.length, 2);
    for (const image of report.runs[0].worst) assert.ok(fs.existsSync(image.thumbnailUri!), image.thumbnailUri);
    const mask = await client.maskFile(path.join(root, `${IDS[0]}_seg.png`));
    assert.equal(mask.pixels.ids.length, SIZE * SIZE);
    assert.equal(mask.schema.id, 'facesynthetics');
  });

  it('rejects an unknown root, an unknown id and a folder that is no dataset with messages naming them', async () => {
    const elsewhere = path.join(tmp.dir, 'elsewhere');
    await assert.rejects(client.detail(elsewhere, IDS[0]), (e: Error) => e.message.startsWith(`${elsewhere}: no dataset is open`));
    await assert.rejects(client.detail(root, 'nope'), (e: Error) => e.message === `${root}: no item "nope" in this dataset`);
    fs.mkdirSync(elsewhere);
    const direct = await DatasetBrowser.open(elsewhere, { adapters: createNodeAdapters(), registry: new SchemaRegistry() }).catch((e: Error) => e);
    assert.ok(direct instanceof Error);
    await assert.rejects(client.openDataset(elsewhere), (e: Error) => e.message === direct.message && e.message.includes(elsewhere) && e.name === 'UnrecognisedDatasetError');
  });

  it('rejects an aborted request with an AbortError and keeps serving', async () => {
    const controller = new AbortController();
    const rejected = assert.rejects(client.thumbnails(root, IDS, controller.signal), (e: unknown) => isAbortError(e));
    controller.abort();
    await rejected;
    assert.equal((await client.detail(root, IDS[1])).width, SIZE);
  });
});

describe('BrowseWorkerClient lifecycle', () => {
  it('refreshes an opened dataset after files changed: the new item appears, and an unchanged folder answers changed: false', async () => {
    const copy = path.join(tmp.dir, 'ds-refresh');
    fs.cpSync(root, copy, { recursive: true });
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(copy, past, past);
    const opened = await client.openDataset(copy);
    assert.deepEqual(await client.refreshDataset(copy), { changed: false });
    for (const suffix of ['.png', '_seg.png']) fs.copyFileSync(path.join(copy, `${IDS[0]}${suffix}`), path.join(copy, `new${suffix}`));
    const refreshed = await client.refreshDataset(copy);
    assert.ok(refreshed.changed);
    assert.deepEqual(refreshed.dataset.items.map((i) => i.id), [...IDS, 'new']);
    assert.deepEqual([refreshed.listed, refreshed.reused], [1, 0]);
    assert.deepEqual(refreshed.dataset.schema, opened.schema);
    const [thumb] = await client.thumbnails(copy, ['new']);
    assert.ok(thumb.file, thumb.error);
    await client.closeDataset(copy);
  });

  it('starts no worker before the first request', () => {
    assert.equal(newClient().worker, undefined);
  });

  it('dispose rejects a pending request and terminates the worker', async () => {
    const own = newClient();
    const rejected = assert.rejects(own.openDataset(root), /the browse worker client was disposed/);
    const worker = own.worker!;
    await own.dispose();
    await rejected;
    assert.equal(worker.threadId, -1, 'the worker has exited');
    assert.equal(own.worker, undefined);
    await assert.rejects(own.detail(root, IDS[0]), /disposed/);
  });

  it('a worker that dies rejects its pending requests, and the next request starts a new one that opens the dataset again', async () => {
    const own = newClient();
    try {
      await own.openDataset(root);
      const first = own.worker!;
      const rejected = assert.rejects(own.detail(root, IDS[0], run), /the browse worker exited unexpectedly \(exit code 1\); the next request starts a new one/);
      await first.terminate();
      await rejected;
      const detail = await own.detail(root, IDS[0], run);
      assert.equal(detail.pred?.ids.length, SIZE * SIZE);
      assert.ok(own.worker && own.worker !== first);
    } finally {
      await own.dispose();
    }
  });
});

describe('browse handlers', () => {
  it('mark the detail\'s label buffers for transfer, each owning its own buffer', async () => {
    const handlers = createBrowseHandlers({ thumbnailDir: path.join(tmp.dir, 'thumbs') });
    const transferred: ArrayBuffer[] = [];
    const ctx: HandlerContext = { signal: new AbortController().signal, transfer: (...buffers) => transferred.push(...buffers) };
    await handlers.openDataset({ type: 'openDataset', root }, ctx);
    const detail = await handlers.detail({ type: 'detail', root, id: IDS[0], run }, ctx);
    assert.equal(transferred.length, 2);
    assert.equal(transferred[0], detail.gt!.ids.buffer);
    assert.equal(transferred[1], detail.pred!.ids.buffer);
    assert.ok(transferred.every((b) => b.byteLength === SIZE * SIZE));
  });

  it('refuse a schema id that is not known, naming it', async () => {
    const handlers = createBrowseHandlers({ thumbnailDir: path.join(tmp.dir, 'thumbs') });
    const ctx: HandlerContext = { signal: new AbortController().signal, transfer: () => undefined };
    await assert.rejects(Promise.resolve(handlers.openDataset({ type: 'openDataset', root, schemaId: 'no-such-schema' }, ctx)), /Unknown label schema "no-such-schema"/);
  });
});
