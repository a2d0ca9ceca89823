import type { GalleryItem } from '../../../src/protocol/datasetPanelMessages';
import { el } from '../../shared/dom';

/** A thumbnail as the host answered: a URI, or an error naming the file. */
export interface ThumbnailState {
  readonly uri?: string;
  readonly error?: string;
}

/** Everything one cell shows. */
export interface CellView {
  readonly item: GalleryItem;
  readonly index: number;
  readonly thumbnail: ThumbnailState | undefined;
  /** The score shown as a badge, formatted, and what it is ("mean F1"). */
  readonly badge?: { readonly text: string; readonly name: string };
  readonly selected: boolean;
}

/** Makes an empty cell: thumbnail frame, score badge and caption. */
export function createGalleryCell(): HTMLElement {
  const cell = el('div', 'gallery-cell');
  cell.setAttribute('role', 'option');
  const frame = el('div', 'thumb-frame');
  const img = el('img', 'thumb');
  img.alt = '';
  img.decoding = 'async';
  img.draggable = false;
  frame.append(img, el('span', 'thumb-missing'));
  cell.append(frame, el('span', 'cell-badge'), el('div', 'cell-caption'));
  return cell;
}

/** Fills a cell for an item; file names only ever go into textContent and properties, never into markup. */
export function fillGalleryCell(cell: HTMLElement, view: CellView): void {
  const { item, thumbnail, badge } = view;
  cell.id = `gallery-cell-${view.index}`;
  cell.dataset.index = String(view.index);
  cell.dataset.id = item.id;
  cell.title = item.file;
  cell.setAttribute('aria-selected', String(view.selected));
  cell.setAttribute('aria-label', badge ? `${item.file}, ${badge.name} ${badge.text}` : item.file);
  cell.classList.toggle('selected', view.selected);
  fillThumbnail(cell, thumbnail);
  const badgeEl = cell.querySelector<HTMLElement>('.cell-badge')!;
  badgeEl.textContent = badge?.text ?? '';
  badgeEl.title = badge ? `${badge.name} ${badge.text}` : '';
  badgeEl.hidden = !badge;
  cell.querySelector<HTMLElement>('.cell-caption')!.textContent = baseName(item.file);
}

function fillThumbnail(cell: HTMLElement, thumbnail: ThumbnailState | undefined): void {
  const img = cell.querySelector<HTMLImageElement>('img.thumb')!;
  const missing = cell.querySelector<HTMLElement>('.thumb-missing')!;
  const uri = thumbnail?.uri;
  if (uri === undefined) img.removeAttribute('src');
  else if (img.getAttribute('src') !== uri) img.src = uri;
  img.hidden = uri === undefined;
  missing.hidden = thumbnail?.error === undefined;
  missing.textContent = thumbnail?.error === undefined ? '' : 'no thumbnail';
  missing.title = thumbnail?.error ?? '';
  cell.classList.toggle('loading', thumbnail === undefined);
}

/** The last part of a slash-separated path. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
