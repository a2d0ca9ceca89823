import assert from 'node:assert/strict';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pruneCache } from '../../../src/node/browse/cachePruning';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const temps: TempDir[] = [];
after(() => temps.forEach((t) => t.remove()));

function tempDir(name: string): string {
  const temp = makeTempDir(`facegap-${name}-`);
  temps.push(temp);
  return temp.dir;
}

/** Writes a cache file of `size` bytes last used `ageSeconds` ago. */
function cacheFile(dir: string, name: string, size: number, ageSeconds: number, now: number): string {
  const folder = path.join(dir, name.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  writeFileSync(file, Buffer.alloc(size));
  const when = new Date(now - ageSeconds * 1000);
  utimesSync(file, when, when);
  return file;
}

describe('pruneCache', () => {
  it('leaves a cache under its limit alone', async () => {
    const dir = tempDir('prune-a');
    const now = Date.now();
    const files = [cacheFile(dir, 'aa1.jpg', 100, 10, now), cacheFile(dir, 'bb1.jpg', 100, 20, now)];
    assert.deepEqual(await pruneCache(dir, 1000, 0.75, now), { files: 2, bytes: 200, removedFiles: 0, removedBytes: 0 });
    assert.ok(files.every((f) => existsSync(f)));
  });

  it('deletes the least recently used files until the cache is at the kept fraction of its limit', async () => {
    const dir = tempDir('prune-b');
    const now = Date.now();
    const oldest = cacheFile(dir, 'aa1.jpg', 400, 300, now);
    const older = cacheFile(dir, 'aa2.jpg', 400, 200, now);
    const recent = cacheFile(dir, 'bb1.jpg', 400, 100, now);
    const newest = cacheFile(dir, 'cc1.jpg', 400, 1, now);
    const result = await pruneCache(dir, 1200, 0.75, now);
    assert.deepEqual(result, { files: 2, bytes: 800, removedFiles: 2, removedBytes: 800 });
    assert.deepEqual([oldest, older, recent, newest].map((f) => existsSync(f)), [false, false, true, true]);
  });

  it('removes stale temporary files and treats a missing folder as empty', async () => {
    const dir = tempDir('prune-c');
    const now = Date.now();
    const stale = cacheFile(dir, 'aa1.jpg.123.tmp', 10, 2 * 3600, now);
    const fresh = cacheFile(dir, 'aa2.jpg.123.tmp', 10, 5, now);
    const result = await pruneCache(dir, 1_000_000, 0.75, now);
    assert.equal(result.removedFiles, 1);
    assert.deepEqual([existsSync(stale), existsSync(fresh)], [false, true]);
    assert.deepEqual(await pruneCache(path.join(dir, 'missing'), 10), { files: 0, bytes: 0, removedFiles: 0, removedBytes: 0 });
  });
});
