import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { DatasetBrowser, type DatasetBrowserDeps } from '../../../src/node/browse/datasetBrowser';
import { scanDataset } from '../../../src/node/browse/datasetScan';
import { ScanCache } from '../../../src/node/browse/scanCache';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { LAPA_LABELMAP_TEXT, LAPA_SCHEMA } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const SPLITS = ['train', 'val'];
const STEMS = ['a', 'b', 'c'];
let tmp: TempDir;
let root: string;
let cacheDir: string;

/** Sets a folder's modification time an hour back: a stamp taken now is then trusted (not "racy"). */
function settle(...dirs: string[]): void {
  const past = new Date(Date.now() - 3600_000);
  for (const dir of dirs) fs.utimesSync(dir, past, past);
}

/** A LaPa layout with two splits, empty files (the layout fixes the schema, so nothing is decoded), all folders settled. */
function writeLapa(dir: string): void {
  for (const split of SPLITS) {
    for (const [sub, ext] of [['images', 'jpg'], ['labels', 'png']]) {
      fs.mkdirSync(path.join(dir, split, sub), { recursive: true });
      for (const stem of STEMS) fs.writeFileSync(path.join(dir, split, sub, `${stem}.${ext}`), '');
      settle(path.join(dir, split, sub));
    }
    settle(path.join(dir, split));
  }
  settle(dir);
}

const deps = (extra: Partial<DatasetBrowserDeps> = {}): DatasetBrowserDeps => ({ adapters: createNodeAdapters(), registry: new SchemaRegistry(), ...extra });
let scanCache: ScanCache;
/** The worker's one scan cache; its saves are written before the next open reads it, but tests that look at the file wait. */
const cached = (): Partial<DatasetBrowserDeps> => ({ scanCache });
const fresh = async (at = root) => (await DatasetBrowser.open(at, deps())).index;

beforeEach(() => {
  tmp = makeTempDir('facegap-scan-');
  root = path.join(tmp.dir, 'lapa');
  cacheDir = path.join(tmp.dir, 'cache');
  scanCache = new ScanCache(cacheDir);
  writeLapa(root);
});
afterEach(() => tmp.remove());

describe('the dataset scan cache', () => {
  it('reopens from the cache without listing a folder, with the same index, schema and gallery as a fresh scan', async () => {
    const first = await DatasetBrowser.open(root, deps(cached()));
    assert.ok(first.scanCounts.listed > 0);
    await scanCache.idle();
    assert.equal(fs.readdirSync(cacheDir).filter((n) => n.endsWith('.json')).length, 1);
    const again = await DatasetBrowser.open(root, deps(cached()));
    assert.equal(again.scanCounts.listed, 0);
    assert.equal(again.scanCounts.reused, first.scanCounts.listed);
    assert.deepEqual(again.index, await fresh());
    assert.deepEqual(again.index, first.index);
    assert.equal(again.schema.id, 'lapa');
    assert.equal(again.schemaReason, first.schemaReason);
    assert.deepEqual(again.galleryItems(), first.galleryItems());
  });

  it('lists a folder changed moments ago again on every check: its time may not move on the next change', async () => {
    fs.writeFileSync(path.join(root, 'train', 'images', 'new.jpg'), '');
    const first = await DatasetBrowser.open(root, deps(cached()));
    const again = await DatasetBrowser.open(root, deps(cached()));
    assert.equal(again.scanCounts.listed, 1);
    assert.deepEqual(again.index, first.index);
  });

  it('rebuilds from the folders after a damaged, truncated, foreign-version or emptied cache file', async () => {
    await DatasetBrowser.open(root, deps(cached()));
    await scanCache.idle();
    const [name] = fs.readdirSync(cacheDir);
    const file = path.join(cacheDir, name);
    const good = fs.readFileSync(file, 'utf8');
    const damaged = ['{not json', good.slice(0, good.length / 2), good.replace('"version":1', '"version":0'), '', 'null', '[]', good.replace('"items":[', '"items":[7,')];
    for (const text of damaged) {
      fs.writeFileSync(file, text);
      const browser = await DatasetBrowser.open(root, deps(cached()));
      assert.ok(browser.scanCounts.listed > 0, `rescanned after ${JSON.stringify(text.slice(0, 20))}`);
      assert.deepEqual(browser.index, await fresh());
      await scanCache.idle();
      assert.equal(fs.readFileSync(file, 'utf8'), good, 'the file is written anew');
    }
  });

  it('keeps datasets, overrides and schema choices apart', async () => {
    const other = path.join(tmp.dir, 'other');
    writeLapa(other);
    fs.rmSync(path.join(other, 'val'), { recursive: true });
    settle(other);
    const cache = new ScanCache(cacheDir);
    const files = new Set([cache.entry(root).file, cache.entry(other).file, cache.entry(root, { format: 'lapa' }).file, cache.entry(root, {}, 'helen').file]);
    assert.equal(files.size, 4);
    await DatasetBrowser.open(root, deps(cached()));
    const otherIndex = (await DatasetBrowser.open(other, deps(cached()))).index;
    assert.deepEqual(otherIndex, await fresh(other));
    // A file of one dataset under another's name is not used.
    await scanCache.idle();
    fs.copyFileSync(cache.entry(root).file, cache.entry(other).file);
    const reopened = await DatasetBrowser.open(other, deps(cached()));
    assert.ok(reopened.scanCounts.listed > 0);
    assert.deepEqual(reopened.index, otherIndex);
    const explicit = await DatasetBrowser.open(root, deps({ ...cached(), schema: new SchemaRegistry().get('helen') }));
    assert.ok(explicit.scanCounts.listed > 0, 'another schema choice is another cache file');
    assert.equal(explicit.schema.id, 'helen');
  });
});

describe('gallery items', () => {
  it('name each image relative to the root with "/", however the root was written', async () => {
    for (const given of [root, `${root}/`, `${root}//`, path.join(root, '..', 'lapa'), path.relative(process.cwd(), root)]) {
      const browser = await DatasetBrowser.open(given, deps());
      const expected = browser.index.items.map((i) => path.relative(path.resolve(given), path.resolve(i.imagePath)).split(path.sep).join('/'));
      assert.deepEqual(browser.galleryItems().map((g) => g.file), expected, given);
      assert.equal(expected[0], 'train/images/a.jpg');
    }
  });
});

describe('ScanCache', () => {
  it('keeps only the most recently used files', async () => {
    const small = new ScanCache(cacheDir, 2);
    const roots = ['one', 'two', 'three'].map((name) => path.join(tmp.dir, name));
    for (const [i, dir] of roots.entries()) {
      writeLapa(dir);
      await DatasetBrowser.open(dir, deps({ scanCache: small }));
      await small.idle();
      // Minutes apart, whatever the clock's granularity: the order of use is what the test is about.
      const used = new Date(Date.now() - (roots.length - i) * 60_000);
      fs.utimesSync(small.entry(dir).file, used, used);
    }
    const kept = fs.readdirSync(cacheDir).sort();
    assert.deepEqual(kept, roots.slice(1).map((dir) => path.basename(small.entry(dir).file)).sort());
  });
});

describe('refreshing an open dataset', () => {
  it('answers unchanged with stats alone when nothing changed', async () => {
    const browser = await DatasetBrowser.open(root, deps());
    assert.equal(await browser.refreshed(), undefined);
    const scanDeps = { ...createNodeAdapters(), registry: new SchemaRegistry() };
    const first = await scanDataset(root, scanDeps);
    const again = await scanDataset(root, scanDeps, first);
    assert.equal(again.unchanged, true);
    assert.deepEqual(again.counts, { listed: 0, reused: first.counts.listed, stats: first.record.folders.size + first.record.kinds.size + first.record.reads.size });
    assert.equal(again.index, first.index);
  });

  it('picks up a file added, removed and renamed, listing only the folder that changed', async () => {
    let browser = await DatasetBrowser.open(root, deps(cached()));
    const folders = browser.scanCounts.listed;
    const steps: Array<[string, string, () => void]> = [
      ['added', path.join(root, 'train', 'images'), () => fs.writeFileSync(path.join(root, 'train', 'images', 'd.jpg'), '')],
      ['removed', path.join(root, 'val', 'labels'), () => fs.rmSync(path.join(root, 'val', 'labels', 'b.png'))],
      ['renamed', path.join(root, 'train', 'labels'), () => fs.renameSync(path.join(root, 'train', 'labels', 'a.png'), path.join(root, 'train', 'labels', 'd.png'))],
    ];
    for (const [what, dir, change] of steps) {
      change();
      settle(dir);
      const next = await browser.refreshed();
      assert.ok(next, `a file ${what}: the dataset changed`);
      assert.equal(next.scanCounts.listed, 1, `a file ${what}: only ${dir} is listed again`);
      assert.equal(next.scanCounts.reused, folders - 1);
      assert.deepEqual(next.index, await fresh(), `a file ${what}: the same index as a fresh scan`);
      browser = next;
    }
    const ids = browser.index.items.map((i) => i.id);
    assert.deepEqual(ids, ['train/b', 'train/c', 'train/d', 'val/a', 'val/c']);
    const reopened = await DatasetBrowser.open(root, deps(cached()));
    assert.equal(reopened.scanCounts.listed, 0, 'the refreshed scan was cached');
    assert.deepEqual(reopened.index, browser.index);
  });

  it('scans again when a file the readers read changed in place, though no folder changed', async () => {
    const single = path.join(root, 'train');
    const labelmap = path.join(single, 'labelmap.txt');
    fs.writeFileSync(labelmap, LAPA_LABELMAP_TEXT);
    settle(labelmap, single);
    const scanDeps = { ...createNodeAdapters(), registry: new SchemaRegistry(), schema: LAPA_SCHEMA };
    const first = await scanDataset(single, scanDeps);
    assert.equal(first.index.format, 'lapa');
    assert.ok(first.record.reads.has(labelmap));
    assert.equal((await scanDataset(single, scanDeps, first)).unchanged, true);
    fs.writeFileSync(labelmap, '0 background\n1 face\n');
    const again = await scanDataset(single, scanDeps, first);
    assert.equal(again.unchanged, false);
    assert.equal(again.index.format, 'generic');
  });

  it('keeps the browser when what changed is nothing the gallery shows', async () => {
    const browser = await DatasetBrowser.open(root, deps());
    fs.mkdirSync(path.join(root, 'facegap-runs'));
    settle(root);
    assert.equal(await browser.refreshed(), undefined);
    const scan = await scanDataset(root, { ...createNodeAdapters(), registry: new SchemaRegistry() });
    assert.deepEqual(scan.index, browser.index);
  });
});
