import { distributionGapHtml } from './distributionGapSection';
import { html, type SafeHtml } from './htmlEscape';
import { labelGapHtml } from './labelGapSection';
import type { ReportModel, ThumbnailSet } from './reportModel';
import { REPORT_CSS } from './reportStyles';
import { runDetailsHtml, runDiagnosticsHtml } from './runSections';
import { classTableHtml, headlineTableHtml } from './summaryTables';

/** Allows nothing but inline styles and embedded pictures: the report never loads anything from anywhere. */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The whole report as one self-contained HTML page; thumbnails[i] holds run i's pictures by image id. */
export function renderReportHtml(model: ReportModel, thumbnails: ReadonlyArray<ReadonlyMap<string, ThumbnailSet>> = []): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${`FaceGap ${model.version}`}">
<title>${model.title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${model.title}</h1><p class="meta">Generated ${model.generatedAt} by FaceGap ${model.version} from ${model.runs.length} run(s).</p></header>
<h2>Headline</h2>
${headlineTableHtml(model.headline, model.deltas)}
<h2>Runs</h2>
${model.runs.map(runDetailsHtml)}
<h2>Per-class scores</h2>
${classTableHtml(model.classes, model.runs)}
<h2>Confusions and worst images</h2>
${model.runs.map((run, i) => runDiagnosticsHtml(run, thumbnails[i] ?? new Map()))}
${labelGapHtml(model.labelGaps ?? [])}
${distributionGapHtml(model.distributionGaps ?? [])}
${footer((model.distributionGaps ?? []).length > 0)}
</body>
</html>
`;
  return page.value;
}

function footer(distributions: boolean): SafeHtml {
  const dist = distributions ? html` The distribution-gap section shows each folder's dist.json as written by <code>facegap dist</code>; its figures are drawn from those numbers.` : html``;
  return html`<footer>Scores come from each run's run.json, images.jsonl and confusion.json as written by <code>facegap eval</code>; the changes (Δ) are differences of those numbers; a run.json written before the boundary band's share was recorded gets it from its stored strict and tolerant scores. Nothing else is recomputed.${dist}</footer>`;
}
