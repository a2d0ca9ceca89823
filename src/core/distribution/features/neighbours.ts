// k-nearest-neighbour manifold measures in feature space: precision/recall (Kynkäänniemi 2019), density/coverage
// (Naeem 2020, A = real, B = fake as in the prdc reference) and the least covered images. Balls are closed (a point
// at exactly the radius is inside, as in Kynkäänniemi's code; prdc uses <). Memory stays O(n): rows are streamed.
import { checkVectors, squaredDistance } from './moments';

/** Everything the k-NN measures need, from one pass over the A×A, B×B and A×B distances. */
export interface NeighbourSummary {
  readonly k: number;
  /** Distance from each image to its k-th nearest neighbour in its own set (itself excluded). */
  readonly radiiA: Float64Array;
  readonly radiiB: Float64Array;
  /** Share of B inside at least one of A's k-NN balls. */
  readonly precision: number;
  /** Share of A inside at least one of B's k-NN balls. */
  readonly recall: number;
  /** (1/(k·|B|)) Σ_j Σ_i 1[b_j ∈ ball(a_i)]. */
  readonly density: number;
  /** Share of A's balls holding at least one image of B. */
  readonly coverage: number;
  /** Each A image's distance to its nearest B image, and each B image's to its nearest A image. */
  readonly nearestInB: Float64Array;
  readonly nearestInA: Float64Array;
}

/** One image and its distance to the nearest image of the other set. */
export interface CoverageGap {
  readonly index: number;
  readonly distance: number;
}

/** Distance from each vector to its k-th nearest other vector of the same set (k ≤ n − 1). */
export function knnRadii(vectors: readonly Float64Array[], k: number): Float64Array {
  const n = vectors.length;
  if (!Number.isInteger(k) || k < 1 || k > n - 1) throw new Error(`k-NN radii need 1 ≤ k ≤ ${n - 1} (set of ${n}), got ${k}`);
  const row = new Float64Array(n - 1);
  return Float64Array.from(vectors, (v, i) => {
    let c = 0;
    for (let j = 0; j < n; j++) if (j !== i) row[c++] = squaredDistance(v, vectors[j]);
    row.sort();
    return Math.sqrt(row[k - 1]);
  });
}

function checkPair(a: readonly Float64Array[], b: readonly Float64Array[], min: number, what: string): void {
  const d = checkVectors(a, min, `${what} (set A)`);
  if (checkVectors(b, min, `${what} (set B)`) !== d) throw new Error(`${what}: set A has ${d}-d vectors, set B ${b[0].length}-d`);
}

/** Radii, the four k-NN measures and nearest cross-set distances of A (reference) and B, each set larger than k. */
export function neighbourSummary(a: readonly Float64Array[], b: readonly Float64Array[], k: number): NeighbourSummary {
  checkPair(a, b, 2, 'k-NN measures');
  const [radiiA, radiiB] = [knnRadii(a, k), knnRadii(b, k)];
  const [ra2, rb2] = [radiiA.map((r) => r * r), radiiB.map((r) => r * r)];
  const [na, nb] = [a.length, b.length];
  const ballsHoldingB = new Uint32Array(nb);
  const nearestInB = new Float64Array(na).fill(Infinity);
  const nearestInA = new Float64Array(nb).fill(Infinity);
  let [covered, recalled] = [0, 0];
  for (let i = 0; i < na; i++) {
    let [coveredI, recalledI] = [false, false];
    for (let j = 0; j < nb; j++) {
      const s = squaredDistance(a[i], b[j]);
      if (s <= ra2[i]) {
        ballsHoldingB[j]++;
        coveredI = true;
      }
      if (s <= rb2[j]) recalledI = true;
      if (s < nearestInB[i]) nearestInB[i] = s;
      if (s < nearestInA[j]) nearestInA[j] = s;
    }
    covered += coveredI ? 1 : 0;
    recalled += recalledI ? 1 : 0;
  }
  let [inside, memberships] = [0, 0];
  for (const count of ballsHoldingB) {
    inside += count > 0 ? 1 : 0;
    memberships += count;
  }
  return {
    k,
    radiiA,
    radiiB,
    precision: inside / nb,
    recall: recalled / na,
    density: memberships / (k * nb),
    coverage: covered / na,
    nearestInB: nearestInB.map(Math.sqrt),
    nearestInA: nearestInA.map(Math.sqrt),
  };
}

/** Kynkäänniemi's precision (B inside A's k-NN balls) and recall (A inside B's k-NN balls). */
export function precisionRecall(a: readonly Float64Array[], b: readonly Float64Array[], k: number): { precision: number; recall: number } {
  const { precision, recall } = neighbourSummary(a, b, k);
  return { precision, recall };
}

/** Naeem's density and coverage with A real and B fake: B's memberships in A's k-NN balls, and A's balls holding any B. */
export function densityCoverage(a: readonly Float64Array[], b: readonly Float64Array[], k: number): { density: number; coverage: number } {
  const { density, coverage } = neighbourSummary(a, b, k);
  return { density, coverage };
}

/** The `count` images of each set farthest from their nearest neighbour in the other set, farthest first (ties by index). */
export function leastCovered(a: readonly Float64Array[], b: readonly Float64Array[], count: number): { a: CoverageGap[]; b: CoverageGap[] } {
  checkPair(a, b, 1, 'leastCovered');
  return { a: farthest(nearestDistances(a, b), count), b: farthest(nearestDistances(b, a), count) };
}

/** Each vector of `from`'s distance to its nearest vector of `to`. */
function nearestDistances(from: readonly Float64Array[], to: readonly Float64Array[]): Float64Array {
  return Float64Array.from(from, (x) => {
    let best = Infinity;
    for (const y of to) best = Math.min(best, squaredDistance(x, y));
    return Math.sqrt(best);
  });
}

/** The `count` largest distances with their indices, largest first, ties by index. */
export function farthest(distances: Float64Array, count: number): CoverageGap[] {
  const order = Array.from(distances, (distance, index) => ({ index, distance }));
  order.sort((x, y) => y.distance - x.distance || x.index - y.index);
  return order.slice(0, Math.max(0, Math.floor(count)));
}
