import * as Plot from '@observablehq/plot';
import { clip } from './figureDom';

/** One legend entry: a swatch in the mark's colour and its words. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly symbol?: 'square' | 'circle';
}

/** Class of the legend's marks (their <g> elements). */
export const LEGEND_CLASS = 'facegap-legend';

/** Top margin a figure with a one-row legend needs: the legend sits in it. */
export const LEGEND_MARGIN_TOP = 34;

/**
 * Plot's default font is 10px; a character of a wide system font (DejaVu Sans) is about 0.6em. Nothing can be measured
 * in Node, and the legend runs left to right with each swatch before its words, so a wrong guess only widens or narrows
 * the gaps between entries.
 */
const CHAR_WIDTH = 6;
const SWATCH = 4.5;
const SWATCH_TO_TEXT = 10;
const ENTRY_GAP = 20;
const ROW_HEIGHT = 15;
const MAX_LABEL = 60;

/** A legend laid out for a figure: its marks, and the top margin that leaves room for its rows. */
export interface Legend {
  readonly marks: Plot.Markish[];
  readonly marginTop: number;
}

/** Where each entry goes: rows of entries that fit `room` pixels, each entry's x offset from the frame's left. */
function layout(labels: readonly string[], room: number): Array<{ readonly row: number; readonly x: number }> {
  let row = 0;
  let x = 0;
  return labels.map((label) => {
    const width = 2 * SWATCH + SWATCH_TO_TEXT + label.length * CHAR_WIDTH;
    if (x > 0 && x + width > room) [row, x] = [row + 1, 0];
    const place = { row, x };
    x += width + ENTRY_GAP;
    return place;
  });
}

/**
 * The legend as marks inside the <svg> (so an exported SVG or PNG keeps it), in the top margin from the frame's left
 * edge, wrapping to more rows when the entries do not fit `room` (the figure's width beside the frame's left margin):
 * Plot's own legends are HTML beside the <svg> and bring a <style> element. Figures with a legend draw their y label
 * along the axis, not in the top margin. `faceted` draws it once over faceted figures (facet: 'super').
 */
export function legend(entries: readonly LegendEntry[], room: number, options: { readonly faceted?: boolean } = {}): Legend {
  const labels = entries.map((e) => clip(e.label, MAX_LABEL));
  const places = layout(labels, room);
  const rows = Math.max(1, ...places.map((p) => p.row + 1));
  const marginTop = LEGEND_MARGIN_TOP + (rows - 1) * ROW_HEIGHT;
  const marks = entries.flatMap((entry, i) => {
    const common = { frameAnchor: 'top-left', dy: -(marginTop - 12) + places[i].row * ROW_HEIGHT, facet: options.faceted ? 'super' : undefined, className: LEGEND_CLASS } as const;
    const x = places[i].x + SWATCH;
    return [
      Plot.dot([labels[i]], { ...common, dx: x, symbol: entry.symbol ?? 'square', r: SWATCH, fill: entry.color, stroke: null, ariaHidden: 'true' }),
      Plot.text([labels[i]], { ...common, dx: x + SWATCH_TO_TEXT, textAnchor: 'start', lineAnchor: 'middle', fill: 'currentColor' }),
    ];
  });
  return { marks, marginTop };
}
