import type { ReviewFile, ReviewMark, ReviewVerdict } from '../../core/diff/diffTypes';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { parseReviewFile, reviewCsv, serializeReview, withMark, type ReviewItem } from '../../core/diff/reviewMarks';
import type { ResultStore } from '../../core/ports/fileAccess';
import { errorMessage } from '../../core/util/errors';
import { joinPath } from '../../core/util/paths';

/**
 * The review.json of one diff folder: kept in memory, saved atomically (temporary file + rename) after each change,
 * one write at a time and in the order of the changes, so the file always holds the latest marks.
 */
export class ReviewStore {
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly store: ResultStore,
    private review: ReviewFile,
  ) {}

  /** Reads the folder's review.json (none yet: no marks); rejects with an error naming the file when it is malformed. */
  static async open(dir: string, store: ResultStore): Promise<ReviewStore> {
    return new ReviewStore(dir, store, await readReview(dir, store));
  }

  /** The marks as they are now (saved, or being saved). */
  get current(): ReviewFile {
    return this.review;
  }

  /** Sets (or with a null verdict clears) an image's mark and resolves once review.json holds it; the new mark, if any. */
  async set(id: string, verdict: ReviewVerdict | null, note: string, at: string): Promise<ReviewMark | undefined> {
    this.review = withMark(this.review, id, verdict, note, at);
    const file = this.file(DIFF_FILES.review);
    const text = serializeReview(this.review);
    const write = this.writes.then(() => this.store.writeAtomic(file, text));
    this.writes = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      // What is on disk is what holds: the marks in memory go back to it.
      this.review = await readReview(this.dir, this.store).catch(() => this.review);
      throw new Error(`${file}: could not save the mark of ${id} (${errorMessage(error)})`);
    }
    return this.review.marks.find((m) => m.id === id);
  }

  /** Writes review.csv beside the diff (the marks in queue order) and resolves with its path. */
  async exportCsv(items: readonly ReviewItem[]): Promise<string> {
    await this.writes;
    const file = this.file(DIFF_FILES.reviewCsv);
    await this.store.writeAtomic(file, reviewCsv(items, this.review));
    return file;
  }

  private file(name: string): string {
    return joinPath(this.dir, name);
  }
}

async function readReview(dir: string, store: ResultStore): Promise<ReviewFile> {
  const file = joinPath(dir, DIFF_FILES.review);
  const bytes = await store.readIfExists(file);
  return parseReviewFile(bytes === undefined ? undefined : new TextDecoder().decode(bytes), file);
}

