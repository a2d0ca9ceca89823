import type { DiffSnapshot } from '../../../src/protocol/diffPanelMessages';
import { el, score } from '../../shared/dom';
import { count, percent } from '../numbers';
import { renderClassDiffTable } from './classDiffTable';
import { renderFlows } from './flowSections';
import { renderMappingSection, type MappingActions } from './mappingSection';
import type { MappingDirection } from '../../../src/protocol/diffPanelMessages';

/** The summary: findings in words first, then the headline numbers, the sides, the per-class table, flows and the crosswalk. */
export function renderSummary(snapshot: DiffSnapshot, direction: MappingDirection, actions: MappingActions): HTMLElement {
  const { summary } = snapshot.record;
  const main = el('section', 'summary-view');
  main.append(findings(snapshot), headline(snapshot), sides(snapshot), renderClassDiffTable(summary.perClass), renderFlows(summary));
  main.append(renderMappingSection(snapshot.record, direction, actions));
  return main;
}

function findings(snapshot: DiffSnapshot): HTMLElement {
  const section = el('section', 'findings-section');
  section.setAttribute('aria-labelledby', 'findings-title');
  const title = el('h2', undefined, 'Findings');
  title.id = 'findings-title';
  const items = snapshot.record.summary.findings;
  const list = el('ol', 'findings');
  list.append(...items.map((f) => {
    const li = el('li', `finding kind-${f.kind}`, f.text);
    li.dataset.kind = f.kind;
    return li;
  }));
  section.append(title, items.length > 0 ? list : el('p', 'muted', 'Nothing worth stating: the two sides agree.'));
  return section;
}

function headline(snapshot: DiffSnapshot): HTMLElement {
  const { summary, skipped, matching } = snapshot.record;
  const list = el('dl', 'headline');
  const tiles: Array<[string, string]> = [
    ['images compared', count(summary.images)],
    ['pixel agreement', percent(summary.pixelAgreement)],
    ['mean F1', score(summary.meanF1)],
    ['skipped', count(skipped.length)],
    ['only in A / only in B', `${count(matching.onlyA.count)} / ${count(matching.onlyB.count)}`],
  ];
  for (const [label, value] of tiles) {
    const tile = el('div', 'tile');
    tile.append(el('dt', undefined, label), el('dd', undefined, value));
    list.append(tile);
  }
  return list;
}

function sides(snapshot: DiffSnapshot): HTMLElement {
  const { record } = snapshot;
  const facts = el('dl', 'facts');
  const add = (label: string, value: string): void => void facts.append(el('dt', undefined, label), el('dd', undefined, value));
  add('A (reference)', `${record.a.description} · ${record.a.spec.path}`);
  add('B', `${record.b.description} · ${record.b.spec.path}`);
  add('protocol', protocolText(record.protocol));
  const block = el('section', 'sides-section');
  block.append(facts);
  const lists: Array<[string, readonly string[], string]> = [
    ['Crosswalk of B onto A', record.crosswalk, 'crosswalk'],
    ['Sizes', record.sizeNotes, 'sizes'],
    ['Pictures', record.pictureNotes ?? [], 'pictures'],
    [`Skipped (${record.skipped.length})`, record.skipped.slice(0, 20).map((s) => `${s.id}: ${s.reason}`), 'skipped'],
    ['Notes', snapshot.notes, 'notes'],
  ];
  for (const [title, lines, cls] of lists) {
    if (lines.length === 0) continue;
    const list = el('ul', `text-list ${cls}`);
    list.append(...lines.map((line) => el('li', undefined, line)));
    block.append(el('h3', undefined, title), list);
  }
  return block;
}

function protocolText(protocol: DiffSnapshot['record']['protocol']): string {
  const match = protocol.match === 'sides' ? "left and right matched by the subject's side" : 'left and right matched by name';
  return `boundary band ±${protocol.bandK} px; ${match}; B resampled (nearest) onto A's size`;
}
