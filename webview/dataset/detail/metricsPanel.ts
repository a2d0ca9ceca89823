import type { ImageMetrics } from '../../../src/protocol/viewTypes';
import { el, score } from '../../shared/dom';

/** The image's scores (mean F1, mIoU, pixel accuracy, F1 per class, worst first) and the notes on missing parts. */
export function metricsPanel(metrics: ImageMetrics | undefined, notes: readonly string[], hasRun: boolean): HTMLElement {
  const panel = el('section', 'metrics-panel');
  panel.setAttribute('aria-label', 'Scores of this image');
  if (metrics) {
    const summary = el('dl', 'metric-summary');
    for (const [name, value] of [['Mean F1', metrics.meanF1], ['mIoU', metrics.mIoU], ['Pixel accuracy', metrics.pixelAccuracy]] as const) {
      summary.append(el('dt', undefined, name), el('dd', undefined, score(value)));
    }
    panel.append(summary, classScores(metrics.classF1));
  } else {
    panel.append(el('p', 'metric-none', hasRun ? 'The chosen run did not score this image.' : 'Choose a run to see this image’s scores.'));
  }
  if (notes.length > 0) {
    const list = el('ul', 'detail-notes');
    list.setAttribute('aria-label', 'Notes');
    for (const note of notes) list.append(el('li', 'detail-note', note));
    panel.append(list);
  }
  return panel;
}

function classScores(classF1: Readonly<Record<string, number>>): HTMLElement {
  const table = el('table', 'class-scores');
  const head = el('tr');
  head.append(el('th', undefined, 'Class'), el('th', undefined, 'F1'));
  table.append(el('caption', undefined, 'F1 per class, worst first'), head);
  for (const [name, f1] of Object.entries(classF1).sort((a, b) => a[1] - b[1])) {
    const row = el('tr');
    row.append(el('td', undefined, name), el('td', undefined, score(f1)));
    table.append(row);
  }
  return table;
}
