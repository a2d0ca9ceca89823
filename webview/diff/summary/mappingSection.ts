import type { DiffRecord, MappingDirection, SuggestedMapping } from '../../../src/protocol/diffPanelMessages';
import { el } from '../../shared/dom';

/** What the crosswalk section asks of the host, and the hook to persist the chosen direction. */
export interface MappingActions {
  exportMapping(direction: MappingDirection): void;
  directionChanged(direction: MappingDirection): void;
}

/** The direction `facegap eval --mapping` would apply: prediction schema → ground truth's when B is a run's predictions, else A → B. */
export function defaultDirection(record: DiffRecord): MappingDirection {
  return record.b.spec.kind === 'run-predictions' && record.a.spec.kind !== 'run-predictions' ? 'bToA' : 'aToB';
}

/** The suggested crosswalk in one direction (switchable), its changes against the default, and "Export mapping…". */
export function renderMappingSection(record: DiffRecord, direction: MappingDirection, actions: MappingActions): HTMLElement {
  const section = el('section', 'mapping-section');
  section.setAttribute('aria-labelledby', 'mapping-title');
  const title = el('h2', undefined, 'Suggested crosswalk');
  title.id = 'mapping-title';
  const body = el('div', 'mapping-body');
  const bar = el('div', 'mapping-bar');
  const select = el('select', 'mapping-direction');
  select.setAttribute('aria-label', 'Direction');
  for (const d of ['aToB', 'bToA'] as const) {
    const m = record.summary.suggestedMapping[d];
    select.append(new Option(`${m.from} → ${m.to}`, d, false, d === direction));
  }
  const exportButton = el('vscode-button', 'export-mapping', 'Export mapping…');
  exportButton.title = 'Save this crosswalk as a mapping file for facegap eval --mapping';
  exportButton.addEventListener('click', () => actions.exportMapping(select.value as MappingDirection));
  select.addEventListener('change', () => {
    actions.directionChanged(select.value as MappingDirection);
    body.replaceChildren(...mappingBody(record.summary.suggestedMapping[select.value as MappingDirection]));
  });
  bar.append(select, exportButton);
  body.append(...mappingBody(record.summary.suggestedMapping[direction]));
  section.append(title, bar, body);
  return section;
}

function mappingBody(mapping: SuggestedMapping): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (mapping.changes.length > 0) {
    const changes = el('ul', 'mapping-changes');
    changes.setAttribute('aria-label', 'Changes against the default crosswalk');
    changes.append(...mapping.changes.map((line) => el('li', undefined, line)));
    parts.push(changes);
  } else parts.push(el('p', 'muted', 'The suggestion is the default crosswalk.'));
  const table = el('table', 'mapping-table');
  const body = el('tbody');
  for (const [from, to] of Object.entries(mapping.map)) {
    const row = el('tr');
    row.append(el('td', 'name', from), el('td', 'name', to === null ? '→ (ignored)' : `→ ${to}`));
    body.append(row);
  }
  table.append(body);
  parts.push(table);
  return parts;
}
