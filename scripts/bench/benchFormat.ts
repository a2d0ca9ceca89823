// Pure helpers of `npm run bench`: options, medians, ratios and how numbers are printed. No timing here.

/** What one bench run measures. */
export interface BenchOptions {
  /** Generated 512×512 images per side for (a)–(d). */
  readonly n: number;
  /** Repetitions of every measurement; the median is reported. */
  readonly runs: number;
  /** Files pairs generated for the index measurement (e). */
  readonly indexN: number;
  /** Execution provider passed to `facegap eval --ep`. */
  readonly ep: string;
  readonly quick: boolean;
  /** Where results.json goes. */
  readonly out: string;
  /** Keep the temporary folder (its path is printed). */
  readonly keep: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--n 200] [--runs 3] [--index-n 100000] [--ep auto] [--quick] [--out .facegap-bench/results.json] [--keep]

  --n <count>        generated 512×512 images per side for eval, --pred, diff and dist (default 200)
  --runs <count>     repetitions of each measurement; medians are printed (default 3)
  --index-n <count>  image+label pairs generated for the index and gallery measurement (default 100000)
  --ep <provider>    execution provider for the model evaluation (default auto)
  --quick            a smoke run: --n 20 --runs 1 --index-n 5000 unless given
  --out <file>       results as JSON (default .facegap-bench/results.json)
  --keep             keep the temporary folder with the generated files`;

const DEFAULTS = { n: 200, runs: 3, indexN: 100_000 };
const QUICK = { n: 20, runs: 1, indexN: 5_000 };

/** Parses the bench's arguments; throws with the usage on anything unknown or malformed. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const given = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick' || arg === '--keep') given.set(arg.slice(2), true);
    else if (['--n', '--runs', '--index-n', '--ep', '--out'].includes(arg) && i + 1 < argv.length) given.set(arg.slice(2), argv[++i]);
    else throw new Error(`unknown or incomplete argument ${JSON.stringify(arg)}\n\n${BENCH_USAGE}`);
  }
  const quick = given.get('quick') === true;
  const base = quick ? QUICK : DEFAULTS;
  const count = (name: string, fallback: number, min: number): number => {
    const raw = given.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${String(raw)}`);
    return value;
  };
  const text = (name: string, fallback: string): string => {
    const raw = given.get(name);
    return typeof raw === 'string' ? raw : fallback;
  };
  return {
    n: count('n', base.n, 1),
    runs: count('runs', base.runs, 1),
    indexN: count('index-n', base.indexN, 1),
    ep: text('ep', 'auto'),
    quick,
    out: text('out', '.facegap-bench/results.json'),
    keep: given.get('keep') === true,
  };
}

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of one field over several runs' records. */
export function medianOf<T>(runs: readonly T[], pick: (run: T) => number | undefined): number {
  return median(runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
}

/** "2.31×"; "–" when either side is missing or the denominator is zero. */
export function ratioText(numerator: number, denominator: number): string {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return '–';
  const r = numerator / denominator;
  return `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/** "42%"; one decimal below 10%; "–" when missing. */
export function percentText(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const p = share * 100;
  return `${Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** Seconds with three significant figures at most: "0.123 s", "4.26 s", "152 s". */
export function secondsText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds >= 100) return `${seconds.toFixed(0)} s`;
  if (seconds >= 10) return `${seconds.toFixed(1)} s`;
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  return `${seconds.toFixed(3)} s`;
}

/** A rate: "1,234", "47.0", "0.52". */
export function rateText(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '–';
  if (perSecond >= 1000) return Math.round(perSecond).toLocaleString('en-US');
  if (perSecond >= 1) return perSecond.toFixed(1);
  return perSecond.toFixed(2);
}

/** Kibibytes (what resourceUsage().maxRSS reports) as "123 MiB". */
export function mibText(kib: number | undefined): string {
  return kib === undefined || !Number.isFinite(kib) ? '–' : `${Math.round(kib / 1024)} MiB`;
}

/** FaceGap's overhead over inference: (wall − time in session.run) / time in session.run. */
export function overheadShare(wallSeconds: number, runSeconds: number): number {
  return runSeconds > 0 ? (wallSeconds - runSeconds) / runSeconds : Number.NaN;
}
