import type { AttributeComparison, FigureFormat, GapDecompositionRecord, MatchingResult, SliceRecord } from '../../src/protocol/distributionPanelMessages';
import { decompositionFigure } from '../../src/plots/decompositionFigure';
import { effectFigure } from '../../src/plots/effectFigure';
import type { Figure, SideNames } from '../../src/plots/figureDom';
import { standaloneSvg } from '../../src/plots/figureExport';
import type { PlotTheme } from '../../src/plots/plotTheme';
import { figurePngDataUrl } from '../shared/figureExport';
import { histogramFigure } from '../../src/plots/histogramFigure';
import { matchingFigure } from '../../src/plots/matchingFigure';
import { sliceFigure } from '../../src/plots/sliceFigure';

/** The panel's figures, drawn in the page's document with the page's text colour (so they follow the theme). */
export interface DistFigures {
  histogram(comparison: AttributeComparison, sides: SideNames): Element;
  effects(comparisons: readonly AttributeComparison[]): Element;
  matching(matching: MatchingResult): Element;
  slice(slice: SliceRecord): Element;
  decomposition(decomposition: GapDecompositionRecord): Element;
}

/** The figures of the plots module, drawn in this page. */
export function distFigures(): DistFigures {
  const options = { document };
  return {
    histogram: (comparison, sides) => histogramFigure(comparison, { ...options, sides }),
    effects: (comparisons) => effectFigure(comparisons, options),
    matching: (matching) => matchingFigure(matching, options),
    slice: (slice) => sliceFigure(slice, options),
    decomposition: (decomposition) => decompositionFigure(decomposition, options),
  };
}

/** A drawn figure as the host saves it: a standalone SVG document, or a PNG data: URL, in the editor's theme. */
export async function encodeFigure(figure: Element, format: FigureFormat): Promise<string> {
  const svg = (figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg')) as Figure | null;
  if (!svg) throw new Error('the figure has no <svg> to export');
  const theme = editorTheme();
  return format === 'svg' ? standaloneSvg(svg, { theme }) : figurePngDataUrl(svg, { theme });
}

/** The editor's theme, from the class VS Code gives a webview's body; outside VS Code, the browser's preference. */
function editorTheme(): PlotTheme {
  const classes = document.body.classList;
  if (classes.contains('vscode-light') || classes.contains('vscode-high-contrast-light')) return 'light';
  if (classes.contains('vscode-dark') || classes.contains('vscode-high-contrast')) return 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
