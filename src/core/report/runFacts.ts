import type { RunRecord } from '../eval/runRecord';
import { baseName } from '../util/paths';
import { predictionSchemaId } from './runSchemas';

/** One labelled fact about a run, as shown in its details table. */
export interface RunFact {
  readonly label: string;
  readonly value: string;
}

/** What a reader needs to know about a run: dataset, model, provider, images and timings, all from run.json. */
export function runFacts(record: RunRecord): RunFact[] {
  const d = record.dataset;
  const facts: RunFact[] = [
    { label: 'dataset', value: d.root },
    { label: 'layout', value: d.formatTitle ?? d.format },
    { label: 'ground-truth schema', value: d.schemaReason ? `${d.schema} (${d.schemaReason})` : d.schema },
    ...predictionFacts(record),
    { label: 'execution provider', value: record.executionProvider ?? 'none (predictions made elsewhere)' },
    { label: 'status', value: record.error ? `${record.status}: ${record.error}` : record.status },
    { label: 'images', value: imageCounts(record) },
    { label: 'timings', value: timingText(record.timings ?? {}) },
    { label: 'run', value: `${record.startedAt}${record.finishedAt ? ` → ${record.finishedAt}` : ''}` },
  ];
  const env = Object.entries(record.environment ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
  if (env) facts.push({ label: 'software', value: env });
  return facts;
}

function predictionFacts(record: RunRecord): RunFact[] {
  const p = record.predictions as { kind?: unknown; path?: unknown; sha256?: unknown; sizeBytes?: unknown; folder?: unknown };
  const schema = predictionSchemaId(record) ?? 'unknown';
  if (p.kind === 'model') {
    const name = typeof p.path === 'string' ? baseName(p.path) : 'unknown';
    const sha = typeof p.sha256 === 'string' ? p.sha256.slice(0, 12) : 'unknown';
    const size = typeof p.sizeBytes === 'number' ? `, ${p.sizeBytes.toLocaleString('en-US')} bytes` : '';
    return [
      { label: 'model', value: `${name} (SHA-256 ${sha}…${size})` },
      { label: 'model schema', value: schema },
    ];
  }
  const folder = typeof p.folder === 'string' ? p.folder : 'unknown';
  return [{ label: 'predictions', value: `folder ${folder} (schema ${schema})` }];
}

function imageCounts(record: RunRecord): string {
  const c = record.summary?.counts;
  const problems = record.dataset.problems > 0 ? `; ${record.dataset.problems} dataset problem(s) found when indexing` : '';
  if (!c) return `${record.dataset.items} in the dataset; no summary (the run did not finish)${problems}`;
  const reused = c.reused > 0 ? ` (${c.reused} reused from an earlier run)` : '';
  return `${c.scored} scored${reused}, ${c.skipped} skipped, of ${c.total}${problems}`;
}

/** Timings of run.json in words, e.g. "wall 0.38 s, inference 0.22 s, 63.0 images/s". */
export function timingText(timings: Readonly<Record<string, number>>): string {
  const parts: string[] = [];
  const seconds = (key: string, label: string): void => {
    if (typeof timings[key] === 'number') parts.push(`${label} ${timings[key].toFixed(2)} s`);
  };
  seconds('wallSeconds', 'wall');
  seconds('decodeSeconds', 'decode');
  seconds('inferenceSeconds', 'inference');
  seconds('postprocessSeconds', 'post-processing');
  if (typeof timings.imagesPerSecond === 'number') parts.push(`${timings.imagesPerSecond.toFixed(1)} images/s`);
  return parts.length > 0 ? parts.join(', ') : 'not recorded';
}
