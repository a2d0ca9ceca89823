// npm run bench: how fast FaceGap is on this machine, on files it generates in a temporary folder. Every figure is the
// median of --runs repetitions, and comparisons are ratios against baselines measured in the same run: (a) the bundled
// model's evaluation against the time spent inside session.run, (b) metrics-only evaluation (--pred) against a plain
// single-threaded loop and against merely decoding the same PNGs, (c) diff and dist, (d) peak memory, (e) indexing and
// the gallery's first screen on a folder of 100,000 pairs. The machine is printed last. Not part of npm test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { table } from '../../src/cli/terminalOutput';
import type { ChildRun } from './benchProcess';
import { CLI, readJson, REPO, runCli, runTsChild } from './benchProcess';
import type { BenchOptions } from './benchFormat';
import { median, medianOf, mibText, overheadShare, parseBenchArgs, percentText, rateText, ratioText, secondsText } from './benchFormat';
import { writeIndexFixture } from './indexFixture';
import type { LabelPair } from './plainMetrics';
import { decodeOnly, plainConfusion, timed } from './plainMetrics';

const MODEL = path.join(REPO, 'models', 'facegap-parser-small.onnx');
const INDEX_CHILD = path.join(__dirname, 'indexChild.ts');
/** Thumbnails on the gallery's first screen (a 1080p editor shows about 5 rows of 8 at 192 px). */
const FIRST_SCREEN = 40;
const SIZE = 512;

interface Ctx {
  readonly opts: BenchOptions;
  readonly tmp: string;
  readonly scratch: string;
  readonly a: string;
  readonly b: string;
}

interface RunJson {
  readonly executionProvider: string | null;
  readonly environment: Record<string, string>;
  readonly predictions: { readonly spec?: { readonly batchSize?: number }; readonly intraOpThreads?: number };
  readonly timings: Record<string, number>;
  readonly summary: { readonly images?: number; readonly pixelAccuracy: number };
}

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const note = (line: string): void => void process.stderr.write(`  … ${line}\n`);
const rel = (p: string): string => (p.startsWith(REPO + path.sep) ? path.relative(REPO, p) : p);

async function repeat<T>(runs: number, what: string, once: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let r = 0; r < runs; r++) {
    note(`${what} ${r + 1}/${runs}`);
    results.push(await once(r));
  }
  return results;
}

// ---------------------------------------------------------------- (a) evaluation of the bundled model

interface EvalRun {
  readonly process: ChildRun;
  readonly record: RunJson;
}

async function evalOnce(ctx: Ctx, dir: string, extra: readonly string[] = []): Promise<EvalRun> {
  const process = await runCli(['eval', ctx.a, '--model', MODEL, '--ep', ctx.opts.ep, '--out', dir, '--json', ...extra], ctx.scratch);
  return { process, record: readJson<RunJson>(path.join(dir, 'run.json')) };
}

async function benchEval(ctx: Ctx): Promise<{ runs: EvalRun[]; runtimeThreads: EvalRun; predDir: string; runDir: string }> {
  const runs = await repeat(ctx.opts.runs, 'eval --model', async (r) => {
    const dir = path.join(ctx.tmp, `eval-${r}`);
    const run = await evalOnce(ctx, dir);
    if (r > 0) fs.rmSync(dir, { recursive: true, force: true });
    return run;
  });
  note('eval --model --threads 0 (onnxruntime chooses its threads)');
  const runtimeThreads = await evalOnce(ctx, path.join(ctx.tmp, 'eval-threads-0'), ['--threads', '0']);
  fs.rmSync(path.join(ctx.tmp, 'eval-threads-0'), { recursive: true, force: true });
  const runDir = path.join(ctx.tmp, 'eval-0');
  return { runs, runtimeThreads, predDir: path.join(runDir, 'pred'), runDir };
}

const KNOWN_STAGES = ['decodeSeconds', 'inferenceSeconds', 'postprocessSeconds'];

const STAGE_NOTES: Record<string, string> = {
  decodeSeconds: ' (waiting for images to decode)',
  inferenceSeconds: ' (session.run, timed in the worker)',
  postprocessSeconds: ' (logits → labels, beside the model)',
};

function printEval(ctx: Ctx, runs: readonly EvalRun[], runtimeThreads: EvalRun): Record<string, unknown> {
  const t = (key: string): number => medianOf(runs, (r) => r.record.timings[key]);
  const wall = t('wallSeconds');
  const inference = t('inferenceSeconds');
  const processSeconds = medianOf(runs, (r) => r.process.seconds);
  const first = runs[0].record;
  const images = first.summary.images ?? ctx.opts.n;
  const extra = Object.keys(first.timings).filter((k) => k.endsWith('Seconds') && k !== 'wallSeconds' && !KNOWN_STAGES.includes(k));
  const stages = [...KNOWN_STAGES, ...extra].filter((k) => Number.isFinite(t(k)));
  // Per run, then the median: on a busy machine the stages of different runs do not add up to one wall time.
  const otherOf = (r: EvalRun): number => r.record.timings.wallSeconds - stages.reduce((sum, k) => sum + (r.record.timings[k] ?? 0), 0);
  const other = medianOf(runs, otherOf);
  const overheads = runs.map((r) => overheadShare(r.record.timings.wallSeconds, r.record.timings.inferenceSeconds));
  const overhead = median(overheads);
  const threads = first.predictions.intraOpThreads;
  out(`(a) facegap eval --model ${rel(MODEL)} on ${images} images ${SIZE}×${SIZE}: provider ${first.executionProvider ?? '?'}, batch ${first.predictions.spec?.batchSize ?? '?'}, ${threads ?? '?'} intra-op thread(s)`);
  const rows = [
    ['evaluation (run.json wallSeconds)', secondsText(wall), '100%', rateText(images / wall)],  // stage rows: medians of each stage
    ...stages.map((k) => [`  ${k.replace(/Seconds$/, '')}${STAGE_NOTES[k] ?? ''}`, secondsText(t(k)), percentText(t(k) / wall), '']),
    [`  other${other < 0 ? ' (stages overlap)' : ' (GT reading, scoring, PNG writing, journal)'}`, secondsText(other), percentText(other / wall), ''],
    ['whole process (start to exit)', secondsText(processSeconds), percentText(processSeconds / wall), rateText(images / processSeconds)],
  ];
  for (const line of table(['', 'time', 'of eval', 'images/s'], rows)) out(`  ${line}`);
  const verdict = overhead < 0.15 ? 'met' : 'not met';
  out(`  share of the evaluation inside session.run: ${percentText(medianOf(runs, (r) => r.record.timings.inferenceSeconds / r.record.timings.wallSeconds))}`);
  const each = runs.length > 1 ? `; runs: ${overheads.map(percentText).join(', ')}` : '';
  out(`  FaceGap's overhead (wall − session.run) / session.run: ${percentText(overhead)} (target under 15% on CPU: ${verdict}${each})`);
  out(`  counting the whole process (Node start, model load, dataset index): ${percentText(medianOf(runs, (r) => overheadShare(r.process.seconds, r.record.timings.inferenceSeconds)))}`);
  const rt = runtimeThreads.record.timings;
  const rtOverhead = overheadShare(rt.wallSeconds, rt.inferenceSeconds);
  out(`  with --threads 0 (onnxruntime's own choice; one run): ${rateText(images / rt.wallSeconds)} images/s, overhead ${percentText(rtOverhead)}`);
  out();
  return {
    images, provider: first.executionProvider, batchSize: first.predictions.spec?.batchSize, intraOpThreads: threads, wallSeconds: wall, processSeconds,
    runtimeThreads: { imagesPerSecond: images / rt.wallSeconds, overhead: rtOverhead, timings: rt },
    imagesPerSecond: images / wall, processImagesPerSecond: images / processSeconds,
    stages: Object.fromEntries(stages.map((k) => [k, t(k)])), otherSeconds: other, sessionRunShare: inference / wall, overhead, overheadPerRun: overheads, target: 0.15,
    maxRssKiB: medianOf(runs, (r) => r.process.maxRssKiB), perRun: runs.map((r) => ({ ...r.record.timings, processSeconds: r.process.seconds, maxRssKiB: r.process.maxRssKiB })),
  };
}

// ---------------------------------------------------------------- (b) metrics only

function labelPairs(ctx: Ctx, predDir: string): LabelPair[] {
  return fs
    .readdirSync(ctx.a)
    .filter((name) => name.endsWith('_seg.png'))
    .sort()
    .map((name) => ({ gt: path.join(ctx.a, name), pred: path.join(predDir, `${name.slice(0, -'_seg.png'.length)}.png`) }));
}

interface MetricsRound {
  readonly cli: ChildRun;
  readonly cliWall: number;
  readonly cliPixelAccuracy: number;
  readonly plain: number;
  readonly plainPixelAccuracy: number;
  readonly floor1: number;
  readonly floorN: number;
}

async function benchMetrics(ctx: Ctx, predDir: string): Promise<MetricsRound[]> {
  const pairs = labelPairs(ctx, predDir);
  const lanes = os.availableParallelism();
  // Interleaved, so that a noisy neighbour slows every method of a round alike.
  return repeat(ctx.opts.runs, 'eval --pred, plain loop, decode floor', async (r) => {
    const dir = path.join(ctx.tmp, `pred-${r}`);
    const cli = await runCli(['eval', ctx.a, '--pred', predDir, '--out', dir, '--json'], ctx.scratch);
    const record = readJson<RunJson>(path.join(dir, 'run.json'));
    fs.rmSync(dir, { recursive: true, force: true });
    let plainPixelAccuracy = Number.NaN;
    const plain = await timed(async () => (plainPixelAccuracy = (await plainConfusion(pairs)).pixelAccuracy));
    const floor1 = await timed(() => decodeOnly(pairs, 1));
    const floorN = await timed(() => decodeOnly(pairs, lanes));
    return { cli, cliWall: record.timings.wallSeconds, cliPixelAccuracy: record.summary.pixelAccuracy, plain, plainPixelAccuracy, floor1, floorN };
  });
}

function printMetrics(ctx: Ctx, rounds: readonly MetricsRound[]): Record<string, unknown> {
  const n = ctx.opts.n;
  const m = (pick: (r: MetricsRound) => number): number => medianOf(rounds, pick);
  const cli = m((r) => r.cliWall);
  const cliProcess = m((r) => r.cli.seconds);
  const plain = m((r) => r.plain);
  const floor1 = m((r) => r.floor1);
  const floorN = m((r) => r.floorN);
  const lanes = os.availableParallelism();
  out(`(b) metrics only: facegap eval --pred on the same ${n} label/prediction pairs (two ${SIZE}×${SIZE} PNGs each)`);
  const row = (label: string, s: number, ratio = true): string[] => [label, secondsText(s), rateText(n / s), ratio ? ratioText(cli, s) : '–'];
  const rows = [
    row('facegap eval --pred (run.json wallSeconds)', cli),
    row('facegap eval --pred (whole process)', cliProcess, false),
    row('plain loop: sharp decode + count, one pair at a time', plain),
    row('decode only, one pair at a time (floor)', floor1),
    row(`decode only, ${lanes} pairs in flight (floor)`, floorN),
  ];
  for (const line of table(['', 'time', 'images/s', 'FaceGap time ÷ this'], rows)) out(`  ${line}`);
  const agree = rounds.every((r) => Math.abs(r.cliPixelAccuracy - r.plainPixelAccuracy) < 1e-9);
  out(`  FaceGap takes ${ratioText(cli, plain)} the plain loop's time, ${ratioText(cli, floor1)} the one-at-a-time decode floor's and ${ratioText(cli, floorN)} the ${lanes}-in-flight floor's`);
  out(`  pixel accuracy: FaceGap ${rounds[0].cliPixelAccuracy.toFixed(6)}, plain loop ${rounds[0].plainPixelAccuracy.toFixed(6)} (${agree ? 'agree' : 'DIFFER'})`);
  out();
  return {
    images: n, cliSeconds: cli, cliProcessSeconds: cliProcess, plainSeconds: plain, decodeFloorSeconds: floor1, decodeFloorParallelSeconds: floorN, floorLanes: lanes,
    cliVsPlain: cli / plain, cliVsFloor: cli / floor1, cliVsParallelFloor: cli / floorN, pixelAccuracyAgrees: agree, maxRssKiB: m((r) => r.cli.maxRssKiB ?? Number.NaN),
  };
}

// ---------------------------------------------------------------- (c) diff and dist

interface TimedCommand {
  readonly process: ChildRun;
  readonly seconds: number;
  readonly images: number;
}

async function benchDiffDist(ctx: Ctx, runDir: string): Promise<{ diff: TimedCommand[]; dist: TimedCommand[] }> {
  const diff = await repeat(ctx.opts.runs, 'diff <run>', async (r) => {
    const dir = path.join(ctx.tmp, `diff-${r}`);
    const process = await runCli(['diff', runDir, '--out', dir, '--json'], ctx.scratch);
    const { timings } = readJson<{ timings: { seconds: number; compared: number } }>(path.join(dir, 'diff.json'));
    fs.rmSync(dir, { recursive: true, force: true });
    return { process, seconds: timings.seconds, images: timings.compared };
  });
  const dist = await repeat(ctx.opts.runs, 'dist A B', async (r) => {
    const dir = path.join(ctx.tmp, `dist-${r}`);
    const process = await runCli(['dist', ctx.a, ctx.b, '--out', dir, '--json'], ctx.scratch);
    const { timings } = readJson<{ timings: { seconds: number; measured: number } }>(path.join(dir, 'dist.json'));
    fs.rmSync(dir, { recursive: true, force: true });
    return { process, seconds: timings.seconds, images: timings.measured };
  });
  return { diff, dist };
}

function printDiffDist(ctx: Ctx, runs: { diff: TimedCommand[]; dist: TimedCommand[] }, metrics: MetricsRound[]): Record<string, unknown> {
  const summarize = (list: TimedCommand[]) => {
    const seconds = medianOf(list, (r) => r.seconds);
    const processSeconds = medianOf(list, (r) => r.process.seconds);
    const images = list[0].images;
    return { images, seconds, processSeconds, imagesPerSecond: images / seconds, maxRssKiB: medianOf(list, (r) => r.process.maxRssKiB) };
  };
  const diff = summarize(runs.diff);
  const dist = summarize(runs.dist);
  const pred = medianOf(metrics, (r) => r.cliWall);
  out(`(c) facegap diff <run> (the ${diff.images} ground-truth labels against the model's predictions) and facegap dist A B (${ctx.opts.n} synthetic + ${ctx.opts.n} real-style images)`);
  const rows = [
    ['facegap diff <run>', String(diff.images), secondsText(diff.seconds), secondsText(diff.processSeconds), rateText(diff.imagesPerSecond), ratioText(diff.seconds / diff.images, pred / ctx.opts.n)],
    ['facegap dist A B', String(dist.images), secondsText(dist.seconds), secondsText(dist.processSeconds), rateText(dist.imagesPerSecond), ratioText(dist.seconds / dist.images, pred / ctx.opts.n)],
  ];
  for (const line of table(['', 'images', 'time', 'process', 'images/s', 'time per image ÷ eval --pred'], rows)) out(`  ${line}`);
  out();
  return { diff, dist };
}

// ---------------------------------------------------------------- (e) indexing and the gallery

interface IndexRuns {
  readonly fixtureSeconds: number;
  readonly index: Array<{ process: ChildRun; result: Record<string, number> }>;
  readonly browse: Array<{ process: ChildRun; result: Record<string, number> }>;
  readonly browseA: Array<{ process: ChildRun; result: Record<string, number> }>;
  readonly info: ChildRun;
}

async function benchIndex(ctx: Ctx): Promise<IndexRuns> {
  const dir = path.join(ctx.tmp, 'index');
  note(`writing ${ctx.opts.indexN.toLocaleString('en-US')} image+label pairs`);
  const fixtureSeconds = await writeIndexFixture(dir, ctx.opts.indexN);
  const child = async (args: string[]) => {
    const process = await runTsChild(INDEX_CHILD, args, ctx.scratch);
    return { process, result: JSON.parse(process.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number> };
  };
  const index = await repeat(ctx.opts.runs, 'index (openDatasetFolder)', () => child(['index', dir]));
  const browse = await repeat(ctx.opts.runs, 'browse worker: open + first thumbnails', (r) => child(['browse', dir, path.join(ctx.tmp, `thumbs-${r}`), String(FIRST_SCREEN), 'refresh']));
  const browseA = await repeat(ctx.opts.runs, `browse worker on the ${SIZE}×${SIZE} sample`, (r) => child(['browse', ctx.a, path.join(ctx.tmp, `thumbs-a-${r}`), String(FIRST_SCREEN)]));
  note('facegap info --json (reads every file; one run)');
  const info = await runCli(['info', dir, '--json'], ctx.scratch);
  return { fixtureSeconds, index, browse, browseA, info };
}

function printIndex(ctx: Ctx, runs: IndexRuns): Record<string, unknown> {
  const n = ctx.opts.indexN;
  const r = (list: IndexRuns['index'], key: string): number => medianOf(list, (x) => x.result[key]);
  const rss = (list: IndexRuns['index']): number => medianOf(list, (x) => x.process.maxRssKiB);
  const start = (list: IndexRuns['index']): number => medianOf(list, (x) => x.result.startRssKiB);
  const shown = Math.min(FIRST_SCREEN, ctx.opts.n);
  out(`(e) ${n.toLocaleString('en-US')} image+label pairs (8×8 PNGs, FaceSynthetics layout, one folder; written in ${secondsText(runs.fixtureSeconds)})`);
  const rows = [
    ['index: openDatasetFolder (detect, list, pair, schema)', secondsText(r(runs.index, 'indexSeconds')), mibText(rss(runs.index)), mibText(rss(runs.index) - start(runs.index))],
    ['gallery: browse worker opens the dataset (worker start included)', secondsText(r(runs.browse, 'openSeconds')), mibText(r(runs.browse, 'openRssKiB')), mibText(r(runs.browse, 'openRssKiB') - start(runs.browse))],
    [`  first screen: ${FIRST_SCREEN} thumbnails, cold cache`, secondsText(r(runs.browse, 'firstThumbnailsSeconds')), '', ''],
    ['  closes and opens it again (scan cache hit)', secondsText(r(runs.browse, 'reopenSeconds')), '', ''],
    [`  the same ${FIRST_SCREEN} thumbnails, cached`, secondsText(r(runs.browse, 'cachedThumbnailsSeconds')), '', ''],
    ['  opens it in a new worker (as after a restart; scan cache hit)', secondsText(r(runs.browse, 'restartReopenSeconds')), '', ''],
    ['  refresh, nothing changed (stats only)', secondsText(r(runs.browse, 'refreshUnchangedSeconds')), '', ''],
    [`  refresh after one pair was added (${r(runs.browse, 'refreshListed')} folder listed again)`, secondsText(r(runs.browse, 'refreshAddedSeconds')), '', ''],
    ['facegap info --json (reads every image header and label; one run)', secondsText(runs.info.seconds), mibText(runs.info.maxRssKiB), ''],
    [`for scale, the ${ctx.opts.n}-image ${SIZE}×${SIZE} sample: open`, secondsText(r(runs.browseA, 'openSeconds')), mibText(rss(runs.browseA)), ''],
    [`  first screen: ${shown} thumbnails of ${SIZE}×${SIZE} PNGs, cold cache`, secondsText(r(runs.browseA, 'firstThumbnailsSeconds')), '', ''],
  ];
  for (const line of table(['', 'time', 'RSS', 'above start'], rows)) out(`  ${line}`);
  const errors = runs.browse.reduce((sum, x) => sum + (x.result.thumbnailErrors ?? 0), 0);
  if (errors > 0) out(`  ${errors} thumbnail(s) failed`);
  out(`  (index and gallery rows run in a tsx child whose start RSS is ${mibText(start(runs.index))}; "above start" is what the work added;`);
  out(`  RSS is the peak, but the gallery's is taken right after the open: its child's peak over every step above is ${mibText(rss(runs.browse))})`);
  out();
  const pick = (list: IndexRuns['index']) => ({ ...Object.fromEntries(Object.keys(list[0].result).map((k) => [k, r(list, k)])), maxRssKiB: rss(list), processSeconds: medianOf(list, (x) => x.process.seconds) });
  return {
    pairs: n, fixtureSeconds: runs.fixtureSeconds, index: pick(runs.index), browse: pick(runs.browse), browseSample: pick(runs.browseA),
    info: { seconds: runs.info.seconds, maxRssKiB: runs.info.maxRssKiB },
  };
}

// ---------------------------------------------------------------- (d) memory, machine, main

function printMemory(results: Record<string, { maxRssKiB?: unknown }>, idle: ChildRun): void {
  out(`(d) peak memory: resourceUsage().maxRSS of each child process, worker threads included; median of the runs ((e) has its own)`);
  const kib = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const rows = Object.entries(results).map(([label, r]) => [label, mibText(kib(r.maxRssKiB))]);
  rows.push(['facegap schemas (Node + the CLI bundle, for scale)', mibText(idle.maxRssKiB)]);
  for (const line of table(['', 'peak RSS'], rows)) out(`  ${line}`);
  out();
}

function machine(env: Record<string, string>, provider: string | null, load: number[]): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown', cores: os.availableParallelism(), memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform}-${process.arch}`, node: process.version, onnxruntime: env.onnxruntime ?? 'unknown', sharp: env.sharp, libvips: env.libvips,
    provider, loadAverageBefore: load, loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function generate(ctx: Ctx): Promise<Record<string, number>> {
  note(`generating ${ctx.opts.n} synthetic and ${ctx.opts.n} real-style ${SIZE}×${SIZE} images`);
  const sample = (dir: string, profile: string) => runCli(['sample', dir, '--profile', profile, '--count', String(ctx.opts.n), '--size', String(SIZE)], ctx.scratch);
  const a = await sample(ctx.a, 'synthetic');
  const b = await sample(ctx.b, 'real-style');
  return { syntheticSeconds: a.seconds, realStyleSeconds: b.seconds };
}

async function main(): Promise<void> {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) throw new Error(`${rel(CLI)} is missing: run npm run build (npm run bench does)`);
  const load = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'facegap-bench-'));
  const ctx: Ctx = { opts, tmp, scratch: path.join(tmp, 'scratch'), a: path.join(tmp, 'synthetic'), b: path.join(tmp, 'real-style') };
  fs.mkdirSync(ctx.scratch);
  const started = performance.now();
  try {
    const generated = await generate(ctx);
    const evalRuns = await benchEval(ctx);
    const metricRounds = await benchMetrics(ctx, evalRuns.predDir);
    const diffDist = await benchDiffDist(ctx, evalRuns.runDir);
    const indexRuns = await benchIndex(ctx);
    const idle = await runCli(['schemas'], ctx.scratch, false);
    out(`FaceGap bench${opts.quick ? ' (--quick)' : ''}: ${opts.n} generated ${SIZE}×${SIZE} images per side, medians of ${opts.runs} run(s); times are wall clock`);
    out();
    const evalResult = printEval(ctx, evalRuns.runs, evalRuns.runtimeThreads);
    const metrics = printMetrics(ctx, metricRounds);
    const dd = printDiffDist(ctx, diffDist, metricRounds);
    const dd2 = dd as { diff: { maxRssKiB: number }; dist: { maxRssKiB: number } };
    printMemory({
      [`facegap eval --model (${opts.n} images)`]: evalResult as { maxRssKiB: number },
      [`facegap eval --pred (${opts.n} pairs)`]: metrics as { maxRssKiB: number },
      [`facegap diff <run> (${opts.n} pairs)`]: dd2.diff,
      [`facegap dist A B (${2 * opts.n} images)`]: dd2.dist,
    }, idle);
    const index = printIndex(ctx, indexRuns);
    const first = evalRuns.runs[0].record;
    const host = machine(first.environment, first.executionProvider, load);
    const results = { date: new Date().toISOString(), options: opts, generated, eval: evalResult, metrics, ...dd, index, idleCliMaxRssKiB: idle.maxRssKiB, machine: host, benchSeconds: (performance.now() - started) / 1000 };
    const outFile = path.resolve(REPO, opts.out);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    out(`Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB; ${host.platform}, Node ${host.node}, onnxruntime-node ${host.onnxruntime}, sharp ${host.sharp} (libvips ${host.libvips}); provider ${host.provider ?? '?'}; load average ${load.join(' ')} before, ${(host.loadAverageAfter as number[]).join(' ')} after`);
    out(`Bench took ${secondsText(results.benchSeconds)}; results: ${rel(outFile)}`);
  } finally {
    if (opts.keep) out(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
