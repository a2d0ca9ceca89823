import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { ThumbnailCache } from '../../../src/node/browse/thumbnailCache';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
before(() => {
  tmp = makeTempDir('facegap-thumbs-');
});
after(() => tmp.remove());

/** Writes a plain-colour JPEG of the given size, optionally with an EXIF orientation. */
async function writeJpeg(name: string, width: number, height: number, orientation?: number, colour = '#c06030'): Promise<string> {
  const file = path.join(tmp.dir, 'images', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let pipeline = sharp({ create: { width, height, channels: 3, background: colour } }).jpeg();
  if (orientation !== undefined) pipeline = pipeline.withMetadata({ orientation });
  await pipeline.toFile(file);
  return file;
}

function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('ThumbnailCache', () => {
  it('makes a JPEG that fits inside maxSide, upright, under cacheDir/ab/abcdef….jpg', async () => {
    const image = await writeJpeg('wide.jpg', 400, 300);
    const cacheDir = path.join(tmp.dir, 'cache-a');
    const thumb = await new ThumbnailCache(cacheDir, { maxSide: 192 }).get(image);
    const meta = await sharp(thumb).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.deepEqual([meta.width, meta.height], [192, 144]);
    const name = path.basename(thumb);
    assert.match(name, /^[0-9a-f]{64}\.jpg$/);
    assert.equal(path.dirname(thumb), path.join(cacheDir, name.slice(0, 2)));
    assert.deepEqual(allFiles(cacheDir), [thumb], 'no temporary file left behind');
  });

  it('keeps the stored pixel grid (no EXIF rotation, as labels are drawn on it) and never enlarges a small image', async () => {
    const cache = new ThumbnailCache(path.join(tmp.dir, 'cache-b'), { maxSide: 192 });
    const rotated = await sharp(await cache.get(await writeJpeg('rotated.jpg', 400, 300, 6))).metadata();
    assert.deepEqual([rotated.width, rotated.height], [192, 144]);
    const small = await sharp(await cache.get(await writeJpeg('small.jpg', 50, 40))).metadata();
    assert.deepEqual([small.width, small.height], [50, 40]);
  });

  it('reuses the thumbnail of an unchanged file, and makes a new one once the file changes', async () => {
    const image = await writeJpeg('changing.jpg', 300, 300);
    const cacheDir = path.join(tmp.dir, 'cache-c');
    const cache = new ThumbnailCache(cacheDir, { maxSide: 64 });
    const first = await cache.get(image);
    // A hit touches the file's modification time (it means "last used"); a rewrite would be a new file (temp + rename).
    const firstInode = fs.statSync(first).ino;
    assert.equal(await cache.get(image), first);
    assert.equal(fs.statSync(first).ino, firstInode, 'not written again');
    await writeJpeg('changing.jpg', 200, 100, undefined, '#2050a0');
    fs.utimesSync(image, new Date(), new Date(Date.now() + 5000));
    const second = await cache.get(image);
    assert.notEqual(second, first);
    const meta = await sharp(second).metadata();
    assert.deepEqual([meta.width, meta.height], [64, 32]);
    assert.notEqual((await new ThumbnailCache(cacheDir, { maxSide: 32 }).get(image)), second, 'the thumbnail size is part of the key');
  });

  it('marks a thumbnail as used on every hit, so pruning drops the least recently shown', async () => {
    const image = await writeJpeg('used.jpg', 100, 100);
    const cache = new ThumbnailCache(path.join(tmp.dir, 'cache-used'), { maxSide: 32 });
    const thumb = await cache.get(image);
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(thumb, past, past);
    await cache.get(image);
    assert.ok(fs.statSync(thumb).mtimeMs > past.getTime() + 1000, 'the hit moved the modification time forward');
  });

  it('makes one thumbnail for concurrent requests of the same file', async () => {
    const image = await writeJpeg('shared.jpg', 500, 500);
    const cacheDir = path.join(tmp.dir, 'cache-d');
    const cache = new ThumbnailCache(cacheDir, { concurrency: 1 });
    const paths = await Promise.all([cache.get(image), cache.get(image), cache.get(path.relative(process.cwd(), image))]);
    assert.equal(new Set(paths).size, 1);
    assert.equal(allFiles(cacheDir).length, 1);
  });

  it('rejects with an AbortError, writing nothing, when the request was aborted before the work started', async () => {
    const cacheDir = path.join(tmp.dir, 'cache-e');
    const cache = new ThumbnailCache(cacheDir, { concurrency: 1 });
    const busy = cache.get(await writeJpeg('busy.jpg', 800, 800));
    const controller = new AbortController();
    const waiting = cache.get(await writeJpeg('waiting.jpg', 300, 300), controller.signal);
    controller.abort();
    await assert.rejects(waiting, (error: Error) => error.name === 'AbortError');
    await busy;
    await assert.rejects(cache.get(await writeJpeg('late.jpg', 30, 30), AbortSignal.abort()), (error: Error) => error.name === 'AbortError');
    assert.equal(allFiles(cacheDir).length, 1, 'only the busy image got a thumbnail');
  });

  it('names the image file when it is missing or not an image', async () => {
    const cache = new ThumbnailCache(path.join(tmp.dir, 'cache-f'));
    const missing = path.join(tmp.dir, 'images', 'gone.jpg');
    await assert.rejects(cache.get(missing), (error: Error) => error.message.startsWith(`${missing}: cannot make a thumbnail (`));
    const text = tmp.write('notes.jpg', 'not a picture');
    await assert.rejects(cache.get(text), (error: Error) => error.message.startsWith(`${text}: cannot make a thumbnail (`) && error.name !== 'AbortError');
    await assert.rejects(cache.get(tmp.dir), /cannot make a thumbnail \(not a file\)/);
  });
});
