import type { ImageDiffRecord } from './diffTypes';

/** Sentences about label sizes reconciled, one per (B size, A size) combination, most frequent first. */
export function sizeNotes(records: readonly Pick<ImageDiffRecord, 'size' | 'resizedFrom'>[]): string[] {
  const groups = new Map<string, { from: readonly [number, number]; to: readonly [number, number]; images: number }>();
  for (const r of records) {
    if (!r.resizedFrom) continue;
    const key = `${r.resizedFrom.join('x')}>${r.size.join('x')}`;
    const group = groups.get(key) ?? { from: r.resizedFrom, to: r.size, images: 0 };
    group.images++;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((x, y) => y.images - x.images)
    .map((g) => `B's labels are ${g.from.join('×')}, A's ${g.to.join('×')}: B resampled (nearest) onto A's size in ${g.images} image${g.images === 1 ? '' : 's'}`);
}
