/**
 * Exact squared Euclidean distance from every pixel to the nearest feature pixel (mask value 1; any non-zero counts).
 * Returns Infinity everywhere when the mask has no feature pixel. Separable: exact 1-D distances down each column,
 * then the Felzenszwalb–Huttenlocher lower envelope of parabolas along each row; O(width · height), integer-exact.
 */
export function squaredDistanceTo(mask: Uint8Array, width: number, height: number): Float64Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`size must be non-negative integers, got ${width}×${height}`);
  }
  if (mask.length !== width * height) {
    throw new Error(`mask has ${mask.length} values but ${width}×${height} needs ${width * height}`);
  }
  const distance = columnSquaredDistances(mask, width, height);
  const vertex = new Int32Array(width);
  const vertexHeight = new Float64Array(width);
  for (let y = 0; y < height; y++) rowLowerEnvelope(distance, y * width, width, vertex, vertexHeight);
  return distance;
}

/** Squared distance to the nearest feature in the same column (Infinity if the column has none). */
function columnSquaredDistances(mask: Uint8Array, width: number, height: number): Float64Array {
  const d = new Float64Array(width * height);
  // Row-major sweeps (down, then up) keep memory access sequential.
  for (let x = 0; x < width; x++) d[x] = mask[x] !== 0 ? 0 : Infinity;
  for (let y = 1; y < height; y++) {
    const i0 = y * width;
    for (let x = 0; x < width; x++) d[i0 + x] = mask[i0 + x] !== 0 ? 0 : d[i0 - width + x] + 1;
  }
  // Upward sweep, squaring as it goes; `below` keeps the unsquared distances of the row underneath.
  const below = new Float64Array(width).fill(Infinity);
  for (let y = height - 1; y >= 0; y--) {
    const i0 = y * width;
    for (let x = 0; x < width; x++) {
      const fromBelow = below[x] + 1;
      const nearest = fromBelow < d[i0 + x] ? fromBelow : d[i0 + x];
      below[x] = nearest;
      d[i0 + x] = nearest * nearest;
    }
  }
  return d;
}

/**
 * In place on row values f = d[start .. start + n): d[start + x] = min over q of (x − q)² + f[q]. Infinite f[q] are
 * left out. vertex/vertexHeight hold the envelope's parabolas (position q, and f[q] + q²); their intersections are
 * compared as integer cross-products, so there is no division and no rounding.
 */
function rowLowerEnvelope(d: Float64Array, start: number, n: number, vertex: Int32Array, vertexHeight: Float64Array): void {
  const v = vertex;
  const h = vertexHeight;
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = d[start + q];
    if (fq === Infinity) continue;
    const hq = fq + q * q;
    // Pop v[k] while the new parabola overtakes it no later than v[k] overtakes v[k − 1]:
    // (hq − h[k]) / 2(q − v[k]) ≤ (h[k] − h[k−1]) / 2(v[k] − v[k−1]), cross-multiplied (both denominators > 0).
    while (k >= 1 && (hq - h[k]) * (v[k] - v[k - 1]) <= (h[k] - h[k - 1]) * (q - v[k])) k--;
    k++;
    v[k] = q;
    h[k] = hq;
  }
  if (k < 0) return; // no finite value in this row: it already holds Infinity
  let j = 0;
  for (let x = 0; x < n; x++) {
    // Move right while parabola j + 1 is already as low at x: their intersection (h[j+1] − h[j]) / 2(v[j+1] − v[j]) ≤ x.
    while (j < k && h[j + 1] - h[j] <= 2 * x * (v[j + 1] - v[j])) j++;
    const dx = x - v[j];
    d[start + x] = dx * dx + h[j] - v[j] * v[j];
  }
}
