// npm run demo: FaceGap's whole story on its own data, with nothing to download. It generates two sample datasets
// with the project's face generator (synthetic, and real-style with a different distribution and other annotation
// conventions), evaluates the bundled model (trained on synthetic faces only) on both with the built CLI, and writes
// one self-contained HTML report. Samples are cached by their manifest: a second run only evaluates.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestMatches, SAMPLE_MANIFEST } from '../src/core/synth/sampleManifest';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE, type SampleProfile } from '../src/core/synth/sampleProfiles';

const REPO = path.join(__dirname, '..');
// FACEGAP_DEMO_DIR moves the demo's output (the tests run the demo in a temporary folder).
const DEMO = path.resolve(process.env.FACEGAP_DEMO_DIR ?? path.join(REPO, '.facegap-demo'));
const CLI = path.join(REPO, 'dist', 'cli.js');
const MODEL = path.join(REPO, 'models', 'facegap-parser-small.onnx');
const SAMPLES: readonly { profile: SampleProfile; seed: number; count: number; size: number }[] = [
  { profile: SYNTHETIC_PROFILE, seed: 1, count: 120, size: 256 },
  { profile: REAL_STYLE_PROFILE, seed: 1, count: 120, size: 256 },
];

interface HeadlineRow {
  readonly dataset: string;
  readonly meanF1: number;
  readonly mIoU: number;
  readonly pixelAccuracy: number;
  readonly deltaMeanF1: number;
}

const rel = (p: string): string => (p.startsWith(REPO + path.sep) ? path.relative(REPO, p) : p);

/** Runs the built CLI; its output is kept unless it fails, then it is shown. */
function facegap(args: readonly string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`facegap ${args.map((a) => (path.isAbsolute(a) ? rel(a) : a)).join(' ')} exited with ${result.status}`);
  }
  return result.stdout;
}

function isCurrent(dir: string, sample: (typeof SAMPLES)[number]): boolean {
  const text = fs.existsSync(path.join(dir, SAMPLE_MANIFEST)) ? fs.readFileSync(path.join(dir, SAMPLE_MANIFEST), 'utf8') : '';
  return manifestMatches(text, { profile: sample.profile.id, seed: sample.seed, count: sample.count, size: sample.size });
}

function ensureSample(sample: (typeof SAMPLES)[number]): string {
  const dir = path.join(DEMO, 'samples', sample.profile.id);
  if (isCurrent(dir, sample)) return console.log(`  sample  ${rel(dir)}/ (cached)`), dir;
  const t = performance.now();
  facegap(['sample', dir, '--profile', sample.profile.id, '--seed', String(sample.seed), '--count', String(sample.count), '--size', String(sample.size), '--no-progress']);
  console.log(`  sample  ${rel(dir)}/  ${sample.count} ${sample.profile.id} images generated in ${seconds(t)}`);
  return dir;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function printTable(rows: readonly HeadlineRow[], names: readonly string[]): void {
  const f = (v: number): string => v.toFixed(3);
  console.log('\n  sample        mean F1   mIoU   pixel acc   Δ mean F1');
  rows.forEach((r, i) => console.log(`  ${names[i].padEnd(12)}  ${f(r.meanF1).padStart(7)}  ${f(r.mIoU).padStart(5)}  ${f(r.pixelAccuracy).padStart(10)}   ${i === 0 ? '     –' : (r.deltaMeanF1 >= 0 ? '+' : '−') + f(Math.abs(r.deltaMeanF1))}`));
  const drop = -rows[rows.length - 1].deltaMeanF1;
  const share = `${((100 * Math.abs(drop)) / rows[0].meanF1).toFixed(0)}% of the synthetic score`;
  console.log(`\n  synthetic → real-style: mean F1 ${drop >= 0 ? 'drops' : 'rises'} by ${f(Math.abs(drop))} (${share}).`);
}

function main(): void {
  const started = performance.now();
  if (!fs.existsSync(CLI)) throw new Error(`${rel(CLI)} is missing: run "npm run build" first`);
  if (!fs.existsSync(MODEL)) throw new Error(`${rel(MODEL)} is missing from the checkout`);
  console.log(`FaceGap demo: the bundled model ${rel(MODEL)} (trained on synthetic faces only) on two generated samples.\n`);
  const dirs = SAMPLES.map(ensureSample);
  const runs = dirs.map((dir, i) => {
    const t = performance.now();
    const out = path.join(DEMO, 'runs', SAMPLES[i].profile.id);
    facegap(['eval', dir, '--model', MODEL, '--out', out, '--no-progress']);
    console.log(`  eval    ${rel(out)}/  in ${seconds(t)}`);
    return out;
  });
  const report = path.join(DEMO, 'report.html');
  const t = performance.now();
  const headline = JSON.parse(facegap(['report', ...runs, '--out', report, '--title', 'FaceGap demo: synthetic → real-style', '--json'])) as { runs: HeadlineRow[] };
  console.log(`  report  ${rel(report)}  in ${seconds(t)}`);
  printTable(headline.runs, SAMPLES.map((s) => s.profile.id));
  console.log(`\nReport: ${report}\nDemo finished in ${seconds(started)}.`);
}

try {
  main();
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
