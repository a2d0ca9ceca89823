import type { DistSnapshot } from '../../src/protocol/distributionPanelMessages';
import { el } from '../shared/dom';
import { count } from './distNumbers';

/** Most skipped images listed by name. */
const MAX_SKIPPED = 20;

/** A section with an h2 title the section is labelled by. */
export function section(cls: string, id: string, title: string): HTMLElement {
  const block = el('section', cls);
  block.setAttribute('aria-labelledby', id);
  const heading = el('h2', undefined, title);
  heading.id = id;
  block.append(heading);
  return block;
}

/** The findings in words, largest difference first. */
export function renderFindings(snapshot: DistSnapshot): HTMLElement {
  const block = section('findings-section', 'findings-title', 'Findings');
  const items = snapshot.record.summary.findings;
  const list = el('ol', 'findings');
  list.append(...items.map((text) => el('li', 'finding', text)));
  block.append(items.length > 0 ? list : el('p', 'muted', 'No attribute differs noticeably between the two datasets.'));
  return block;
}

/** The headline numbers and the two sides. */
export function renderSides(snapshot: DistSnapshot): HTMLElement {
  const { record } = snapshot;
  const block = el('section', 'sides-section');
  const tiles = el('dl', 'headline');
  const numbers: Array<[string, string]> = [
    ['images in A', count(record.summary.imagesA)],
    ['images in B', count(record.summary.imagesB)],
    ['attributes compared', count(record.summary.attributes.length)],
    ['skipped', count(record.skipped.length)],
  ];
  for (const [label, value] of numbers) {
    const tile = el('div', 'tile');
    tile.append(el('dt', undefined, label), el('dd', undefined, value));
    tiles.append(tile);
  }
  const facts = el('dl', 'facts');
  const add = (label: string, value: string): void => void facts.append(el('dt', undefined, label), el('dd', undefined, value));
  add('A', `${record.a.description} · ${record.a.spec.path} · attributes from ${labelsFrom(record.a.labelsFrom)}`);
  add('B', `${record.b.description} · ${record.b.spec.path} · attributes from ${labelsFrom(record.b.labelsFrom)}`);
  add('computed', `${record.createdAt.slice(0, 16).replace('T', ' ')} in ${record.timings.seconds.toFixed(1)} s (${count(record.timings.measured)} measured, ${count(record.timings.reused)} reused)`);
  block.append(tiles, facts);
  return block;
}

/** Notes of the comparison and of reading the folder, and the skipped images. */
export function renderNotes(snapshot: DistSnapshot): HTMLElement | undefined {
  const { record } = snapshot;
  const lists: Array<[string, readonly string[], string]> = [
    ['Notes', [...record.notes, ...snapshot.notes], 'notes'],
    [`Skipped (${record.skipped.length})`, record.skipped.slice(0, MAX_SKIPPED).map((s) => `${s.side}: ${s.file}: ${s.reason}`), 'skipped'],
  ];
  if (lists.every(([, lines]) => lines.length === 0)) return undefined;
  const block = section('notes-section', 'notes-title', 'Notes');
  for (const [title, lines, cls] of lists) {
    if (lines.length === 0) continue;
    const list = el('ul', `text-list ${cls}`);
    list.append(...lines.map((line) => el('li', undefined, line)));
    if (cls !== 'notes') block.append(el('h3', undefined, title));
    block.append(list);
  }
  return block;
}

function labelsFrom(from: 'labels' | 'predictions' | 'none'): string {
  return from === 'labels' ? 'its labels' : from === 'predictions' ? "a model's predictions" : 'the images only';
}
