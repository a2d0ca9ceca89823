// Report snapshots and a fake host for the report webview's browser tests.
import type { Page } from 'playwright-core';
import type { ClassRowView, ClassScoresView, ReportPanelEvents, ReportPanelRequests, ReportSnapshot, RunSummaryView } from '../../src/protocol/reportPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import type { SchemaView } from '../../src/protocol/viewTypes';

/** A file name that would run script if it were ever parsed as HTML. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>.png';

/** Class ids deliberately differ from their positions, so a mix-up of index and id shows. */
export const SCHEMA: SchemaView = {
  id: 'test',
  title: 'Test schema',
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0] },
    { id: 3, name: 'skin', color: [204, 0, 0] },
    { id: 5, name: 'hair', color: [0, 0, 204] },
    { id: 7, name: 'hat', color: [0, 204, 0] },
    { id: 9, name: 'glasses', color: [204, 204, 0] },
  ],
};

function scores(f1: number | null, gtPixels = 100): ClassScoresView {
  return { f1, iou: f1 === null ? null : f1 / (2 - f1), precision: f1, recall: f1, gtPixels, predPixels: gtPixels };
}

/** F1 per class and run (null = absent from both ground truth and prediction). */
const F1: Record<string, Array<number | null>> = {
  background: [0.99, 0.97],
  skin: [0.9, 0.6],
  hair: [0.8, 0.85],
  hat: [null, 0.2],
  glasses: [0.5, null],
};

/** Row-major 5×5 counts in SCHEMA order: hat never occurs; skin is often taken for hair. */
const COUNTS = [
  [900, 5, 3, 0, 2],
  [10, 700, 80, 0, 10],
  [4, 30, 500, 0, 0],
  [0, 0, 0, 0, 0],
  [1, 2, 0, 0, 40],
];

/** One run's summary; `n` (1-based) tells the runs apart. */
export function runSummary(n: number, overrides: Partial<RunSummaryView> = {}): RunSummaryView {
  const counts = COUNTS.flat().map((c, i) => (n === 1 || i % 6 === 0 ? c : c * n));
  return {
    label: `#${n}`,
    dir: `/runs/run-${n}`,
    schema: SCHEMA,
    facts: [
      { label: 'model', value: `model-${n}.onnx` },
      { label: 'provider', value: n === 1 ? 'cuda' : 'cpu' },
      { label: 'inference', value: `${n * 12} ms / image` },
    ],
    protocol: [`Scored at 512 × 512 (run ${n}).`],
    meanF1: n === 1 ? 0.8 : 0.6,
    mIoU: n === 1 ? 0.7 : 0.5,
    pixelAccuracy: 0.95,
    images: 40,
    status: 'finished',
    confusion: { classes: SCHEMA.classes.map((c) => ({ id: c.id, name: c.name })), counts },
    worst: [
      { id: `img-${n}-a`, image: `a${n}.png`, meanF1: 0.3, thumbnailUri: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==' },
      { id: `img-${n}-b`, image: `b${n}.png`, meanF1: null },
    ],
    skipped: [{ file: `missing-${n}.png`, reason: 'no ground truth' }],
    notes: [`note of run ${n}`],
    ...overrides,
  };
}

/** A snapshot of `runCount` runs over the test schema's classes. */
export function reportSnapshot(runCount: number, overrides: Partial<ReportSnapshot> = {}): ReportSnapshot {
  const runs = Array.from({ length: runCount }, (_, i) => runSummary(i + 1));
  const classes: ClassRowView[] = Object.entries(F1).map(([name, perRun]) => ({
    name,
    perRun: runs.map((_, i) => (perRun[i] === undefined ? null : scores(perRun[i] ?? null))),
  }));
  const deltas = runs.slice(1).map((r) => `${r.label} vs #1: mean F1 drops by 0.200.`);
  return { title: 'Report of test runs', runs, classes, deltas, ...overrides };
}

/** Polls a condition of the test process (requests reach the fake host asynchronously). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A fake host's setup: serves the snapshot and records every request the page makes besides `ready`. */
export function serveReport(snapshot: ReportSnapshot, calls: unknown[]): (host: RpcEndpoint<ReportPanelRequests, ReportPanelEvents>) => void {
  return (host) =>
    host.serve({
      ready: () => snapshot,
      openConfusion: (body) => void calls.push(body),
      openImage: (body) => void calls.push(body),
      compareWith: (body) => void calls.push(body),
    });
}

/**
 * Polls a JavaScript expression in the page until it is truthy. An expression string, run as the debugger runs it, so
 * neither the page's CSP (which forbids eval, as waitForFunction with a string needs) nor the tests' Node-only types get in the way.
 */
export async function waitForPage(page: Page, expression: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`page never made true: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
