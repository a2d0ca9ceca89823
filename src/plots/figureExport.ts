import type { Figure } from './figureDom';
import { PLOT_CLASS, PLOT_CSS, themeColors, type PlotTheme } from './plotTheme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** How an exported figure looks on its own, away from the page that showed it. */
export interface StandaloneSvgOptions {
  /** Its text and axis colour, and its background unless `background` is given. */
  readonly theme: PlotTheme;
  /** A CSS colour, or "none" for a transparent background. */
  readonly background?: string;
}

/** The parts of a DOM node the serialiser reads; browser nodes and linkedom's both have them. */
interface MarkupNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly localName?: string;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly childNodes: ArrayLike<MarkupNode>;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&#160;' };
const escapeMarkup = (text: string): string => text.replace(/[&<>"\u00a0]/g, (c) => ESCAPES[c]);

/**
 * A figure's markup, the same in a browser and in linkedom, and valid both as XML (a .svg file) and inline in HTML:
 * every text and attribute value escaped (linkedom leaves "&" in attributes as it is), empty elements self-closed.
 */
export function svgMarkup(node: MarkupNode): string {
  if (node.nodeType === 3) return escapeMarkup(node.nodeValue ?? '');
  if (node.nodeType !== 1 || !node.localName) return '';
  const attributes = Array.from(node.attributes ?? [], (a) => ` ${a.name}="${escapeMarkup(a.value)}"`).join('');
  const children = Array.from(node.childNodes, svgMarkup).join('');
  return children ? `<${node.localName}${attributes}>${children}</${node.localName}>` : `<${node.localName}${attributes}/>`;
}

/** A figure's size in CSS pixels (its width and height attributes; Plot always sets both). */
export function figureSize(figure: Figure): { readonly width: number; readonly height: number } {
  return { width: Number(figure.getAttribute('width')) || 640, height: Number(figure.getAttribute('height')) || 400 };
}

/**
 * The figure as the text of a standalone .svg file: the SVG namespace, its width and height, its styles inlined (the
 * rules a page's stylesheet gave it, and the theme's text colour for currentColor) and a background rectangle. The
 * figure on the page is left as it was. Works on a browser DOM and on linkedom.
 */
export function standaloneSvg(figure: Figure, options: StandaloneSvgOptions): string {
  const colors = themeColors(options.theme);
  const background = options.background ?? colors.background;
  const { width, height } = figureSize(figure);
  const clone = figure.cloneNode(true) as Figure;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.color = colors.foreground;
  const doc = figure.ownerDocument;
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = `${PLOT_CSS}\n.${PLOT_CLASS} { font-family: ${FONT}; }`;
  const first = clone.firstChild;
  clone.insertBefore(style, first);
  if (background !== 'none') {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    for (const [name, value] of [['width', '100%'], ['height', '100%'], ['fill', background]]) rect.setAttribute(name, value);
    clone.insertBefore(rect, first);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(clone)}\n`;
}

/** An SVG file's text as a data: URL, for an <img> (a webview's CSP allows data: images) or a download link. */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}
