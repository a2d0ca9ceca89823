import { rawHtml, type SafeHtml } from './htmlEscape';

/** The report's whole stylesheet: system fonts only, light and dark through prefers-color-scheme. */
export const REPORT_CSS: SafeHtml = rawHtml(`
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --bad: #cf222e; --good: #1a7f37; --note-bg: #fff8c5; --note-line: #d4a72c; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --bad: #ff7b72; --good: #3fb950; --note-bg: #2e2a1a; --note-line: #9e6a03; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin-top: 1.5em; } code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.neg { color: var(--bad); font-weight: 600; } .pos { color: var(--good); font-weight: 600; }
.tolerant { margin: 4px 0; font-weight: 600; }
.key { font-size: 1.15em; padding: 10px 14px; background: var(--panel); border-left: 4px solid var(--bad); margin: 12px 0; }
.note { background: var(--note-bg); border-left: 4px solid var(--note-line); padding: 6px 10px; margin: 6px 0; overflow-wrap: anywhere; }
.facts th { width: 12em; background: var(--panel); } .facts td { overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
.classname { color: var(--muted); font-size: 0.9em; }
table.heatmap { font-size: 11px; } table.heatmap td.cell { width: 26px; min-width: 26px; height: 22px; padding: 0; text-align: center; vertical-align: middle; }
table.heatmap th.col { vertical-align: bottom; padding: 4px 2px; } table.heatmap th.col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
table.heatmap th.corner { font-weight: normal; color: var(--muted); vertical-align: bottom; }
table.heatmap caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px; background: var(--panel); max-width: 100%; }
.card h4 { margin: 0 0 6px; font-size: 1em; overflow-wrap: anywhere; }
.thumbs { display: flex; gap: 8px; flex-wrap: wrap; }
figure { margin: 0; } figcaption { font-size: 0.85em; color: var(--muted); text-align: center; }
figure img { display: block; image-rendering: pixelated; border: 1px solid var(--line); }
details summary { cursor: pointer; color: var(--muted); }
ul.protocol li { margin: 2px 0; }
ol.findings li { margin: 3px 0; }
/* Figures of the distribution-gap section: inline SVG drawn with Observable Plot, text and axes in currentColor. */
.facegap-plot { display: block; height: auto; max-width: 100%; }
.facegap-plot text, .facegap-plot tspan { white-space: pre; }
figure.plot { margin: 10px 0; max-width: 760px; } figure.plot figcaption { text-align: left; margin-top: 4px; }
.plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 12px 20px; }
.plots figure.plot { margin: 0; max-width: 500px; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.9em; }
`);
