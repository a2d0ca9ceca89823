import { parseHTML } from 'linkedom';
import type { DistRecord } from '../../core/distribution/distTypes';
import type { DistributionFigureMarkup } from '../../core/report/distributionGapSection';
import { decompositionFigure } from '../../plots/decompositionFigure';
import { effectFigure } from '../../plots/effectFigure';
import type { Figure, FigureDocument } from '../../plots/figureDom';
import { svgMarkup } from '../../plots/figureExport';
import { histogramFigure } from '../../plots/histogramFigure';
import { matchingFigure } from '../../plots/matchingFigure';
import { sliceFigure } from '../../plots/sliceFigure';

/** How many attributes get a histogram in the report: those with the largest effects. */
export const REPORT_HISTOGRAMS = 8;

/** Width of the figures the report lays out two to a row (histograms, slices), so their text is not scaled down. */
const GRID_FIGURE_WIDTH = 500;

/** A DOM document to draw figures in, outside a browser. */
export function nodeFigureDocument(): FigureDocument {
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document;
}

/** A figure's markup for inline use in an HTML page, every text and attribute value escaped. */
function markup(figure: Figure): string {
  return svgMarkup(figure);
}

/** Draws a distribution comparison's figures for the HTML report, in a Node DOM, as inline SVG markup. */
export function distributionFigureMarkup(record: DistRecord, histograms = REPORT_HISTOGRAMS): DistributionFigureMarkup {
  const document = nodeFigureDocument();
  const { attributes, matching } = record.summary;
  const sides = { a: record.a.description, b: record.b.description };
  const top = [...attributes].sort((p, q) => q.effect - p.effect).slice(0, histograms);
  return {
    effect: attributes.length > 0 ? markup(effectFigure(attributes, { document })) : undefined,
    histograms: top.map((c) => ({ name: c.name, svg: markup(histogramFigure(c, { document, sides, width: GRID_FIGURE_WIDTH })) })),
    matching: matching && matching.distances.length > 0 ? markup(matchingFigure(matching, { document })) : undefined,
    slices: (record.slices ?? []).map((s) => ({ attribute: s.attribute, svg: markup(sliceFigure(s, { document, width: GRID_FIGURE_WIDTH })) })),
    decomposition: record.decomposition ? markup(decompositionFigure(record.decomposition, { document })) : undefined,
  };
}
