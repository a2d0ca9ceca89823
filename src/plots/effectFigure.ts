import * as Plot from '@observablehq/plot';
import type { AttributeComparison } from '../core/distribution/distTypes';
import { clip, drawFigure, figureWidth, formatNumber, type Figure, type FigureOptions } from './figureDom';
import { legend } from './plotLegend';
import { FIGURE_COLORS } from './plotTheme';

/** An effect chart's options: the figure's, and how many attributes to show (default 20, the largest). */
export interface EffectFigureOptions extends FigureOptions {
  readonly limit?: number;
}

interface EffectRow {
  readonly name: string;
  readonly signed: number;
  readonly color: string;
  readonly tip: string;
}

const ROW_HEIGHT = 20;
const MAX_TICK_LABEL = 34;

function effectRow(c: AttributeComparison): EffectRow {
  const signed = c.direction === 'lower' ? -c.effect : c.direction === 'higher' ? c.effect : 0;
  const color = c.direction === 'higher' ? FIGURE_COLORS.b : c.direction === 'lower' ? FIGURE_COLORS.a : FIGURE_COLORS.muted;
  const tip = `${c.title}: effect ${formatNumber(c.effect)} (B ${c.direction === 'same' ? 'about the same as' : `${c.direction} than`} A); ${c.metric} ${formatNumber(c.distance)}`;
  return { name: c.name, signed, color, tip };
}

/**
 * The attributes sorted by effect size, largest at the top, as horizontal bars from zero: to the right where B is
 * higher than A (B's colour), to the left where B is lower (A's colour). Effects are on a common scale (W1 over the
 * pooled SD, Cohen's h for binary attributes), so bars compare across attributes.
 */
export function effectFigure(comparisons: readonly AttributeComparison[], options: EffectFigureOptions): Figure {
  const shown = [...comparisons].sort((p, q) => q.effect - p.effect).slice(0, options.limit ?? 20);
  const rows = shown.map(effectRow);
  const titles = new Map(shown.map((c) => [c.name, c.title]));
  const longest = Math.max(8, ...shown.map((c) => Math.min(MAX_TICK_LABEL, c.title.length)));
  const marginLeft = Math.min(230, 12 + 6 * longest);
  const key = legend(
    [
      { label: 'B higher than A', color: FIGURE_COLORS.b },
      { label: 'B lower than A', color: FIGURE_COLORS.a },
    ],
    figureWidth(options) - marginLeft,
  );
  return drawFigure('effect', 'attributes by effect size, B against A', options, {
    height: key.marginTop + 40 + ROW_HEIGHT * Math.max(1, rows.length),
    marginTop: key.marginTop,
    marginLeft,
    marginBottom: 36,
    y: { domain: rows.map((r) => r.name), label: null, tickFormat: (name: string) => clip(titles.get(name) ?? name, MAX_TICK_LABEL) },
    x: { label: 'effect size (B against A)', labelAnchor: 'center', grid: true },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'signed', fill: (r: EffectRow) => r.color, title: 'tip', insetTop: 2, insetBottom: 2 }),
      Plot.ruleX([0]),
      ...key.marks,
    ],
  });
}
