// A test page for the figures (src/plots) under the webview CSP: built by test/webview/plots.test.ts, never shipped.
import '../../../webview/shared/theme.css';
import '../../../webview/shared/page.css';
import '../../../webview/shared/plots.css';
import * as Plot from '@observablehq/plot';
import { decompositionFigure } from '../../../src/plots/decompositionFigure';
import { effectFigure } from '../../../src/plots/effectFigure';
import type { Figure } from '../../../src/plots/figureDom';
import { standaloneSvg } from '../../../src/plots/figureExport';
import { histogramFigure } from '../../../src/plots/histogramFigure';
import { matchingFigure } from '../../../src/plots/matchingFigure';
import { sliceFigure } from '../../../src/plots/sliceFigure';
import { figurePngBlob, figurePngDataUrl } from '../../../webview/shared/figureExport';
import { distRecordFixture } from '../../helpers/distRecordFixture';

/** What the test reads back from the page. */
interface PlotsPage {
  readonly violations: string[];
  exportCheck(): Promise<{ pngWidth: number; pngHeight: number; blobType: string; blobBytes: number; svgStart: string }>;
  appendPlainPlot(): void;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));

const record = distRecordFixture({ hostile: true });
const sides = { a: record.a.description, b: record.b.description };
const figures: Figure[] = [
  effectFigure(record.summary.attributes, { document }),
  ...record.summary.attributes.slice(0, 3).map((c) => histogramFigure(c, { document, sides })),
  matchingFigure(record.summary.matching!, { document }),
  ...record.slices!.map((s) => sliceFigure(s, { document })),
  decompositionFigure(record.decomposition!, { document }),
];
const app = document.getElementById('app')!;
app.append(...figures);

const page: PlotsPage = {
  violations,
  async exportCheck() {
    const figure = figures[0];
    // An SVG that is not well-formed XML fails to decode as an image, so the PNG proves the standalone SVG too. (A
    // DOMParser here would report its document's inline styles to this page's CSP.)
    const image = new Image();
    image.src = await figurePngDataUrl(figure, { theme: 'dark' });
    await image.decode();
    const blob = await figurePngBlob(figure, { theme: 'light', scale: 1 });
    return {
      pngWidth: image.naturalWidth,
      pngHeight: image.naturalHeight,
      blobType: blob.type,
      blobBytes: blob.size,
      svgStart: standaloneSvg(figure, { theme: 'light' }).slice(0, 44),
    };
  },
  // The negative control: Plot's own output carries a <style> element, which this CSP refuses.
  appendPlainPlot() {
    app.append(Plot.plot({ document, marks: [Plot.barY([1, 2, 3])] }));
  },
};
(window as unknown as { __plots: PlotsPage }).__plots = page;
app.setAttribute('aria-busy', 'false');
