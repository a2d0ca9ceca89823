/** A point in pixel space (x right, y down) or in the face frame, depending on context. */
export type Point = readonly [number, number];

/** A closed polygon; its last vertex connects back to the first. */
export type Ring = readonly Point[];

/** Points of an ellipse, counter-clockwise from angle `from` to `to` (radians), `n` vertices. */
export function ellipseArc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, n: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const t = from + ((to - from) * i) / (n - 1);
    points.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return points;
}

/** A closed ellipse ring with `n` vertices. */
export function ellipseRing(cx: number, cy: number, rx: number, ry: number, n = 48): Ring {
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    points.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return points;
}

/** Samples a quadratic Bézier curve from p0 through control c to p1 with `n` points. */
export function quadratic(p0: Point, c: Point, p1: Point, n: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const d = t * t;
    points.push([a * p0[0] + b * c[0] + d * p1[0], a * p0[1] + b * c[1] + d * p1[1]]);
  }
  return points;
}

/**
 * Turns an open polyline into a closed band `halfWidth(t)` wide on each side (t from 0 to 1 along the line),
 * e.g. a brow that tapers at its tail.
 */
export function thickenPolyline(line: readonly Point[], halfWidth: (t: number) => number): Ring {
  const left: Point[] = [];
  const right: Point[] = [];
  for (let i = 0; i < line.length; i++) {
    const prev = line[Math.max(0, i - 1)];
    const next = line[Math.min(line.length - 1, i + 1)];
    const dx = next[0] - prev[0];
    const dy = next[1] - prev[1];
    const len = Math.hypot(dx, dy) || 1;
    const w = halfWidth(i / (line.length - 1));
    left.push([line[i][0] - (dy / len) * w, line[i][1] + (dx / len) * w]);
    right.push([line[i][0] + (dy / len) * w, line[i][1] - (dx / len) * w]);
  }
  return [...left, ...right.reverse()];
}

/** Keeps every `step`-th vertex of a ring: the coarse outline an annotator clicks around a detailed shape. */
export function decimateRing(ring: Ring, step: number): Ring {
  if (step <= 1 || ring.length / step < 3) return ring;
  return ring.filter((_, i) => i % step === 0);
}

/** Even-odd point-in-polygon test over several rings (a ring inside another makes a hole). */
export function insideRings(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
