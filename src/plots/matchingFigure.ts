import * as Plot from '@observablehq/plot';
import type { MatchingResult } from '../core/distribution/distTypes';
import { clip, drawFigure, figureWidth, formatNumber, type Figure, type FigureOptions } from './figureDom';
import { legend } from './plotLegend';
import { FIGURE_COLORS } from './plotTheme';

/** A matching chart's options: the figure's, and how many attributes to show (default 12, in the result's order). */
export interface MatchingFigureOptions extends FigureOptions {
  readonly limit?: number;
}

type Stage = 'before' | 'after weighting' | 'matched subset';

interface StageRow {
  readonly name: string;
  readonly stage: Stage;
  readonly relative: number;
  readonly tip: string;
}

const STAGES: ReadonlyArray<{ readonly stage: Stage; readonly color: string; readonly key: 'before' | 'weighted' | 'subset' }> = [
  { stage: 'before', color: FIGURE_COLORS.muted, key: 'before' },
  { stage: 'after weighting', color: FIGURE_COLORS.a, key: 'weighted' },
  { stage: 'matched subset', color: FIGURE_COLORS.third, key: 'subset' },
];
const FACET_HEIGHT = 36;
const MAX_TICK_LABEL = 30;

function stageRows(d: MatchingResult['distances'][number]): StageRow[] {
  return STAGES.map(({ stage, key }) => ({
    name: d.name,
    stage,
    relative: d.before > 0 ? d[key] / d.before : 0,
    tip: `${d.name}, ${stage}: ${d.metric} ${formatNumber(d[key])}${d.before > 0 ? ` (${Math.round((100 * d[key]) / d.before)}% of before)` : ''}`,
  }));
}

/**
 * Distribution matching per attribute: its distance to B before matching, after importance weighting and in the
 * matched subset of A, as grouped horizontal bars. Distances are drawn as a share of the distance before, so attributes
 * with different metrics and units share one axis; the tooltips give the distances themselves.
 */
export function matchingFigure(matching: MatchingResult, options: MatchingFigureOptions): Figure {
  const distances = matching.distances.slice(0, options.limit ?? 12);
  const rows = distances.flatMap(stageRows);
  const longest = Math.max(8, ...distances.map((d) => Math.min(MAX_TICK_LABEL, d.name.length)));
  const marginLeft = Math.min(200, 14 + 6 * longest);
  const key = legend(
    STAGES.map((s) => ({ label: s.stage, color: s.color })),
    figureWidth(options) - marginLeft,
    { faceted: true },
  );
  return drawFigure('matching', 'distance to B per attribute: before, after weighting, in the matched subset', options, {
    height: key.marginTop + 40 + FACET_HEIGHT * Math.max(1, distances.length),
    marginTop: key.marginTop,
    marginLeft,
    marginBottom: 36,
    fy: { domain: distances.map((d) => d.name), label: null, tickFormat: (name: string) => clip(name, MAX_TICK_LABEL), padding: 0.15 },
    y: { domain: STAGES.map((s) => s.stage), axis: null },
    x: { label: 'distance to B (% of the distance before matching)', labelAnchor: 'center', percent: true, grid: true },
    color: { domain: STAGES.map((s) => s.stage), range: STAGES.map((s) => s.color) },
    marks: [
      Plot.barX(rows, { fy: 'name', y: 'stage', x: 'relative', fill: 'stage', title: 'tip' }),
      Plot.ruleX([0]),
      ...key.marks,
    ],
  });
}
