// Kernel Inception Distance (Bińkowski 2018): unbiased MMD² with the cubic polynomial kernel, averaged over subsets.
import { mulberry32 } from '../../synth/random';
import { checkVectors, dot } from './moments';

/**
 * How KID samples its subsets: defaults 100 subsets of min(1000, smaller set) images, as torchmetrics' defaults with
 * clean-fid's cap. When the smaller set is under 1000 every subset holds all of it, so sd reflects only the larger set.
 */
export interface KidOptions {
  readonly subsets?: number;
  readonly subsetSize?: number;
  readonly seed?: number;
}

/** KID's mean and population standard deviation over subsets (as torchmetrics), with the subset count and size used. */
export interface KidResult {
  readonly mean: number;
  readonly sd: number;
  readonly subsets: number;
  readonly subsetSize: number;
}

/** The polynomial kernel k(x,y) = (xᵀy/d + 1)³. */
export function kidKernel(x: Float64Array, y: Float64Array): number {
  const t = dot(x, y) / x.length + 1;
  return t * t * t;
}

/** The index subsets KID draws: per subset, subsetSize distinct indices of A, then of B (seeded, the same on every machine). */
export function kidSubsetIndices(sizeA: number, sizeB: number, options: KidOptions = {}): Array<{ a: number[]; b: number[] }> {
  const { subsets, subsetSize } = kidShape(sizeA, sizeB, options);
  const rand = mulberry32(options.seed ?? 0);
  const draw = (n: number): number[] => {
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < subsetSize; i++) {
      const j = i + Math.floor(rand() * (n - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, subsetSize);
  };
  return Array.from({ length: subsets }, () => ({ a: draw(sizeA), b: draw(sizeB) }));
}

function kidShape(sizeA: number, sizeB: number, options: KidOptions): { subsets: number; subsetSize: number } {
  const subsets = options.subsets ?? 100;
  const subsetSize = Math.min(options.subsetSize ?? 1000, sizeA, sizeB);
  if (!Number.isInteger(subsets) || subsets < 1) throw new Error(`KID needs a whole number of subsets ≥ 1, got ${subsets}`);
  if (!Number.isInteger(subsetSize) || subsetSize < 2) throw new Error(`KID needs subsets of at least 2 images per set, got ${subsetSize}`);
  return { subsets, subsetSize };
}

/** Kernel values between two sets, precomputed when the matrices are small enough, else computed on demand. */
type KernelOf = (x: number, y: number) => number;

/** Kernel matrices up to this many entries (32 MiB, about 2048 × 2048) are computed once; larger ones per subset. */
const PRECOMPUTE_LIMIT = 1 << 22;

function kernelBetween(x: readonly Float64Array[], y: readonly Float64Array[], symmetric: boolean): KernelOf {
  const [nx, ny] = [x.length, y.length];
  if (nx * ny > PRECOMPUTE_LIMIT) return (i, j) => kidKernel(x[i], y[j]);
  const table = new Float64Array(nx * ny);
  for (let i = 0; i < nx; i++) {
    for (let j = symmetric ? i : 0; j < ny; j++) table[i * ny + j] = kidKernel(x[i], y[j]);
    if (symmetric) for (let j = 0; j < i; j++) table[i * ny + j] = table[j * ny + i];
  }
  return (i, j) => table[i * ny + j];
}

/** Unbiased MMD² of one subset: mean of k over distinct pairs within A and within B, minus twice the mean over A×B. */
function subsetMmd(ia: readonly number[], ib: readonly number[], kaa: KernelOf, kbb: KernelOf, kab: KernelOf): number {
  const m = ia.length;
  let [sxx, syy, sxy] = [0, 0, 0];
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) {
      if (p !== q) {
        sxx += kaa(ia[p], ia[q]);
        syy += kbb(ib[p], ib[q]);
      }
      sxy += kab(ia[p], ib[q]);
    }
  }
  return (sxx + syy) / (m * (m - 1)) - (2 * sxy) / (m * m);
}

/** KID between sets A and B of one dimension: unbiased MMD² with (xᵀy/d + 1)³ over seeded random subsets, mean and sd. */
export function kernelInceptionDistance(a: readonly Float64Array[], b: readonly Float64Array[], options: KidOptions = {}): KidResult {
  const d = checkVectors(a, 2, 'KID (set A)');
  if (checkVectors(b, 2, 'KID (set B)') !== d) throw new Error(`KID: set A has ${d}-d vectors, set B ${b[0].length}-d`);
  const { subsets, subsetSize } = kidShape(a.length, b.length, options);
  const [kaa, kbb, kab] = [kernelBetween(a, a, true), kernelBetween(b, b, true), kernelBetween(a, b, false)];
  const scores = kidSubsetIndices(a.length, b.length, options).map(({ a: ia, b: ib }) => subsetMmd(ia, ib, kaa, kbb, kab));
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) * (x - mean), 0) / scores.length);
  return { mean, sd, subsets, subsetSize };
}
