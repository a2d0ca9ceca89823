import type { ReportSnapshot, RunSummaryView } from '../../src/protocol/reportPanelMessages';
import { el, score } from '../shared/dom';

/** The runs' summaries side by side (the first is the reference), with the change sentences above them. */
export function renderSummaries(snapshot: ReportSnapshot): HTMLElement {
  const section = el('section', 'summary-section');
  section.setAttribute('aria-label', 'Run summaries');
  if (snapshot.deltas.length > 0) section.append(deltaBox(snapshot.deltas));
  const grid = el('div', 'run-columns');
  grid.classList.toggle('single', snapshot.runs.length === 1);
  grid.append(...snapshot.runs.map((run, i) => runColumn(run, i === 0 && snapshot.runs.length > 1)));
  section.append(grid);
  return section;
}

function deltaBox(deltas: readonly string[]): HTMLElement {
  const box = el('div', 'deltas');
  box.setAttribute('role', 'note');
  box.setAttribute('aria-label', 'Change against the reference run');
  const list = el('ul');
  list.append(...deltas.map((sentence) => el('li', undefined, sentence)));
  box.append(list);
  return box;
}

function runColumn(run: RunSummaryView, isReference: boolean): HTMLElement {
  const column = el('article', 'run-summary');
  column.setAttribute('aria-label', `Run ${run.label}`);
  const heading = el('h2', 'run-label', run.label);
  if (isReference) heading.append(el('span', 'reference-badge', 'reference'));
  const dir = el('p', 'run-dir', run.dir);
  dir.title = run.dir;
  column.append(heading, dir, el('p', 'run-schema', `Schema: ${run.schema.title}`), headlineNumbers(run));
  if (run.tolerant) column.append(el('p', 'boundary-share', run.tolerant.sentence));
  column.append(...optionalBlocks(run));
  return column;
}

function headlineNumbers(run: RunSummaryView): HTMLElement {
  const list = el('dl', 'headline');
  const tiles: Array<[string, string]> = [
    ['mean F1', score(run.meanF1)],
    ['mIoU', score(run.mIoU)],
    ['pixel accuracy', score(run.pixelAccuracy)],
    ...tolerantTiles(run),
    ['images', run.images.toLocaleString('en-US')],
    ['status', run.status],
  ];
  for (const [label, value] of tiles) {
    const tile = el('div', 'tile');
    tile.append(el('dt', undefined, label), el('dd', undefined, value));
    list.append(tile);
  }
  return list;
}

/** Tolerant mean F1 beside the strict one, and the band's share of the error, when the run has them. */
function tolerantTiles(run: RunSummaryView): Array<[string, string]> {
  const t = run.tolerant;
  if (!t) return [];
  const share = t.shareOfError === null ? '–' : `${Math.round(t.shareOfError * 100)}%`.replace('-', '\u2212');
  return [
    [`mean F1 tolerant (k=${t.boundaryK})`, score(t.meanF1)],
    ["band's share of error", share],
  ];
}

function optionalBlocks(run: RunSummaryView): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  if (run.facts.length > 0) blocks.push(titled('Model and prediction', factList(run.facts)));
  if (run.protocol.length > 0) blocks.push(titled('Protocol', textList(run.protocol)));
  if (run.skipped.length > 0) {
    blocks.push(titled(`Skipped files (${run.skipped.length})`, textList(run.skipped.map((s) => `${s.file} — ${s.reason}`)), 'skipped'));
  }
  if (run.notes.length > 0) blocks.push(titled('Notes', textList(run.notes), 'notes'));
  return blocks;
}

function factList(facts: RunSummaryView['facts']): HTMLElement {
  const list = el('dl', 'facts');
  for (const fact of facts) list.append(el('dt', undefined, fact.label), el('dd', undefined, fact.value));
  return list;
}

function textList(lines: readonly string[]): HTMLElement {
  const list = el('ul', 'text-list');
  list.append(...lines.map((line) => el('li', undefined, line)));
  return list;
}

function titled(title: string, content: HTMLElement, className?: string): HTMLElement {
  const block = el('section', className ? `summary-block ${className}` : 'summary-block');
  block.append(el('h3', undefined, title), content);
  return block;
}
