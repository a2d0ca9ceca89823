import { shareSentence, wholePercent } from '../../core/eval/boundaryShare';
import type { EvalSummary, PerClassRow } from '../../core/eval/evalReport';
import type { TerminalOutput } from '../terminalOutput';
import { percent, score, table } from '../terminalOutput';

/** Prints an evaluation summary as text: headline, per-class table, groups, skipped files, protocol. */
export function printEvalSummary(summary: EvalSummary, runDir: string, output: TerminalOutput): void {
  output.out(`${summary.status === 'complete' ? 'Evaluated' : 'Interrupted after'} ${summary.images} image(s); ${summary.counts.reused} reused from an earlier run, ${summary.counts.skipped} skipped`);
  if (summary.executionProvider) output.out(`execution provider: ${summary.executionProvider}`);
  output.out('');
  printHeadline(summary, output);
  output.out('');
  for (const line of classTable(summary)) output.out(line);
  for (const g of summary.groups) {
    output.out(g.present ? `group ${g.name}: F1 ${score(g.score.f1)}, IoU ${score(g.score.iou)}` : `group ${g.name}: not in this schema`);
  }
  if (summary.otherPredictionPixels > 0) {
    output.out(`${percent(summary.otherPredictionPixels / Math.max(1, summary.scoredPixels), 2)} of scored pixels were predicted as a class with no counterpart (counted wrong)`);
  }
  if (summary.skipped.length > 0) {
    output.out('');
    output.out(`skipped ${summary.skipped.length}:`);
    for (const s of summary.skipped) output.out(`  ${s.file}: ${s.reason}`);
  }
  output.out('');
  output.out('protocol:');
  for (const sentence of summary.protocol) output.out(`  - ${sentence}`);
  output.out('');
  output.out(`run folder: ${runDir}`);
}

/** Pooled and per-image scores; with --boundary also the tolerant scores and the band's share of each error. */
function printHeadline(summary: EvalSummary, output: TerminalOutput): void {
  const avg = summary.perImageAverage;
  const t = summary.tolerant;
  const rows: Array<[string, number | null, number | null, 'pixelAccuracy' | 'meanF1' | 'mIoU']> = [
    ['pixel accuracy', summary.pixelAccuracy, avg.pixelAccuracy.mean, 'pixelAccuracy'],
    ['mean F1 (fg)', summary.meanF1, avg.meanF1.mean, 'meanF1'],
    ['mIoU (with bg)', summary.mIoU, avg.mIoU.mean, 'mIoU'],
  ];
  const header = ['', 'pooled', 'per-image average', ...(t ? [`tolerant k=${t.boundaryK}`, "band's share of error"] : [])];
  const body = rows.map(([label, pooled, perImage, key]) => [
    label,
    score(pooled),
    score(perImage),
    ...(t ? [score(t[key]), shareText(t.boundaryShares[key])] : []),
  ]);
  for (const line of table(header, body).filter((_, i) => i !== 1)) output.out(line);
  if (!t) return;
  output.out('');
  output.out(
    shareSentence(
      { strictMeanF1: summary.meanF1, tolerantMeanF1: t.meanF1, boundaryK: t.boundaryK, shareOfError: t.boundaryShareOfError, wrongPixelShare: t.boundaryShares.wrongPixels },
      4,
    ),
  );
}

/** Per-class scores; with --boundary the tolerant F1 and the band's share of the F1 error sit next to the strict F1. */
function classTable(summary: EvalSummary): string[] {
  const t = summary.tolerant;
  const tolerantF1 = new Map((t?.perClass ?? []).map((c) => [c.name, c.f1]));
  const count = (n: number): string => n.toLocaleString('en-US');
  const tolerantCells = (c: PerClassRow): string[] => (t ? [score(tolerantF1.get(c.name)), shareText(t.boundaryShares.perClassF1[c.name])] : []);
  const rows = summary.perClass
    .filter((c) => c.gtPixels > 0 || c.predPixels > 0)
    .map((c) => [c.name, score(c.f1), ...tolerantCells(c), score(c.iou), score(c.precision), score(c.recall), count(c.gtPixels), count(c.predPixels)]);
  const header = ['class', 'F1', ...(t ? ['F1 tolerant', 'in band'] : []), 'IoU', 'precision', 'recall', 'gt px', 'pred px'];
  return table(header, rows);
}

function shareText(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : wholePercent(share);
}
