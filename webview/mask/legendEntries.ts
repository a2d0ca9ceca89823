import type { MaskSnapshot } from '../../src/protocol/maskViewMessages';
import { idKind, IGNORE_ID } from './maskPalette';

/** One legend line: a schema class, ignore, or an id outside the schema, with its pixel count and share. */
export interface LegendEntry {
  readonly id: number;
  readonly name: string;
  /** Undefined for ignore and unknown ids (drawn hatched). */
  readonly color?: readonly [number, number, number];
  readonly kind: 'class' | 'ignore' | 'unknown';
  readonly pixels: number;
  /** Share of all the mask's pixels, 0–1. */
  readonly share: number;
}

/** Legend lines in id order: every schema class (present or not), then the ids the schema does not name. */
export function legendEntries(snapshot: MaskSnapshot): LegendEntry[] {
  const total = snapshot.pixels.width * snapshot.pixels.height;
  const counts = new Map(snapshot.counts.map((c) => [c.id, c.pixels]));
  const share = (pixels: number): number => (total > 0 ? pixels / total : 0);
  const classes: LegendEntry[] = snapshot.schema.classes.map((c) => {
    const pixels = counts.get(c.id) ?? 0;
    return { id: c.id, name: c.name, color: c.color, kind: 'class', pixels, share: share(pixels) };
  });
  const others: LegendEntry[] = snapshot.counts
    .filter((c) => idKind(c.id, snapshot.schema) !== 'class')
    .map((c) => {
      const kind = c.id === IGNORE_ID ? 'ignore' : 'unknown';
      return { id: c.id, name: kind === 'ignore' ? 'ignore' : 'not in schema', kind, pixels: c.pixels, share: share(c.pixels) };
    });
  return [...classes.sort((a, b) => a.id - b.id), ...others.sort((a, b) => a.id - b.id)];
}

/** The name the readout gives an id. */
export function idName(id: number, snapshot: MaskSnapshot): string {
  const known = snapshot.schema.classes.find((c) => c.id === id);
  if (known) return known.name;
  return id === IGNORE_ID ? 'ignore' : 'not in schema';
}
