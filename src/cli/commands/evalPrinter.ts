import type { EvalSummary } from '../../core/eval/evalReport';
import type { TerminalOutput } from '../terminalOutput';
import { percent, score, table } from '../terminalOutput';

/** Prints an evaluation summary as text: headline, per-class table, groups, skipped files, protocol. */
export function printEvalSummary(summary: EvalSummary, runDir: string, output: TerminalOutput): void {
  const avg = summary.perImageAverage;
  output.out(`${summary.status === 'complete' ? 'Evaluated' : 'Interrupted after'} ${summary.images} image(s); ${summary.counts.reused} reused from an earlier run, ${summary.counts.skipped} skipped`);
  if (summary.executionProvider) output.out(`execution provider: ${summary.executionProvider}`);
  output.out('');
  output.out(`                 pooled    per-image average`);
  output.out(`pixel accuracy   ${score(summary.pixelAccuracy)}    ${score(avg.pixelAccuracy.mean)}`);
  output.out(`mean F1 (fg)     ${score(summary.meanF1)}    ${score(avg.meanF1.mean)}`);
  output.out(`mIoU (with bg)   ${score(summary.mIoU)}    ${score(avg.mIoU.mean)}`);
  if (summary.tolerant) {
    const t = summary.tolerant;
    output.out(`boundary k=${t.boundaryK}: pixel accuracy ${score(t.pixelAccuracy)}, mean F1 ${score(t.meanF1)}, mIoU ${score(t.mIoU)} (band left out)`);
  }
  output.out('');
  const rows = summary.perClass
    .filter((c) => c.gtPixels > 0 || c.predPixels > 0)
    .map((c) => [c.name, score(c.f1), score(c.iou), score(c.precision), score(c.recall), c.gtPixels.toLocaleString('en-US'), c.predPixels.toLocaleString('en-US')]);
  for (const line of table(['class', 'F1', 'IoU', 'precision', 'recall', 'gt px', 'pred px'], rows)) output.out(line);
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
