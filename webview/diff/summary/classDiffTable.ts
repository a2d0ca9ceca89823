import type { ClassDiff } from '../../../src/protocol/diffPanelMessages';
import { el, score, tableHead } from '../../shared/dom';
import { count, percent, px, ratio, signedPx } from '../numbers';

/** One column of the per-class table: its header, what it explains, and the cell text of a class. */
interface Column {
  readonly label: string;
  readonly title: string;
  readonly cell: (c: ClassDiff) => string;
}

const COLUMNS: readonly Column[] = [
  { label: 'Pixels A', title: "A's pixels of the class", cell: (c) => count(c.pixelsA) },
  { label: 'Pixels B', title: "B's pixels of the class (crosswalked into A's classes)", cell: (c) => count(c.pixelsB) },
  { label: 'Area B/A', title: "B's area over A's: above 1, B draws the class larger", cell: (c) => ratio(c.areaRatio) },
  { label: 'F1', title: 'F1 (Dice) of B against A', cell: (c) => score(c.f1) },
  { label: 'IoU', title: 'Intersection over union of B and A', cell: (c) => score(c.iou) },
  { label: 'Boundary offset', title: "Mean signed distance of B's boundary from A's: + = B's region reaches beyond A's", cell: (c) => signedPx(c.boundaryOffsetPx) },
  { label: 'Boundary distance', title: 'Mean unsigned distance between the two boundaries', cell: (c) => px(c.boundaryDistancePx) },
  { label: 'Band / interior', title: "Share of the disagreeing pixels near A's edges, and in the interior", cell: bandShare },
  { label: 'Roughness A', title: "A's outline length over its smoothed outline's (1 = smooth)", cell: (c) => ratio(c.roughnessA) },
  { label: 'Roughness B', title: "B's outline length over its smoothed outline's (1 = smooth)", cell: (c) => ratio(c.roughnessB) },
];

/** The per-class table: one row per class of A's schema, with B's agreement, boundary and roughness numbers. */
export function renderClassDiffTable(classes: readonly ClassDiff[]): HTMLElement {
  const section = el('section', 'class-section');
  section.setAttribute('aria-labelledby', 'class-diff-title');
  const title = el('h2', undefined, 'Per class');
  title.id = 'class-diff-title';
  const table = el('table', 'class-diff-table');
  table.setAttribute('aria-labelledby', 'class-diff-title');
  const head = tableHead('Class', COLUMNS);
  const body = el('tbody');
  for (const c of classes) {
    const row = el('tr');
    const name = el('th', 'name', c.name);
    name.scope = 'row';
    row.append(name, ...COLUMNS.map((column) => el('td', 'num', column.cell(c))));
    body.append(row);
  }
  table.append(head, body);
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  section.append(title, scroller);
  return section;
}

function bandShare(c: ClassDiff): string {
  const all = c.bandPixels + c.interiorPixels;
  return all === 0 ? '–' : `${percent(c.bandPixels / all)} / ${percent(c.interiorPixels / all)}`;
}
