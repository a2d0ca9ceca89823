import * as Plot from '@observablehq/plot';
import { PLOT_CLASS, themeColors, type PlotTheme } from './plotTheme';

/**
 * A DOM document to draw in: the page's `document` in a webview, linkedom's `parseHTML(…).document` in Node. Typed from
 * Plot's own declarations, so it is the DOM's Document where the DOM library is loaded (the webviews) and loose in Node.
 */
export type FigureDocument = NonNullable<Plot.PlotOptions['document']>;

/** A drawn figure: the <svg> element Plot made, with the class PLOT_CLASS and no <style> element of its own. */
export type Figure = Extract<ReturnType<typeof Plot.plot>, { readonly viewBox: unknown }>;

/** What every figure function takes besides its data. */
export interface FigureOptions {
  readonly document: FigureDocument;
  /** Draws text and axes in this theme's colour; absent, they use currentColor, the text colour of the page around. */
  readonly theme?: PlotTheme;
  /** Width in CSS pixels (default 640); the figure shrinks to fit a narrower container. */
  readonly width?: number;
}

/** How A and B are named in legends, e.g. "A · synthetic sample". */
export interface SideNames {
  readonly a: string;
  readonly b: string;
}

/** Which figure an <svg> is, in its data-figure attribute. */
export type FigureKind = 'histogram' | 'effect' | 'matching' | 'slice' | 'decomposition';

const DEFAULT_WIDTH = 640;

/** The width a figure is drawn at. */
export function figureWidth(options: FigureOptions): number {
  return options.width ?? DEFAULT_WIDTH;
}

/**
 * Draws a Plot figure the FaceGap way: our class name, an aria-label, the theme's text colour when one is given (set
 * through the style object, which a strict CSP allows), and without the <style> element Plot adds (a strict CSP refuses
 * it; PLOT_CSS carries its rules instead).
 */
export function drawFigure(kind: FigureKind, label: string, options: FigureOptions, spec: Plot.PlotOptions): Figure {
  const figure = Plot.plot({
    width: figureWidth(options),
    ...spec,
    document: options.document,
    className: PLOT_CLASS,
    ariaLabel: label,
    figure: false,
    style: options.theme ? { color: themeColors(options.theme).foreground } : undefined,
  }) as Figure;
  const styles: ArrayLike<{ remove(): void }> = figure.querySelectorAll('style');
  for (const style of Array.from(styles)) style.remove();
  figure.setAttribute('data-figure', kind);
  return figure;
}

/** An axis label with the unit in brackets when there is one: "yaw (°)", "brightness". */
export function withUnit(title: string, unit: string): string {
  return unit ? `${title} (${unit})` : title;
}

/** Text cut to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A number for tooltips: three significant digits (whole above 1000), a real minus sign. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const text =
    abs === 0 ? '0' : abs >= 1e6 || abs < 0.001 ? abs.toExponential(2) : abs >= 1000 ? Math.round(abs).toString() : abs.toPrecision(3).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return value < 0 ? `\u2212${text}` : text;
}

/** A share 0–1 as a percentage for tooltips: "12.5%". */
export function formatShare(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}
