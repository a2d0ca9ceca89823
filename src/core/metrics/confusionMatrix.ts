import { IGNORE_ID } from '../raster/labelMap';

/** Options of ConfusionMatrix.add. */
export interface ConfusionAddOptions {
  /** Ground-truth pixels with this value are skipped and counted as ignored (default 255; a value outside 0–255 ignores nothing). */
  readonly ignoreId?: number;
  /** 1 = skip this pixel entirely (e.g. a boundary band); same length as the label arrays. */
  readonly skip?: Uint8Array;
  /** 256 entries translating each predicted value before it is counted (e.g. a crosswalk into the ground truth's schema). */
  readonly predTable?: Uint8Array;
}

/** Pixels that add() left out of the matrix. */
export interface ExcludedPixels {
  /** Ground-truth pixels equal to the ignore id (and not already skipped by the mask). */
  readonly ignoredPixels: number;
  /** Pixels skipped by the skip mask. */
  readonly skippedPixels: number;
}

/** A (ground-truth class, predicted column, pixel count) cell; predicted column n means "other" (prediction ≥ n). */
export type SparseCell = [gt: number, pred: number, count: number];

/** Histogram of (gt << 8 | pred) pairs, reused by every add (allocating 256 KiB per call cost ~25 % of a 512×512 add); all zero between calls. */
const sharedPairs = new Uint32Array(65536);
/** Pixels counted per Uint32 histogram pass, far below 2^32 so no histogram cell can overflow. */
const CHUNK_PIXELS = 2 ** 30;

/**
 * Pixel confusion counts for classes 0..n−1: rows are ground truth, columns are predictions plus a last column
 * "other" for predicted values ≥ n (e.g. 255 = unmapped), which count as wrong for every class.
 */
export class ConfusionMatrix {
  /** Number of classes n (ids 0..n−1). */
  readonly classCount: number;
  /** Row-major n × (n + 1) counts; Float64 because datasets exceed 2^32 pixels. */
  private readonly counts: Float64Array;
  private ignored = 0;
  private skipped = 0;

  constructor(classCount: number) {
    if (!Number.isInteger(classCount) || classCount < 1 || classCount > 256) {
      throw new RangeError(`class count must be an integer from 1 to 256, got ${classCount}`);
    }
    this.classCount = classCount;
    this.counts = new Float64Array(classCount * (classCount + 1));
  }

  /** Counts one ground-truth/prediction pair of label arrays; all-or-nothing: on error nothing is added. */
  add(gt: Uint8Array, pred: Uint8Array, options: ConfusionAddOptions = {}): void {
    if (gt.length !== pred.length) throw new Error(`ground truth has ${gt.length} pixels but prediction has ${pred.length}`);
    const skip = options.skip;
    if (skip && skip.length !== gt.length) throw new Error(`skip mask has ${skip.length} pixels but labels have ${gt.length}`);
    const ignoreId = options.ignoreId ?? IGNORE_ID;
    const predTable = options.predTable;
    if (predTable && predTable.length !== 256) throw new Error(`a prediction table has 256 entries, got ${predTable.length}`);
    // Pending counts stay outside the matrix until every pixel has proved valid.
    const pending = new Float64Array(this.counts.length);
    const pairs = sharedPairs;
    let ignored = 0;
    let counted = 0;
    for (let start = 0; start < gt.length; start += CHUNK_PIXELS) {
      const end = Math.min(start + CHUNK_PIXELS, gt.length);
      if (skip === undefined) countPairs(gt, pred, start, end, pairs);
      else countUnskippedPairs(gt, pred, skip, start, end, pairs);
      try {
        const folded = this.foldPairs(pairs, ignoreId, pending, predTable);
        ignored += folded.ignoredPixels;
        counted += folded.countedPixels;
      } finally {
        pairs.fill(0);
      }
    }
    for (let j = 0; j < pending.length; j++) this.counts[j] += pending[j];
    this.ignored += ignored;
    this.skipped += gt.length - counted;
  }

  /** Adds another matrix's counts (same class count) into this one. */
  merge(other: ConfusionMatrix): void {
    if (other.classCount !== this.classCount) {
      throw new Error(`cannot merge a ${other.classCount}-class matrix into a ${this.classCount}-class matrix`);
    }
    for (let j = 0; j < this.counts.length; j++) this.counts[j] += other.counts[j];
    this.ignored += other.ignored;
    this.skipped += other.skipped;
  }

  /** Pixels with ground truth gt predicted as pred (pred = n reads the "other" column). */
  get(gt: number, pred: number): number {
    this.checkRow(gt);
    if (!Number.isInteger(pred) || pred < 0 || pred > this.classCount) {
      throw new RangeError(`prediction column ${pred} is outside 0..${this.classCount}`);
    }
    return this.counts[gt * (this.classCount + 1) + pred];
  }

  /** Scored pixels whose ground truth is class c (its row sum, "other" column included). */
  gtTotal(c: number): number {
    this.checkRow(c);
    const start = c * (this.classCount + 1);
    let sum = 0;
    for (let j = start; j <= start + this.classCount; j++) sum += this.counts[j];
    return sum;
  }

  /** Scored pixels predicted as class c (its column sum); c = n gives the "other" column. */
  predTotal(c: number): number {
    if (!Number.isInteger(c) || c < 0 || c > this.classCount) throw new RangeError(`column ${c} is outside 0..${this.classCount}`);
    let sum = 0;
    for (let r = 0; r < this.classCount; r++) sum += this.counts[r * (this.classCount + 1) + c];
    return sum;
  }

  /** All scored pixels (ignored and skipped pixels are not scored). */
  total(): number {
    let sum = 0;
    for (let j = 0; j < this.counts.length; j++) sum += this.counts[j];
    return sum;
  }

  /** Correctly labelled pixels: the sum of the diagonal. */
  correct(): number {
    let sum = 0;
    for (let c = 0; c < this.classCount; c++) sum += this.counts[c * (this.classCount + 2)];
    return sum;
  }

  /** Pixels add() left out (ignore id, skip mask). */
  excluded(): ExcludedPixels {
    return { ignoredPixels: this.ignored, skippedPixels: this.skipped };
  }

  /** Non-zero cells as [gt, pred, count], row-major; pred = n is the "other" column. */
  toSparse(): SparseCell[] {
    const width = this.classCount + 1;
    const cells: SparseCell[] = [];
    for (let j = 0; j < this.counts.length; j++) {
      if (this.counts[j] !== 0) cells.push([Math.floor(j / width), j % width, this.counts[j]]);
    }
    return cells;
  }

  /** Rebuilds a matrix from toSparse() cells (repeated cells add up) and, optionally, its excluded() counts. */
  static fromSparse(classCount: number, cells: Iterable<readonly [number, number, number]>, excluded?: ExcludedPixels): ConfusionMatrix {
    const matrix = new ConfusionMatrix(classCount);
    for (const [gt, pred, count] of cells) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`cell (${gt}, ${pred}) has invalid count ${count}`);
      matrix.get(gt, pred); // validates the indices
      matrix.counts[gt * (classCount + 1) + pred] += count;
    }
    if (excluded) {
      matrix.ignored = excluded.ignoredPixels;
      matrix.skipped = excluded.skippedPixels;
    }
    return matrix;
  }

  /** The matrix as n rows of n + 1 numbers (last column = "other"). */
  toRows(): number[][] {
    const width = this.classCount + 1;
    const rows: number[][] = [];
    for (let r = 0; r < this.classCount; r++) rows.push(Array.from(this.counts.subarray(r * width, (r + 1) * width)));
    return rows;
  }

  /** Adds a (gt << 8 | pred) pair histogram into pending; throws on a gt value that is neither a class nor ignoreId. */
  private foldPairs(pairs: Uint32Array, ignoreId: number, pending: Float64Array, predTable?: Uint8Array): { ignoredPixels: number; countedPixels: number } {
    const n = this.classCount;
    let ignoredPixels = 0;
    let countedPixels = 0;
    for (let g = 0; g < 256; g++) {
      let rowSum = 0;
      for (let p = 0; p < 256; p++) rowSum += pairs[(g << 8) | p];
      if (rowSum === 0) continue;
      countedPixels += rowSum;
      if (g === ignoreId) ignoredPixels += rowSum;
      else if (g >= n) throw new Error(`ground-truth value ${g} (${rowSum} pixels) is not a class id (0..${n - 1}) nor the ignore id ${ignoreId}`);
      else for (let p = 0; p < 256; p++) pending[g * (n + 1) + Math.min(predTable ? predTable[p] : p, n)] += pairs[(g << 8) | p];
    }
    return { ignoredPixels, countedPixels };
  }

  private checkRow(gt: number): void {
    if (!Number.isInteger(gt) || gt < 0 || gt >= this.classCount) {
      throw new RangeError(`ground-truth class ${gt} is outside 0..${this.classCount - 1}`);
    }
  }
}

/**
 * The hot loop: a histogram of (gt, pred) byte pairs. One increment per pixel, no lookups or branches; mapping pairs to
 * matrix cells happens once per call, over the 65,536 cells, in foldPairs (~2× faster than mapping per pixel).
 */
function countPairs(gt: Uint8Array, pred: Uint8Array, start: number, end: number, pairs: Uint32Array): void {
  for (let i = start; i < end; i++) pairs[(gt[i] << 8) | pred[i]]++;
}

/** countPairs for the pixels whose skip value is 0. */
function countUnskippedPairs(gt: Uint8Array, pred: Uint8Array, skip: Uint8Array, start: number, end: number, pairs: Uint32Array): void {
  for (let i = start; i < end; i++) {
    if (skip[i] === 0) pairs[(gt[i] << 8) | pred[i]]++;
  }
}
