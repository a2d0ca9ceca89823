// A diff snapshot, pair pixels and a fake host for the diff webview's browser tests.
import type { ClassDiff, DiffRecord } from '../../src/core/diff/diffTypes';
import type { DiffPairView, DiffPanelEvents, DiffPanelRequests, DiffSnapshot, ReviewEntryView } from '../../src/protocol/diffPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import type { SchemaView } from '../../src/protocol/viewTypes';

/** A file name that would run script if it were ever parsed as HTML. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export const SCHEMA_A: SchemaView = {
  id: 'a-schema',
  title: 'Schema A',
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0] },
    { id: 1, name: 'skin', color: [204, 0, 0] },
    { id: 2, name: 'HAIR', color: [0, 0, 204] },
  ],
};

export const SCHEMA_B: SchemaView = {
  id: 'b-schema',
  title: 'Schema B',
  classes: [
    { id: 0, name: 'bg', color: [0, 0, 0] },
    { id: 5, name: 'skin', color: [0, 204, 0] },
    { id: 7, name: 'hair', color: [204, 204, 0] },
  ],
};

function classDiff(id: number, name: string, f1: number, offset: number): ClassDiff {
  return {
    id, name, pixelsA: 1000 * (id + 1), pixelsB: 1100 * (id + 1), areaRatio: 1.1, f1, iou: f1 / (2 - f1),
    boundaryOffsetPx: offset, boundaryDistancePx: Math.abs(offset) + 0.5, bandPixels: 300, interiorPixels: 100,
    roughnessA: 1.05, roughnessB: 1.4, imagesA: 10, imagesB: 10, imagesBoth: 10,
  };
}

/** A diff of `images` images; image ids img-000 … with disagreement falling with the index. */
export function diffRecord(images: number): DiffRecord {
  return {
    kind: 'facegap-label-diff', formatVersion: 1, createdAt: '2025-01-02T03:04:05.000Z',
    a: { spec: { kind: 'run-ground-truth', path: '/runs/r1' }, description: 'ground truth of run r1 (a-schema)', schema: 'a-schema', schemaTitle: 'Schema A', leftRight: 'subject', items: images },
    b: { spec: { kind: 'run-predictions', path: '/runs/r1' }, description: 'predictions of run r1 (b-schema)', schema: 'b-schema', schemaTitle: 'Schema B', leftRight: 'viewer', items: images },
    protocol: { bandK: 2, match: 'sides', sizeRule: 'b-to-a' },
    crosswalk: ['B hair → A HAIR'],
    matching: { rule: 'id', matched: images, onlyA: { count: 0, examples: [] }, onlyB: { count: 2, examples: ['x1', 'x2'] } },
    sizeNotes: [], skipped: [], complete: true, timings: { seconds: 1, reused: 0, compared: images },
    summary: {
      images, pixelAgreement: 0.9, meanF1: 0.85,
      perClass: [classDiff(0, 'background', 0.98, 0), classDiff(1, 'skin', 0.9, 1.25), classDiff(2, 'HAIR', 0.7, -2)],
      flows: [{ from: 'skin', to: 'HAIR', pixels: 1234, fraction: 0.12 }],
      swaps: [{ a: 'l_eye', b: 'r_eye', concept: 'eye', images: 9, of: 10 }],
      findings: [
        { kind: 'boundary', text: 'B draws skin 1.25 px beyond A on average.', classes: ['skin'] },
        { kind: 'flow', text: '12% of A’s skin is HAIR in B.', classes: ['skin', 'HAIR'] },
      ],
      suggestedMapping: {
        aToB: { from: 'a-schema', to: 'b-schema', map: { background: 'bg', skin: 'skin', HAIR: 'hair' }, changes: [] },
        bToA: { from: 'b-schema', to: 'a-schema', map: { bg: 'background', skin: 'skin', hair: 'HAIR' }, changes: ['skin → HAIR (12%)'] },
      },
    },
  };
}

/** The snapshot of `images` images, the first `marked` of them marked "fine". */
export function diffSnapshot(images = 120, overrides: Partial<DiffSnapshot> = {}): DiffSnapshot {
  const queue: ReviewEntryView[] = Array.from({ length: images }, (_, i) => ({
    id: `img-${String(i).padStart(3, '0')}`,
    disagreement: 0.5 - i / (images * 2.5),
    image: `/data/img-${String(i).padStart(3, '0')}.png`,
  }));
  const counts = { 'error-a': 0, 'error-b': 0, convention: 0, fine: 0, marked: 0 };
  return { dir: '/results/diffs/r1-gt--vs--r1-pred', title: 'predictions of run r1 against ground truth of run r1', record: diffRecord(images), schemaA: SCHEMA_A, schemaB: SCHEMA_B, queue, counts, notes: [], ...overrides };
}

/** 4 × 4 pixels: A is skin on the left half and HAIR on the right; B agrees but for one column (B says hair where A says skin). */
export function pairPixels(id: string): DiffPairView {
  const width = 4;
  const height = 4;
  const a = new Uint8Array(16).map((_, i) => (i % 4 < 2 ? 1 : 2));
  const bInA = a.map((v, i) => (i % 4 === 1 ? 2 : v));
  const b = bInA.map((v) => (v === 1 ? 5 : 7));
  return { id, width, height, a: { width, height, ids: a }, b: { width, height, ids: b }, bInA: { width, height, ids: bInA }, notes: [] };
}

/** A fake host: serves the snapshot and pixels, saves marks like the worker does, and records every other request. */
export function serveDiff(snapshot: DiffSnapshot, calls: Array<{ type: string }>): (host: RpcEndpoint<DiffPanelRequests, DiffPanelEvents>) => void {
  const marks = new Map<string, { verdict: string }>();
  return (host) =>
    host.serve({
      ready: () => snapshot,
      pair: ({ id }) => pairPixels(id),
      setMark: (body) => {
        calls.push(body);
        if (body.verdict === null) marks.delete(body.id);
        else marks.set(body.id, { verdict: body.verdict });
        const counts = { 'error-a': 0, 'error-b': 0, convention: 0, fine: 0, marked: marks.size };
        for (const m of marks.values()) counts[m.verdict as keyof typeof counts]++;
        const mark = body.verdict === null ? undefined : { id: body.id, verdict: body.verdict, note: body.note, at: '2025-03-04T05:06:07.000Z' };
        return { id: body.id, ...(mark ? { mark } : {}), counts };
      },
      exportCsv: (body) => (calls.push(body), { file: `${snapshot.dir}/review.csv` }),
      exportMapping: (body) => (calls.push(body), { file: `${snapshot.dir}/suggested-mapping.json` }),
    });
}
