// npm run demo: FaceGap's whole story on its own data, with nothing to download. It generates two sample datasets
// with the project's face generator (synthetic, and real-style with a different distribution and other annotation
// conventions), evaluates the bundled model (trained on synthetic faces only) on both with the built CLI, and writes
// one self-contained HTML report. Then the label gap alone: the real-style faces with exact labels (real-style-exact)
// diffed against the real-style sample's labels, generated and compared while the evaluations run; and the distribution
// gap: what the two samples show, and the real-style run's mean F1 by slice over the synthetic sample. Samples are cached
// by their manifest: a second run only evaluates (and the diff reuses its per-image results).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestMatches, SAMPLE_MANIFEST } from '../src/core/synth/sampleManifest';
import { REAL_STYLE_EXACT_PROFILE, REAL_STYLE_PROFILE, SYNTHETIC_PROFILE, type SampleProfile } from '../src/core/synth/sampleProfiles';

const REPO = path.join(__dirname, '..');
// FACEGAP_DEMO_DIR moves the demo's output (the tests run the demo in a temporary folder).
const DEMO = path.resolve(process.env.FACEGAP_DEMO_DIR ?? path.join(REPO, '.facegap-demo'));
const CLI = path.join(REPO, 'dist', 'cli.js');
const MODEL = path.join(REPO, 'models', 'facegap-parser-small.onnx');
interface SampleRequest {
  readonly profile: SampleProfile;
  readonly seed: number;
  readonly count: number;
  readonly size: number;
}

const SAMPLES: readonly SampleRequest[] = [
  { profile: SYNTHETIC_PROFILE, seed: 1, count: 120, size: 256 },
  { profile: REAL_STYLE_PROFILE, seed: 1, count: 120, size: 256 },
];
/** The real-style faces again, labelled exactly: diffed against real-style, only the annotation conventions differ. */
const EXACT_SAMPLE: SampleRequest = { profile: REAL_STYLE_EXACT_PROFILE, seed: 1, count: 120, size: 256 };
/** Findings printed in the label-gap section (the diff folder has them all). */
const FINDINGS_SHOWN = 12;

interface HeadlineRow {
  readonly dataset: string;
  readonly meanF1: number;
  readonly mIoU: number;
  readonly pixelAccuracy: number;
  readonly deltaMeanF1: number;
}

const rel = (p: string): string => (p.startsWith(REPO + path.sep) ? path.relative(REPO, p) : p);

interface DistJson {
  readonly findings: readonly string[];
  readonly expectedScore?: { readonly plainMean: number; readonly weightedMean: number; readonly effectiveSize: number };
}

/** Findings printed in the distribution section (dist.json has every attribute). */
const DIST_FINDINGS_SHOWN = 10;

interface DiffJson {
  readonly out: string;
  readonly images: number;
  readonly findings: ReadonlyArray<{ readonly kind: string; readonly text: string }>;
}

/** Runs the built CLI; its output is kept unless it fails, then it is shown. Async, so the label-gap diff runs beside the evaluations. */
function facegap(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(stdout);
      process.stderr.write(stdout + stderr);
      reject(new Error(`facegap ${args.map((a) => (path.isAbsolute(a) ? rel(a) : a)).join(' ')} exited with ${code}`));
    });
  });
}

function isCurrent(dir: string, sample: SampleRequest): boolean {
  const text = fs.existsSync(path.join(dir, SAMPLE_MANIFEST)) ? fs.readFileSync(path.join(dir, SAMPLE_MANIFEST), 'utf8') : '';
  return manifestMatches(text, { profile: sample.profile.id, seed: sample.seed, count: sample.count, size: sample.size });
}

/** Generates a sample unless the folder holds the current one; returns the folder and the line to print. */
async function ensureSample(sample: SampleRequest): Promise<{ dir: string; line: string }> {
  const dir = path.join(DEMO, 'samples', sample.profile.id);
  if (isCurrent(dir, sample)) return { dir, line: `  sample  ${rel(dir)}/ (cached)` };
  const t = performance.now();
  await facegap(['sample', dir, '--profile', sample.profile.id, '--seed', String(sample.seed), '--count', String(sample.count), '--size', String(sample.size), '--no-progress']);
  return { dir, line: `  sample  ${rel(dir)}/  ${sample.count} ${sample.profile.id} images generated in ${seconds(t)}` };
}

/** The label gap alone: real-style-exact (A) diffed against real-style (B); returns the section to print. */
async function labelGap(exact: Promise<{ dir: string; line: string }>, realStyleDir: string): Promise<{ lines: string[]; out: string }> {
  const { dir, line } = await exact;
  const out = path.join(DEMO, 'diffs', `${EXACT_SAMPLE.profile.id}--vs--${REAL_STYLE_PROFILE.id}`);
  const t = performance.now();
  const diff = JSON.parse(await facegap(['diff', dir, realStyleDir, '--out', out, '--json', '--no-progress'])) as DiffJson;
  const [agreement, ...rest] = diff.findings;
  const lines = [
    `\nLabel gap: the real-style faces labelled exactly (A, ${EXACT_SAMPLE.profile.id}) against the real-style labels (B).\n`,
    line,
    `  diff    ${rel(out)}/  ${diff.images} image pairs in ${seconds(t)}`,
    '',
    `  ${agreement?.text ?? 'no findings'}.`,
    ...rest.slice(0, FINDINGS_SHOWN).map((f) => `  - ${f.text}`),
    ...(rest.length > FINDINGS_SHOWN ? [`  (${rest.length - FINDINGS_SHOWN} more findings in ${rel(path.join(out, 'diff.json'))}; facegap diff prints them all)`] : []),
  ];
  return { lines, out };
}

/** The distribution gap: what the two samples show, with the real-style run's mean F1 by slice over the synthetic sample. */
async function distributionGap(synthetic: string, realStyle: string, realStyleRun: string): Promise<{ lines: string[]; out: string }> {
  const out = path.join(DEMO, 'distribution', `${SYNTHETIC_PROFILE.id}--vs--${REAL_STYLE_PROFILE.id}`);
  const t = performance.now();
  const dist = JSON.parse(await facegap(['dist', synthetic, realStyle, '--run', realStyleRun, '--out', out, '--json', '--no-progress'])) as DistJson;
  const e = dist.expectedScore;
  const lines = [
    `\nDistribution gap: what the synthetic (A) and real-style (B) samples show.\n`,
    `  dist    ${rel(out)}/  in ${seconds(t)}`,
    '',
    ...dist.findings.slice(0, DIST_FINDINGS_SHOWN).map((f) => `  - ${f}`),
    ...dist.findings.slice(DIST_FINDINGS_SHOWN).filter((f) => f.startsWith('Weighting')).map((f) => `  - ${f}`),
  ];
  if (e) lines.push('', `  The model's per-image mean F1 on real-style, ${e.plainMean.toFixed(3)}, would be ${e.weightedMean.toFixed(3)} on images distributed like the synthetic sample (effective sample size ${Math.round(e.effectiveSize)}).`);
  return { lines, out };
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

async function main(): Promise<void> {
  const started = performance.now();
  if (!fs.existsSync(CLI)) throw new Error(`${rel(CLI)} is missing: run "npm run build" first`);
  if (!fs.existsSync(MODEL)) throw new Error(`${rel(MODEL)} is missing from the checkout`);
  console.log(`FaceGap demo: the bundled model ${rel(MODEL)} (trained on synthetic faces only) on two generated samples.\n`);
  const exact = ensureSample(EXACT_SAMPLE);
  exact.catch(() => undefined);
  const dirs: string[] = [];
  for (const sample of SAMPLES) {
    const { dir, line } = await ensureSample(sample);
    console.log(line);
    dirs.push(dir);
  }
  const gap = labelGap(exact, dirs[SAMPLES.findIndex((s) => s.profile === REAL_STYLE_PROFILE)]);
  gap.catch(() => undefined);
  const runs: string[] = [];
  for (const [i, dir] of dirs.entries()) {
    const t = performance.now();
    const out = path.join(DEMO, 'runs', SAMPLES[i].profile.id);
    await facegap(['eval', dir, '--model', MODEL, '--out', out, '--no-progress']);
    console.log(`  eval    ${rel(out)}/  in ${seconds(t)}`);
    runs.push(out);
  }
  const realStyle = SAMPLES.findIndex((s) => s.profile === REAL_STYLE_PROFILE);
  const dist = await distributionGap(dirs[SAMPLES.findIndex((s) => s.profile === SYNTHETIC_PROFILE)], dirs[realStyle], runs[realStyle]);
  const diff = await gap;
  const report = path.join(DEMO, 'report.html');
  const t = performance.now();
  const reportArgs = ['report', ...runs, '--diff', diff.out, '--dist', dist.out, '--out', report, '--title', 'FaceGap demo: synthetic → real-style', '--json'];
  const headline = JSON.parse(await facegap(reportArgs)) as { runs: HeadlineRow[] };
  console.log(`  report  ${rel(report)}  in ${seconds(t)}`);
  printTable(headline.runs, SAMPLES.map((s) => s.profile.id));
  for (const line of [...dist.lines, ...diff.lines]) console.log(line);
  console.log(`\nReport: ${report}\nDemo finished in ${seconds(started)}.`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
