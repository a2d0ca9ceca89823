import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from 'linkedom';
import { REPORT_CSS } from '../../../src/core/report/reportStyles';
import { nodeFigureDocument } from '../../../src/node/report/distributionFigures';
import { decompositionFigure } from '../../../src/plots/decompositionFigure';
import { effectFigure } from '../../../src/plots/effectFigure';
import type { Figure } from '../../../src/plots/figureDom';
import { figureSize, standaloneSvg, svgMarkup } from '../../../src/plots/figureExport';
import { histogramFigure } from '../../../src/plots/histogramFigure';
import { matchingFigure } from '../../../src/plots/matchingFigure';
import { LEGEND_CLASS } from '../../../src/plots/plotLegend';
import { FIGURE_COLORS, PLOT_CLASS, PLOT_CSS } from '../../../src/plots/plotTheme';
import { sliceFigure } from '../../../src/plots/sliceFigure';
import { distRecordFixture, HOSTILE_TITLE } from '../../helpers/distRecordFixture';

const document = nodeFigureDocument();
const record = distRecordFixture();
const attribute = (name: string) => record.summary.attributes.find((c) => c.name === name)!;

/** Texts of the elements matching a selector. */
function texts(figure: Figure, selector: string): string[] {
  return Array.from(figure.querySelectorAll(selector) as ArrayLike<{ textContent: string }>).map((t) => t.textContent);
}

/** The marks group of a given aria-label ("rect", "bar", "dot" …), excluding the legend. */
function markElements(figure: Figure, group: string, element: string): number {
  const groups = Array.from(figure.querySelectorAll(`g[aria-label="${group}"]`) as ArrayLike<{ getAttribute(n: string): string | null; querySelectorAll(s: string): ArrayLike<unknown> }>);
  return groups.filter((g) => g.getAttribute('class') !== LEGEND_CLASS).reduce((n, g) => n + g.querySelectorAll(element).length, 0);
}

function assertPlain(figure: Figure, kind: string): void {
  assert.equal(figure.tagName.toLowerCase(), 'svg');
  assert.equal(figure.getAttribute('class'), PLOT_CLASS);
  assert.equal(figure.getAttribute('data-figure'), kind);
  assert.equal(figure.querySelectorAll('style').length, 0, 'no <style> element: a strict CSP would refuse it');
  assert.ok(!String(figure.outerHTML).includes('style="'), 'no style attribute when no theme is asked for');
}

describe('figures drawn in a Node DOM', () => {
  it('histogram: A and B overlaid on the shared bins, the unit on the axis, a legend naming A and B', () => {
    const yaw = attribute('yaw');
    const figure = histogramFigure(yaw, { document, sides: { a: 'synthetic', b: 'real-style' } });
    assertPlain(figure, 'histogram');
    assert.equal(markElements(figure, 'rect', 'rect'), yaw.a.histogram.shares.length * 2, 'one bar per bin and side');
    assert.ok(texts(figure, 'g[aria-label="x-axis label"] text').some((t) => t.includes('yaw (°)')));
    const legend = texts(figure, `g.${LEGEND_CLASS} text`);
    assert.deepEqual(legend, ['A · synthetic', 'B · real-style']);
    assert.equal(figure.querySelectorAll(`g.${LEGEND_CLASS} path`).length, 2, 'a swatch per side');
    const fills = Array.from(figure.querySelectorAll('g[aria-label="rect"]') as ArrayLike<{ getAttribute(n: string): string | null }>).map((g) => g.getAttribute('fill'));
    assert.deepEqual(fills, [FIGURE_COLORS.a, FIGURE_COLORS.b]);
  });

  it('wraps a legend that does not fit the figure onto a second row, and makes room for it', () => {
    const sides = { a: 'synthetic sample (120 images, labels)', b: 'real-style sample (120 images, labels)' };
    const rowsOf = (figure: Figure) => new Set(Array.from(figure.querySelectorAll(`g.${LEGEND_CLASS}[aria-label="text"]`) as ArrayLike<{ getAttribute(n: string): string | null }>).map((g) => /,\s*(-?[\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1])).size;
    const wide = histogramFigure(attribute('yaw'), { document, sides, width: 900 });
    const narrow = histogramFigure(attribute('yaw'), { document, sides, width: 420 });
    assert.equal(rowsOf(wide), 1);
    assert.equal(rowsOf(narrow), 2);
    assert.equal(figureSize(narrow).height - figureSize(wide).height, 15, 'one more legend row');
  });

  it('histogram of a binary attribute: a "no" and a "yes" pair of bars', () => {
    const figure = histogramFigure(attribute('presence:glasses'), { document });
    assert.equal(markElements(figure, 'rect', 'rect'), 4);
    assert.deepEqual(texts(figure, 'g[aria-label="x-axis tick label"] text'), ['no', 'yes']);
    assert.deepEqual(texts(figure, `g.${LEGEND_CLASS} text`).sort(), ['A', 'B']);
  });

  it('effect chart: one bar per attribute, largest effect first, B lower drawn left of zero', () => {
    const figure = effectFigure(record.summary.attributes, { document, limit: 5 });
    assertPlain(figure, 'effect');
    assert.equal(markElements(figure, 'bar', 'rect'), 5);
    assert.deepEqual(texts(figure, 'g[aria-label="y-axis tick label"] text'), ['yaw', 'face area', 'skin tone (ITA)', 'brightness', 'glasses']);
    const bars = Array.from(figure.querySelectorAll('g[aria-label="bar"] rect') as ArrayLike<{ getAttribute(n: string): string | null }>);
    const zero = Number(bars[0].getAttribute('x'));
    const lower = bars[2];
    assert.equal(lower.getAttribute('fill'), FIGURE_COLORS.a, 'skin tone: B lower, in A’s colour');
    assert.ok(Number(lower.getAttribute('x')) < zero, 'extends left of zero');
  });

  it('matching chart: before, after weighting and matched subset per attribute', () => {
    const matching = record.summary.matching!;
    const figure = matchingFigure(matching, { document });
    assertPlain(figure, 'matching');
    assert.equal(markElements(figure, 'bar', 'rect'), matching.distances.length * 3);
    assert.deepEqual(texts(figure, `g.${LEGEND_CLASS} text`), ['before', 'after weighting', 'matched subset']);
    assert.deepEqual(texts(figure, 'g[aria-label="fy-axis tick label"] text'), matching.distances.map((d) => d.name));
  });

  it('slice chart: the training share per bin as bars, the mean score as dots where the bin has images', () => {
    const slice = record.slices![0];
    const figure = sliceFigure(slice, { document });
    assertPlain(figure, 'slice');
    assert.equal(markElements(figure, 'rect', 'rect'), slice.bins.length);
    assert.equal(markElements(figure, 'dot', 'circle'), slice.bins.filter((b) => b.meanScore !== null).length);
    assert.ok(texts(figure, 'g[aria-label="x-axis label"] text').some((t) => t.includes('yaw (°)')));
    const shareTicks = texts(figure, 'g[aria-label="y-axis tick label"] text').filter((t) => t.endsWith('%'));
    assert.deepEqual(shareTicks, ['0%', '20%', '40%', '60%', '80%', '100%'], 'the share axis reaches past the largest share, 88%');
  });

  it('decomposition chart: one stacked segment per measured part and a tick at the total', () => {
    const d = record.decomposition!;
    const figure = decompositionFigure(d, { document });
    assertPlain(figure, 'decomposition');
    assert.equal(markElements(figure, 'bar', 'rect'), 3);
    assert.equal(figure.querySelectorAll('g[aria-label="tick"] line').length, 1);
    const partial = decompositionFigure({ ...d, total: null, parts: d.parts.map((p) => (p.name === 'label' ? { ...p, value: null, share: null } : p)) }, { document });
    assert.equal(markElements(partial, 'bar', 'rect'), 2);
    assert.ok(texts(partial, `g.${LEGEND_CLASS} text`).includes('label not measured'));
  });

  it('keeps a hostile attribute title and side name as text', () => {
    const hostile = distRecordFixture({ hostile: true });
    const figures = [
      histogramFigure(hostile.summary.attributes[0], { document, sides: { a: 'A', b: hostile.b.description } }),
      effectFigure(hostile.summary.attributes, { document }),
    ];
    for (const figure of figures) {
      const markup = svgMarkup(figure);
      assert.ok(!markup.includes('<img'), markup.slice(0, 300));
      assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.equal(figure.querySelectorAll('img').length, 0);
    }
    assert.equal(texts(figures[0], 'g[aria-label="x-axis label"] text')[0], `yaw ${HOSTILE_TITLE} (°) →`, 'the text node holds the title verbatim');
  });

  it('sets the theme colour through the style object when a theme is asked for', () => {
    const figure = histogramFigure(attribute('yaw'), { document, theme: 'dark' });
    assert.match(String(figure.getAttribute('style')), /color:\s*#e6e6e6/);
  });
});

describe('figure export', () => {
  it('makes a standalone SVG file: namespace, size, inlined styles, background; the figure itself is unchanged', () => {
    const figure = effectFigure(record.summary.attributes, { document });
    const before = String(figure.outerHTML);
    const text = standaloneSvg(figure, { theme: 'dark' });
    assert.equal(String(figure.outerHTML), before);
    assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg'));
    const svg = new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml').documentElement;
    assert.equal(svg.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
    assert.equal(Number(svg.getAttribute('width')), figureSize(figure).width);
    assert.match(svg.querySelector('style')!.textContent!, /white-space: pre/);
    assert.equal(svg.querySelector('rect')!.getAttribute('fill'), '#1e1e1e');
    assert.match(svg.getAttribute('style')!, /#e6e6e6/);
    assert.ok(!standaloneSvg(figure, { theme: 'light', background: 'none' }).includes('height="100%"'), 'no background rectangle when transparent');
  });

  it('escapes every text and attribute value the XML way: ampersands, quotes, non-breaking spaces', () => {
    const titled = { ...attribute('yaw'), title: 'yaw\u00a0& "angle"' };
    const text = standaloneSvg(histogramFigure(titled, { document }), { theme: 'light' });
    assert.ok(!text.includes('&nbsp;'));
    assert.ok(text.includes('aria-label="yaw&#160;&amp; &quot;angle&quot;: distribution in A and B"'), text.slice(0, 400));
    assert.ok(text.includes('>yaw&#160;&amp; "angle" (°)') || text.includes('>yaw&#160;&amp; &quot;angle&quot; (°)'));
  });
});

describe('figure styles and colours', () => {
  const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();

  it('ships the rules of the <style> element Plot would add in the webview stylesheet and the report', () => {
    const sheet = fs.readFileSync(path.join(__dirname, '../../../webview/shared/plots.css'), 'utf8');
    assert.equal(rules(sheet), rules(PLOT_CSS));
    assert.ok(rules(REPORT_CSS.value).includes(rules(PLOT_CSS)));
  });

  it('draws marks in colours with at least 3:1 contrast on light and dark backgrounds', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (x: string, y: string) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const color of Object.values(FIGURE_COLORS)) {
      for (const background of ['#ffffff', '#1e1e1e', '#0d1117', '#1f1f1f']) assert.ok(contrast(color, background) >= 3, `${color} on ${background}: ${contrast(color, background).toFixed(2)}`);
    }
  });
});
