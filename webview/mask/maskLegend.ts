import { el, rgb } from '../shared/dom';
import type { LegendEntry } from './legendEntries';

/** The legend: by default only ids present in the mask; a toggle shows every class of the schema too. */
export function renderLegend(entries: readonly LegendEntry[], showAll: boolean, onToggle: (showAll: boolean) => void): HTMLElement {
  const section = el('section', 'legend');
  section.setAttribute('aria-labelledby', 'legend-title');
  const title = el('h2', undefined, 'Classes');
  title.id = 'legend-title';
  const present = entries.filter((e) => e.pixels > 0);
  const absent = entries.length - present.length;
  const table = el('table', 'legend-table');
  table.setAttribute('aria-labelledby', 'legend-title');
  const head = el('thead');
  const headRow = el('tr');
  for (const label of ['', 'class', 'id', 'pixels', 'share']) headRow.append(el('th', label === 'class' || label === '' ? undefined : 'num', label));
  head.append(headRow);
  const body = el('tbody');
  body.append(...(showAll ? entries : present).map(legendRow));
  table.append(head, body);
  section.append(title, table);
  if (absent > 0) {
    const toggle = el('vscode-button', 'legend-toggle', showAll ? 'Show only classes present' : `Show all classes (${absent} absent)`);
    toggle.secondary = true;
    toggle.setAttribute('aria-pressed', String(showAll));
    toggle.addEventListener('click', () => onToggle(!showAll));
    section.append(toggle);
  }
  return section;
}

function legendRow(entry: LegendEntry): HTMLTableRowElement {
  const row = el('tr', entry.pixels > 0 ? 'present' : 'absent');
  row.dataset.id = String(entry.id);
  const swatch = el('span', entry.color ? 'swatch' : `swatch hatch-${entry.kind}`);
  if (entry.color) swatch.style.backgroundColor = rgb(entry.color);
  const swatchCell = el('td');
  swatchCell.append(swatch);
  row.append(
    swatchCell,
    el('td', entry.kind === 'class' ? 'name' : 'name outside', entry.name),
    el('td', 'num', String(entry.id)),
    el('td', 'num', entry.pixels.toLocaleString('en-US')),
    el('td', 'num', shareText(entry.share, entry.pixels)),
  );
  return row;
}

function shareText(share: number, pixels: number): string {
  if (pixels === 0) return '–';
  const pct = share * 100;
  return pct < 0.01 ? '<0.01 %' : `${pct.toFixed(pct >= 10 ? 1 : 2)} %`;
}
