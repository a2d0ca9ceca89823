import type { DiffRecord } from '../../../src/protocol/diffPanelMessages';
import { el } from '../../shared/dom';
import { count, percent } from '../numbers';

/** Most flows listed. */
const MAX_FLOWS = 30;

/** Where A's classes go in B (from → to, share of A's pixels), and the sides B swaps. */
export function renderFlows(summary: DiffRecord['summary']): HTMLElement {
  const section = el('section', 'flow-section');
  section.append(el('h2', undefined, 'Flows'));
  if (summary.flows.length === 0) section.append(el('p', 'muted', "No class of A goes to another class of B in a noticeable share."));
  else {
    const table = el('table', 'flow-table');
    const head = el('tr');
    for (const [text, cls] of [['A class', 'name'], ['B labels it', 'name'], ['Share of A', 'num'], ['Pixels', 'num']] as const) {
      const th = el('th', cls, text);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const flow of summary.flows.slice(0, MAX_FLOWS)) {
      const row = el('tr');
      row.append(el('td', 'name', flow.from), el('td', 'name', `→ ${flow.to}`), el('td', 'num', percent(flow.fraction)), el('td', 'num', count(flow.pixels)));
      body.append(row);
    }
    table.append(thead, body);
    section.append(table);
  }
  section.append(el('h2', undefined, 'Left and right'));
  const swaps = summary.swaps.filter((s) => s.images > 0);
  if (swaps.length === 0) section.append(el('p', 'muted', 'No left/right swaps between the sides.'));
  else {
    const list = el('ul', 'swap-list');
    list.append(...swaps.map((s) => el('li', undefined, `${s.concept}: A's ${s.a} is where B's ${s.b} is in ${s.images} of ${s.of} images`)));
    section.append(list);
  }
  return section;
}
