import type { AttributeComparison, DistRecord } from '../../core/distribution/distTypes';
import { table, type TerminalOutput } from '../terminalOutput';

/** Rows of the attribute table printed as text. */
const TABLE_ROWS = 25;

const fixed = (value: number, digits = 3): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The JSON `facegap dist --json` prints: attributes[] of {name, metric, distance, effect, a: {mean}, b: {mean}}, largest effect first. */
export function distJson(record: DistRecord, out: string): Record<string, unknown> {
  const s = record.summary;
  return {
    out,
    a: record.a,
    b: record.b,
    imagesA: s.imagesA,
    imagesB: s.imagesB,
    attributes: s.attributes.map((c) => ({
      name: c.name,
      metric: c.metric,
      distance: c.distance,
      effect: c.effect,
      direction: c.direction,
      a: { mean: c.a.mean, sd: c.a.sd, n: c.a.n },
      b: { mean: c.b.mean, sd: c.b.sd, n: c.b.n },
      finding: c.finding,
    })),
    findings: s.findings,
    ...(s.matching ? { matching: s.matching } : {}),
    ...(s.features ? { features: s.features } : {}),
    ...(record.slices ? { slices: record.slices, expectedScore: record.expectedScore } : {}),
    ...(record.decomposition ? { decomposition: record.decomposition } : {}),
    skipped: record.skipped,
    notes: record.notes,
    timings: record.timings,
  };
}

function attributeRows(attributes: readonly AttributeComparison[]): string[][] {
  return attributes.slice(0, TABLE_ROWS).map((c) => [c.name, c.metric, fixed(c.distance), fixed(c.effect, 2), fixed(c.a.mean), fixed(c.b.mean), c.direction]);
}

function printMatching(record: DistRecord, output: TerminalOutput): void {
  const m = record.summary.matching;
  if (!m) return;
  output.out('');
  output.out(`Matching A to B: ${m.method}; effective sample size ${m.effectiveSize.toFixed(0)} of ${record.summary.imagesA}, matched subset of ${m.subsetSize}.`);
  const rows = m.distances.slice(0, 10).map((d) => [d.name, d.metric, fixed(d.before), fixed(d.weighted), fixed(d.subset)]);
  for (const line of table(['attribute', 'metric', 'before', 'weighted', 'subset'], rows)) output.out(`  ${line}`);
}

function printFeatures(record: DistRecord, output: TerminalOutput): void {
  const f = record.summary.features;
  if (!f) return;
  output.out('');
  output.out(`Feature space (${f.extractor}, ${f.dimension}-d): Fréchet distance ${fixed(f.frechetDistance)}, KID ${fixed(f.kid.mean, 4)} ± ${fixed(f.kid.sd, 4)},`);
  output.out(`  precision ${fixed(f.precision)}, recall ${fixed(f.recall)}, density ${fixed(f.density)}, coverage ${fixed(f.coverage)} (k = ${f.k})`);
}

/** One line per sliced attribute: the run's mean score per bin, with the training side's share of images there. */
function sliceLines(record: DistRecord): string[] {
  return (record.slices ?? []).map((slice) => {
    const edge = (v: number): string => (slice.kind === 'binary' ? (v < 0.5 ? 'no' : 'yes') : Math.abs(v) >= 10 ? v.toFixed(0) : v.toPrecision(2));
    const range = (b: { from: number; to: number }): string => (slice.kind === 'binary' ? edge(b.from) : `${edge(b.from)}–${edge(b.to)}`);
    const bins = slice.bins.filter((b) => b.count > 0).map((b) => `${range(b)}: ${b.meanScore === null ? '–' : fixed(b.meanScore, 2)} (${b.count}; ${Math.round(100 * b.trainShare)}%)`);
    return `  ${slice.title}: ${bins.join(' · ')}`;
  });
}

function printSlicesAndGap(record: DistRecord, output: TerminalOutput): void {
  const e = record.expectedScore;
  if (e) {
    output.out('');
    output.out(`Run ${e.run}: per-image mean F1 ${fixed(e.plainMean)}; expected ${fixed(e.weightedMean)} if its images were distributed like the other side (effective sample size ${e.effectiveSize.toFixed(0)}).`);
    output.out('Mean F1 by slice (images in the bin; the other side\'s share of images there):');
    for (const line of sliceLines(record)) output.out(line);
  }
  const d = record.decomposition;
  if (d) {
    output.out('');
    output.out(`Gap decomposition: total ${d.total === null ? '– (a run is missing)' : fixed(d.total)} mean F1`);
    for (const part of d.parts) output.out(`  ${part.name.padEnd(13)} ${part.value === null ? '–' : fixed(part.value)}  ${part.arithmetic}`);
    for (const assumption of d.assumptions) output.out(`  assumption: ${assumption}`);
  }
}

/** Prints a distribution comparison as text: the sides, the findings, the attribute table, matching, features, slices. */
export function printDist(record: DistRecord, out: string, output: TerminalOutput): void {
  output.out(`A  ${record.a.description}`);
  output.out(`B  ${record.b.description}`);
  for (const note of record.notes) output.out(`note: ${note}`);
  output.out('');
  output.out('Findings (largest differences first):');
  for (const finding of record.summary.findings) output.out(`  - ${finding}`);
  output.out('');
  for (const line of table(['attribute', 'metric', 'distance', 'effect', 'A mean', 'B mean', 'B is'], attributeRows(record.summary.attributes))) output.out(`  ${line}`);
  printMatching(record, output);
  printFeatures(record, output);
  printSlicesAndGap(record, output);
  output.out('');
  output.out(`measured ${record.timings.measured} image(s), reused ${record.timings.reused}, in ${record.timings.seconds.toFixed(1)} s; folder: ${out}`);
}
