// A hand-made distribution record and a fake host for the distribution webview's browser tests.
import type { AttributeComparison, DistRecord, Histogram } from '../../src/core/distribution/distTypes';
import type { DistributionPanelEvents, DistributionPanelRequests, DistSnapshot } from '../../src/protocol/distributionPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';

/** A name that would run script if it were ever parsed as HTML. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

function continuous(edges: number[], shares: number[]): Histogram {
  return { edges, shares };
}

/** Three attributes, deliberately not in effect order: glasses (binary, 0.9), yaw (continuous, 1.4), brightness (0.2). */
export function attributes(): AttributeComparison[] {
  return [
    {
      name: 'presence:glasses', kind: 'binary', title: 'glasses', unit: '', metric: 'total-variation', distance: 0.31, effect: 0.9, direction: 'higher',
      a: { n: 120, mean: 0.08, sd: 0.27, histogram: { edges: [0, 0.5, 1], shares: [0.92, 0.08] } },
      b: { n: 120, mean: 0.39, sd: 0.49, histogram: { edges: [0, 0.5, 1], shares: [0.61, 0.39] } },
      finding: 'B has 4.9× more glasses (39% of images vs 8%)',
    },
    {
      name: 'yaw', kind: 'continuous', title: 'yaw', unit: '°', metric: 'wasserstein-1', distance: 14.2, effect: 1.4, direction: 'higher',
      a: { n: 120, mean: 2.1, sd: 5, histogram: continuous([-40, -20, 0, 20, 40], [0.05, 0.45, 0.45, 0.05]) },
      b: { n: 118, mean: 16.3, sd: 15, histogram: continuous([-40, -20, 0, 20, 40], [0.1, 0.2, 0.3, 0.4]) },
      finding: "B's faces turn 14° further on average",
    },
    {
      name: 'brightness', kind: 'continuous', title: 'brightness', unit: '', metric: 'wasserstein-1', distance: 0.02, effect: 0.2, direction: 'lower',
      a: { n: 120, mean: 0.52, sd: 0.1, histogram: continuous([0, 0.25, 0.5, 0.75, 1], [0.1, 0.4, 0.4, 0.1]) },
      b: { n: 120, mean: 0.5, sd: 0.1, histogram: continuous([0, 0.25, 0.5, 0.75, 1], [0.12, 0.42, 0.36, 0.1]) },
      finding: 'B is slightly darker',
    },
  ];
}

/** A comparison of a synthetic and a real-style sample, with matching and no features or slices unless asked. */
export function distRecord(overrides: Partial<DistRecord> = {}): DistRecord {
  const attrs = attributes();
  return {
    kind: 'facegap-distribution', formatVersion: 1, createdAt: '2025-01-02T03:04:05.000Z',
    a: { spec: { path: '/data/synthetic' }, description: 'synthetic sample (120 images, labels)', images: 120, labelsFrom: 'labels' },
    b: { spec: { path: '/data/real-style' }, description: 'real-style sample (120 images, labels)', images: 120, labelsFrom: 'labels' },
    attributes: attrs.map(({ name, kind, title, unit }) => ({ name, kind, title, unit, source: 'labels' as const })),
    summary: {
      imagesA: 120, imagesB: 120,
      attributes: attrs,
      findings: ["B's faces turn 14° further on average", 'B has 4.9× more glasses (39% of images vs 8%)'],
      matching: {
        method: 'Logistic regression on 3 standardised attributes.', attributes: ['yaw', 'presence:glasses', 'brightness'], effectiveSize: 41.5, subsetSize: 60,
        distances: [
          { name: 'yaw', metric: 'wasserstein-1', before: 14.2, weighted: 3.1, subset: 4.0, effectBefore: 1.4, effectSubset: 0.3 },
          { name: 'presence:glasses', metric: 'total-variation', before: 0.31, weighted: 0.05, subset: 0.07, effectBefore: 0.9, effectSubset: 0.15 },
        ],
      },
    },
    skipped: [{ side: 'B', file: '/data/real-style/007.jpg', reason: 'no face labelled' }],
    notes: ['pose from mask geometry: no landmarks'],
    complete: true,
    timings: { seconds: 3.2, measured: 240, reused: 0 },
    ...overrides,
  };
}

/** The panel's snapshot of distRecord(). */
export function distSnapshot(overrides: Partial<DistSnapshot> = {}): DistSnapshot {
  const record = overrides.record ?? distRecord();
  return { dir: '/results/distributions/synthetic--vs--real-style-0123abcd', title: `${record.a.description} vs ${record.b.description}`, record, subsetImages: 60, notes: [], ...overrides };
}

/** A fake host: serves the snapshot and records every other request. */
export function serveDistribution(snapshot: DistSnapshot, calls: Array<{ type: string } & Record<string, unknown>>): (host: RpcEndpoint<DistributionPanelRequests, DistributionPanelEvents>) => void {
  return (host) =>
    host.serve({
      ready: () => snapshot,
      exportSubset: (body) => (calls.push(body), { file: `${snapshot.dir}/matched-subset-a.txt` }),
      exportFigure: (body) => (calls.push(body), { file: `${snapshot.dir}/${body.name}.${body.format}` }),
    });
}
