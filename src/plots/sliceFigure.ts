import * as Plot from '@observablehq/plot';
import type { SliceRecord } from '../core/distribution/distTypes';
import { drawFigure, figureWidth, formatNumber, formatShare, withUnit, type Figure, type FigureOptions } from './figureDom';
import { legend } from './plotLegend';
import { FIGURE_COLORS } from './plotTheme';

/** A slice chart's options: the figure's, and what the score is called on its axis (default "mean score"). */
export interface SliceFigureOptions extends FigureOptions {
  readonly scoreLabel?: string;
}

const MARGIN_LEFT = 52;

type Bin = SliceRecord['bins'][number];

interface SliceRow {
  readonly x1: number;
  readonly x2: number;
  readonly mid: number;
  /** The training share drawn on the score axis (0–1): scaled so the share axis' top is the score axis' top. */
  readonly bar: number;
  readonly score: number | null;
  readonly tip: string;
}

/** The share axis: round ticks from 0 to the first tick at or above the largest share, which is the axis' top. */
function shareAxis(max: number): { ticks: number[]; top: number } {
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1].find((s) => max / s <= 5) ?? 1;
  const steps = Math.ceil(max / step - 1e-9);
  return { ticks: Array.from({ length: steps + 1 }, (_, i) => i * step), top: steps * step };
}

function sliceRow(bin: Bin, scale: number, slice: SliceRecord): SliceRow {
  const range = slice.kind === 'binary' ? (bin.from < 0.5 ? 'no' : 'yes') : `${formatNumber(bin.from)}–${formatNumber(bin.to)}${slice.unit ? ` ${slice.unit}` : ''}`;
  const score = bin.meanScore === null ? 'no images' : `mean score ${bin.meanScore.toFixed(3)} over ${bin.count} image(s)`;
  return {
    x1: bin.from,
    x2: bin.to,
    mid: (bin.from + bin.to) / 2,
    bar: bin.trainShare * scale,
    score: bin.meanScore,
    tip: `${range}: ${score}; training set ${formatShare(bin.trainShare)} of images`,
  };
}

/**
 * A run's score by slice of one attribute: the run's mean score per bin as dots joined by a line (left axis), over the
 * training set's share of images per bin as bars (right axis), so a low score where the training data is thin shows.
 */
export function sliceFigure(slice: SliceRecord, options: SliceFigureOptions): Figure {
  const maxShare = Math.max(0.01, ...slice.bins.map((b) => b.trainShare));
  const { ticks, top } = shareAxis(maxShare);
  const rows = slice.bins.map((bin) => sliceRow(bin, 1 / top, slice));
  const scored = rows.filter((r) => r.score !== null);
  const binary = slice.kind === 'binary';
  const scoreLabel = options.scoreLabel ?? 'mean score';
  const key = legend(
    [
      { label: `${scoreLabel} (left)`, color: FIGURE_COLORS.b, symbol: 'circle' },
      { label: "training set's share (right)", color: FIGURE_COLORS.muted },
    ],
    figureWidth(options) - MARGIN_LEFT,
  );
  return drawFigure('slice', `${scoreLabel} by ${slice.title}, over the training set's distribution`, options, {
    height: 226 + key.marginTop,
    marginTop: key.marginTop,
    marginLeft: MARGIN_LEFT,
    marginRight: 48,
    marginBottom: 38,
    x: binary ? { label: slice.title, domain: [0, 1], ticks: [0.25, 0.75], tickFormat: (v: number) => (v < 0.5 ? 'no' : 'yes') } : { label: withUnit(slice.title, slice.unit) },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'bar', fill: FIGURE_COLORS.muted, fillOpacity: 0.45, insetLeft: 1, insetRight: 1, title: 'tip' }),
      Plot.gridY(),
      Plot.axisY({ anchor: 'left', label: scoreLabel, labelAnchor: 'center', labelArrow: 'none' }),
      Plot.axisY(ticks, { anchor: 'right', y: (t: number) => t / top, tickFormat: (t: number) => `${Math.round(100 * t)}%`, label: null }),
      Plot.lineY(rows, { x: 'mid', y: 'score', stroke: FIGURE_COLORS.b, strokeWidth: 2 }),
      Plot.dot(scored, { x: 'mid', y: 'score', fill: FIGURE_COLORS.b, r: 4, title: 'tip' }),
      Plot.ruleY([0]),
      ...key.marks,
    ],
  });
}
