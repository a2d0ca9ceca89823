/** A dist.json written by hand with realistic values (synthetic → real-style), for the figure and report tests. */
import type { AttributeComparison, AttributeKind, DistRecord, SideStats } from '../../src/core/distribution/distTypes';

/** A title an attacker could plant in a schema or attribute name. */
export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

/** Shares of a normal distribution with the given mean and sd over bins of the given edges (normalised to 1). */
function normalShares(edges: readonly number[], mean: number, sd: number): number[] {
  const mids = edges.slice(1).map((e, i) => (e + edges[i]) / 2);
  const raw = mids.map((m) => Math.exp(-0.5 * ((m - mean) / sd) ** 2));
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
}

function edges(from: number, to: number, bins: number): number[] {
  return Array.from({ length: bins + 1 }, (_, i) => from + ((to - from) * i) / bins);
}

function side(kind: AttributeKind, n: number, mean: number, sd: number, bins: readonly number[]): SideStats {
  const histogram = kind === 'binary' ? { edges: [0, 0.5, 1], shares: [1 - mean, mean] } : { edges: bins, shares: normalShares(bins, mean, sd) };
  return { n, mean, sd, histogram };
}

interface Spec {
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  readonly kind: AttributeKind;
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly range: readonly [number, number];
  readonly effect: number;
  readonly finding: string;
}

const SPECS: readonly Spec[] = [
  { name: 'yaw', title: 'yaw', unit: '°', kind: 'continuous', a: [0, 6], b: [0, 21], range: [-60, 60], effect: 1.42, finding: "B's faces turn further: yaw spread 21° vs 6°" },
  { name: 'faceArea', title: 'face area', unit: 'share of image', kind: 'continuous', a: [0.23, 0.04], b: [0.31, 0.05], range: [0, 0.6], effect: 1.18, finding: "B's faces are 35% larger (tighter crops)" },
  { name: 'presence:glasses', title: 'glasses', unit: '', kind: 'binary', a: [0.08, 0], b: [0.39, 0], range: [0, 1], effect: 0.75, finding: 'B has 4.9× more glasses (39% of images vs 8%)' },
  { name: 'ita', title: 'skin tone (ITA)', unit: '°', kind: 'continuous', a: [38, 10], b: [27, 13], range: [-30, 80], effect: 0.86, finding: "B's skin tones are darker (ITA 27° vs 38°)" },
  { name: 'brightness', title: 'brightness', unit: '', kind: 'continuous', a: [0.55, 0.08], b: [0.47, 0.1], range: [0, 1], effect: 0.81, finding: "B's images are darker (brightness 0.47 vs 0.55)" },
  { name: 'sharpness', title: 'sharpness', unit: '', kind: 'continuous', a: [120, 20], b: [85, 25], range: [0, 220], effect: 0.72, finding: "B's images are blurrier" },
  { name: 'presence:hat', title: 'hats', unit: '', kind: 'binary', a: [0.05, 0], b: [0.18, 0], range: [0, 1], effect: 0.43, finding: 'B has 3.6× more hats (18% of images vs 5%)' },
  { name: 'contrast', title: 'contrast', unit: '', kind: 'continuous', a: [0.3, 0.05], b: [0.27, 0.06], range: [0, 0.6], effect: 0.31, finding: 'B has slightly less contrast' },
  { name: 'roll', title: 'roll', unit: '°', kind: 'continuous', a: [0, 4], b: [0.5, 6], range: [-30, 30], effect: 0.12, finding: 'roll is about the same' },
  { name: 'faceCenterX', title: 'face centre x', unit: 'share of width', kind: 'continuous', a: [0.5, 0.03], b: [0.5, 0.04], range: [0.3, 0.7], effect: 0.02, finding: 'face centre x is about the same' },
];

function comparison(spec: Spec, title: string): AttributeComparison {
  const bins = edges(spec.range[0], spec.range[1], spec.kind === 'binary' ? 2 : 12);
  const distance = spec.kind === 'binary' ? Math.abs(spec.b[0] - spec.a[0]) : Math.abs(spec.b[0] - spec.a[0]) + Math.abs(spec.b[1] - spec.a[1]) / 2;
  const direction = spec.b[0] > spec.a[0] || (spec.b[0] === spec.a[0] && spec.b[1] > spec.a[1]) ? 'higher' : spec.b[0] < spec.a[0] ? 'lower' : 'same';
  return {
    name: spec.name,
    kind: spec.kind,
    title,
    unit: spec.unit,
    metric: spec.kind === 'binary' ? 'total-variation' : 'wasserstein-1',
    distance,
    effect: spec.effect,
    direction,
    a: side(spec.kind, 120, spec.a[0], spec.a[1], bins),
    b: side(spec.kind, 120, spec.b[0], spec.b[1], bins),
    finding: spec.finding,
  };
}

/** Options of the hand-written record: which optional parts it has, and a hostile title for one attribute. */
export interface DistRecordFixtureOptions {
  readonly hostile?: boolean;
  readonly optionalParts?: boolean;
}

/** A realistic DistRecord: ten attributes (two binary), and, unless optionalParts is false, matching, features, slices and a decomposition. */
export function distRecordFixture(options: DistRecordFixtureOptions = {}): DistRecord {
  const attributes = SPECS.map((s, i) => comparison(s, options.hostile && i === 0 ? `${s.title} ${HOSTILE_TITLE}` : s.title));
  const base: DistRecord = {
    kind: 'facegap-distribution',
    formatVersion: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    a: { spec: { path: '/data/synthetic' }, description: 'synthetic sample (120 images, labels)', images: 120, labelsFrom: 'labels' },
    b: { spec: { path: '/data/real-style' }, description: options.hostile ? `real-style ${HOSTILE_TITLE}` : 'real-style sample (120 images, labels)', images: 120, labelsFrom: 'labels' },
    attributes: SPECS.map((s) => ({ name: s.name, kind: s.kind, title: s.title, unit: s.unit, source: 'image+labels' })),
    summary: { imagesA: 120, imagesB: 120, attributes, findings: attributes.slice(0, 5).map((c) => c.finding) },
    skipped: [{ side: 'B', file: 'broken.png', reason: 'unreadable' }],
    notes: ['pose from mask geometry: no landmarks'],
    complete: true,
    timings: { seconds: 3.2, measured: 240, reused: 0 },
  };
  return options.optionalParts === false ? base : { ...base, ...optionalParts(attributes) };
}

function optionalParts(attributes: readonly AttributeComparison[]): Partial<DistRecord> {
  const distances = attributes.slice(0, 6).map((c, i) => ({ name: c.name, metric: c.metric, before: c.distance, weighted: c.distance * (0.3 + 0.05 * i), subset: c.distance * (0.2 + 0.08 * i), effectBefore: c.effect, effectSubset: c.effect * 0.25 }));
  const matching = { method: 'Logistic regression on 10 standardised attributes, weights clipped at the 99th percentile.', attributes: attributes.map((c) => c.name), effectiveSize: 41.3, subsetSize: 60, distances };
  const features = {
    extractor: 'facegap-parser-small encoder', dimension: 64, frechetDistance: 12.84, kid: { mean: 0.0132, sd: 0.0021, subsets: 10, subsetSize: 50 },
    precision: 0.41, recall: 0.66, density: 0.38, coverage: 0.52, k: 5,
    leastCoveredA: [{ id: 'synthetic/0042', distance: 3.1 }], leastCoveredB: [{ id: 'real-style/0007', distance: 4.4 }],
  };
  const yawBins = [
    { from: -60, to: -30, meanScore: 0.31, count: 4, trainShare: 0 },
    { from: -30, to: -10, meanScore: 0.52, count: 30, trainShare: 0.06 },
    { from: -10, to: 10, meanScore: 0.61, count: 50, trainShare: 0.88 },
    { from: 10, to: 30, meanScore: 0.5, count: 30, trainShare: 0.06 },
    { from: 30, to: 60, meanScore: null, count: 0, trainShare: 0 },
  ];
  const glassesBins = [{ from: 0, to: 0.5, meanScore: 0.47, count: 73, trainShare: 0.92 }, { from: 0.5, to: 1, meanScore: 0.39, count: 47, trainShare: 0.08 }];
  return {
    summary: { imagesA: 120, imagesB: 120, attributes, findings: attributes.slice(0, 5).map((c) => c.finding), matching, features },
    slices: [
      { attribute: 'yaw', title: 'yaw', unit: '°', kind: 'continuous', bins: yawBins },
      { attribute: 'presence:glasses', title: 'glasses', unit: '', kind: 'binary', bins: glassesBins },
    ],
    expectedScore: { run: '/runs/real-style', plainMean: 0.44, weightedMean: 0.58, effectiveSize: 38.2 },
    decomposition: {
      total: 0.491,
      parts: [
        { name: 'distribution', value: 0.26, share: 0.53, arithmetic: 'synthetic 0.44 → matched synthetic 0.70' },
        { name: 'label', value: 0.11, share: 0.22, arithmetic: 'strict 0.70 → label-tolerant 0.81' },
        { name: 'photorealism', value: 0.121, share: 0.25, arithmetic: 'the remainder: 0.491 − 0.26 − 0.11' },
      ],
      assumptions: ['The parts add up: each is measured with the others held fixed.'],
    },
  };
}
