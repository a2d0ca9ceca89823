import * as Plot from '@observablehq/plot';
import type { GapDecompositionRecord } from '../core/distribution/distTypes';
import { drawFigure, figureWidth, type Figure, type FigureOptions } from './figureDom';
import { legend } from './plotLegend';
import { FIGURE_COLORS } from './plotTheme';

type PartName = GapDecompositionRecord['parts'][number]['name'];

const PART_COLORS: Readonly<Record<PartName, string>> = { distribution: FIGURE_COLORS.a, label: FIGURE_COLORS.b, photorealism: FIGURE_COLORS.third };
const PART_ORDER: readonly PartName[] = ['distribution', 'label', 'photorealism'];

const MARGIN = 20;

interface PartRow {
  readonly name: PartName;
  readonly value: number;
  readonly tip: string;
}

/** "0.123 (45%)": a part's mean F1 points and its share of the gap when known. */
function partText(value: number, share: number | null): string {
  return share === null ? value.toFixed(3) : `${value.toFixed(3)} (${Math.round(100 * share)}%)`;
}

/**
 * The synthetic → real gap split into its parts as one stacked horizontal bar (mean F1 points; a negative part stacks
 * to the left of zero), with the whole gap (when measured) as a tick and each part's size in its tooltip and the legend. Parts that
 * could not be measured (value null) are left out of the bar and say so in the legend.
 */
export function decompositionFigure(decomposition: GapDecompositionRecord, options: FigureOptions): Figure {
  const parts = [...decomposition.parts].sort((p, q) => PART_ORDER.indexOf(p.name) - PART_ORDER.indexOf(q.name));
  const rows: PartRow[] = parts
    .filter((p): p is typeof p & { value: number } => p.value !== null)
    .map((p) => ({ name: p.name, value: p.value, tip: `${p.name}: ${partText(p.value, p.share)} — ${p.arithmetic}` }));
  const entries = parts.map((p) => ({ label: `${p.name} ${p.value === null ? 'not measured' : partText(p.value, p.share)}`, color: PART_COLORS[p.name] }));
  const key = legend(entries, figureWidth(options) - MARGIN);
  const total = decomposition.total;
  const totalText = total === null ? 'total not measured' : `total ${total.toFixed(3)}`;
  return drawFigure('decomposition', `the synthetic to real gap (${totalText}, mean F1) split into distribution, label and photorealism parts`, options, {
    height: key.marginTop + 100,
    marginTop: key.marginTop,
    marginBottom: 40,
    marginLeft: MARGIN,
    marginRight: MARGIN,
    x: { label: `gap in mean F1 (${totalText})`, labelAnchor: 'center', grid: true },
    color: { domain: [...PART_ORDER], range: PART_ORDER.map((n) => PART_COLORS[n]) },
    marks: [
      Plot.barX(rows, { x: 'value', fill: 'name', title: 'tip', insetTop: 6, insetBottom: 6, stroke: 'currentColor', strokeOpacity: 0.25 }),
      Plot.tickX(total === null ? [] : [total], { x: (t: number) => t, stroke: 'currentColor', strokeWidth: 2.5, title: () => `the whole gap: ${totalText}` }),
      Plot.ruleX([0]),
      ...key.marks,
    ],
  });
}
