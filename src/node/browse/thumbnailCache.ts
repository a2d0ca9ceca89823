import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { KeyedWorkQueue } from '../../core/browse/keyedWorkQueue';
import { errorMessage } from '../../core/util/errors';
import { MAX_IMAGE_PIXELS } from '../imaging/sharpImageDecoder';

/** Options of a ThumbnailCache. */
export interface ThumbnailCacheOptions {
  /** Longest side of a thumbnail in pixels (default 192); smaller images keep their size. */
  readonly maxSide?: number;
  /** Thumbnails made at a time (default 2). */
  readonly concurrency?: number;
}

/** JPEG quality of the thumbnails. */
const QUALITY = 80;

/**
 * JPEG thumbnails of images, made lazily and kept on disk in a folder the caller owns (never the dataset's). A file is
 * keyed by its absolute path, size, modification time and the thumbnail size, so a changed image gets a new one.
 */
export class ThumbnailCache {
  readonly maxSide: number;
  private readonly queue: KeyedWorkQueue<string>;

  constructor(
    readonly cacheDir: string,
    options: ThumbnailCacheOptions = {},
  ) {
    this.maxSide = options.maxSide ?? 192;
    if (!Number.isInteger(this.maxSide) || this.maxSide < 1) throw new RangeError(`thumbnail size must be a whole number ≥ 1, got ${this.maxSide}`);
    this.queue = new KeyedWorkQueue(options.concurrency ?? 2);
  }

  /**
   * The path of the image's thumbnail, made now when the cache has none. Requests for one file share the work; a signal
   * that fires before the work starts rejects with an AbortError. Other errors name the image file.
   */
  async get(imagePath: string, signal?: AbortSignal): Promise<string> {
    const absolute = path.resolve(imagePath);
    const stat = await fs.stat(absolute).catch((error: unknown) => {
      throw failure(imagePath, error);
    });
    if (!stat.isFile()) throw failure(imagePath, 'not a file');
    const key = createHash('sha256').update(JSON.stringify([absolute, stat.size, stat.mtimeMs, this.maxSide])).digest('hex');
    const target = path.join(this.cacheDir, key.slice(0, 2), `${key}.jpg`);
    if (await isFile(target)) {
      // The modification time doubles as "last used", so pruning (cachePruning.ts) drops the least recently shown first.
      const now = new Date();
      await fs.utimes(target, now, now).catch(() => undefined);
      return target;
    }
    return this.queue.run(key, () => this.make(absolute, target).catch((error: unknown) => Promise.reject(failure(imagePath, error))), signal);
  }

  private async make(source: string, target: string): Promise<string> {
    // No EXIF auto-rotation: labels are drawn on the stored pixel grid, and the detail view shows the image unrotated too.
    const bytes = await sharp(source, { limitInputPixels: MAX_IMAGE_PIXELS })
      .resize({ width: this.maxSide, height: this.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#808080' })
      .toColourspace('srgb')
      .jpeg({ quality: QUALITY })
      .toBuffer();
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Written beside its final name and renamed, so a reader never sees half a file.
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return target;
  }
}

function failure(file: string, cause: unknown): Error {
  const reason = typeof cause === 'string' ? cause : errorMessage(cause).trim().split('\n')[0];
  return new Error(`${file}: cannot make a thumbnail (${reason})`);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
