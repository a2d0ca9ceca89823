import * as Plot from '@observablehq/plot';
import type { AttributeComparison, Histogram } from '../core/distribution/distTypes';
import { drawFigure, figureWidth, formatNumber, formatShare, withUnit, type Figure, type FigureOptions, type SideNames } from './figureDom';
import { legend } from './plotLegend';
import { FIGURE_COLORS } from './plotTheme';

/** A histogram figure's options: the figure's, and how to name A and B in the legend. */
export interface HistogramFigureOptions extends FigureOptions {
  readonly sides?: SideNames;
}

const MARGIN_LEFT = 52;

interface BinRow {
  readonly side: 'A' | 'B';
  readonly x1: number;
  readonly x2: number;
  readonly share: number;
  readonly tip: string;
}

/** The bars of one side: continuous attributes overlay A and B on the shared bins; binary ones put A and B side by side. */
function binRows(side: 'A' | 'B', histogram: Histogram, binary: boolean, unit: string): BinRow[] {
  const { edges, shares } = histogram;
  return shares.map((share, i) => {
    const [from, to] = [edges[i], edges[i + 1]];
    const range = binary ? (i === 0 ? 'no' : 'yes') : `${formatNumber(from)}–${formatNumber(to)}${unit ? ` ${unit}` : ''}`;
    const tip = `${side}: ${formatShare(share)} of images, ${range}`;
    if (!binary) return { side, x1: from, x2: to, share, tip };
    const mid = (from + to) / 2;
    return side === 'A' ? { side, x1: from + 0.04, x2: mid, share, tip } : { side, x1: mid, x2: to - 0.04, share, tip };
  });
}

/**
 * One attribute's distributions in A and B, as shares of each side's images per bin on the shared bin edges: two
 * translucent overlaid bar sets with each side's mean as a dashed rule; a binary attribute as a "no" and a "yes" pair of
 * bars. The x axis names the attribute and its unit; the legend names A and B.
 */
export function histogramFigure(comparison: AttributeComparison, options: HistogramFigureOptions): Figure {
  const binary = comparison.kind === 'binary';
  const rowsA = binRows('A', comparison.a.histogram, binary, comparison.unit);
  const rowsB = binRows('B', comparison.b.histogram, binary, comparison.unit);
  // Overlaid, A is a filled bar and B an outlined, lightly filled one, so both stay visible where they overlap.
  const bars = (rows: BinRow[], fill: string, outlined: boolean): Plot.Markish =>
    Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fill, fillOpacity: binary ? 0.85 : outlined ? 0.15 : 0.55, stroke: outlined && !binary ? fill : null, strokeWidth: 1.5, insetLeft: 0.5, insetRight: 0.5, title: 'tip' });
  const means = binary
    ? []
    : [
        Plot.ruleX([comparison.a.mean], { stroke: FIGURE_COLORS.a, strokeWidth: 1.5, strokeDasharray: '4,3' }),
        Plot.ruleX([comparison.b.mean], { stroke: FIGURE_COLORS.b, strokeWidth: 1.5, strokeDasharray: '4,3' }),
      ];
  const names = options.sides;
  const key = legend(
    [
      { label: names ? `A · ${names.a}` : 'A', color: FIGURE_COLORS.a },
      { label: names ? `B · ${names.b}` : 'B', color: FIGURE_COLORS.b },
    ],
    figureWidth(options) - MARGIN_LEFT,
  );
  const xLabel = withUnit(comparison.title, comparison.unit);
  return drawFigure('histogram', `${comparison.title}: distribution in A and B`, options, {
    height: 226 + key.marginTop,
    marginTop: key.marginTop,
    marginBottom: 38,
    marginLeft: MARGIN_LEFT,
    x: binary ? { label: xLabel, domain: [0, 1], ticks: [0.25, 0.75], tickFormat: (v: number) => (v < 0.5 ? 'no' : 'yes') } : { label: xLabel },
    y: { label: 'share of images (%)', labelAnchor: 'center', percent: true, grid: true },
    marks: [bars(rowsA, FIGURE_COLORS.a, false), bars(rowsB, FIGURE_COLORS.b, true), ...means, Plot.ruleY([0]), ...key.marks],
  });
}
