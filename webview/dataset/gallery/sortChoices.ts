import type { ImageMetrics, SchemaView } from '../../../src/protocol/viewTypes';
import type { SortKey } from '../uiState';

/** One entry of the sort picker. */
export interface SortChoice {
  readonly key: SortKey;
  readonly label: string;
}

/** Sorting by name always; by the chosen run's per-image scores and each class's F1 when a run is chosen. */
export function sortChoices(schema: SchemaView, hasRun: boolean): SortChoice[] {
  const byName: SortChoice = { key: 'name', label: 'Name' };
  if (!hasRun) return [byName];
  return [
    byName,
    { key: 'meanF1', label: 'Mean F1' },
    { key: 'mIoU', label: 'mIoU' },
    { key: 'pixelAccuracy', label: 'Pixel accuracy' },
    ...schema.classes.map((c): SortChoice => ({ key: `class:${c.name}`, label: `F1 of ${c.name}` })),
  ];
}

/** True when the key sorts by a score of a run rather than by name. */
export function isMetricSort(key: SortKey): boolean {
  return key !== 'name';
}

/** The score an image has under a sort key, or null when it has none. */
export function metricValue(metrics: ImageMetrics | undefined, key: SortKey): number | null {
  if (!metrics || key === 'name') return null;
  if (key.startsWith('class:')) return metrics.classF1[key.slice(6)] ?? null;
  const value = metrics[key as 'meanF1' | 'mIoU' | 'pixelAccuracy'];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** How a sort key's score is named next to a value ("mean F1", "F1 of skin"). */
export function metricName(key: SortKey): string {
  if (key.startsWith('class:')) return `F1 of ${key.slice(6)}`;
  return key === 'mIoU' ? 'mIoU' : key === 'pixelAccuracy' ? 'pixel accuracy' : 'mean F1';
}
