/** A page background a figure is drawn for, when it is not inheriting the page's text colour. */
export type PlotTheme = 'light' | 'dark';

/** The class every FaceGap figure's <svg> carries (Plot's className option); PLOT_CSS styles it. */
export const PLOT_CLASS = 'facegap-plot';

/**
 * Mark colours that keep at least 3:1 contrast on white and on dark editor backgrounds (#1e1e1e, #0d1117), so one
 * figure reads in both themes; axes and text use currentColor, the page's text colour.
 */
export const FIGURE_COLORS = {
  /** Dataset A, and what A stands for: the distribution part of a gap, the weighted stage of matching. */
  a: '#3987e5',
  /** Dataset B, and the label part of a gap. */
  b: '#d9730d',
  /** A third series: the photorealism part of a gap, the matched subset. */
  third: '#a070e0',
  /** Context drawn behind data: distances before matching, a training set's share per bin. */
  muted: '#8c8c8c',
} as const;

/** Text and background colours of a theme, for figures exported or shown outside a themed page. */
export function themeColors(theme: PlotTheme): { readonly foreground: string; readonly background: string } {
  return theme === 'dark' ? { foreground: '#e6e6e6', background: '#1e1e1e' } : { foreground: '#1f2328', background: '#ffffff' };
}

/**
 * The rules Plot would put in a <style> element of its own, which a strict CSP (no inline styles) refuses: FaceGap
 * removes that element and ships these rules in a stylesheet instead (webview/shared/plots.css, the report's styles).
 */
export const PLOT_CSS = `.${PLOT_CLASS} { display: block; height: auto; max-width: 100%; }
.${PLOT_CLASS} text, .${PLOT_CLASS} tspan { white-space: pre; }`;
