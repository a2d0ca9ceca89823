import type { ReportSnapshot, RunSummaryView, WorstImageView } from '../../src/protocol/reportPanelMessages';
import { el, score } from '../shared/dom';

/** Opens one image of a run in the dataset panel. */
export type OpenImage = (run: RunSummaryView, image: WorstImageView) => void;

/** The worst images of each run as cards (thumbnail, id, mean F1); a card opens its image. */
export function renderWorstImages(snapshot: ReportSnapshot, open: OpenImage): HTMLElement {
  const section = el('section', 'worst-section');
  section.setAttribute('aria-labelledby', 'worst-title');
  const title = el('h2', undefined, 'Worst images');
  title.id = 'worst-title';
  section.append(title);
  const runs = snapshot.runs.filter((run) => run.worst.length > 0);
  if (runs.length === 0) section.append(el('p', 'muted', 'No per-image scores.'));
  for (const run of runs) {
    const group = el('div', 'worst-group');
    if (snapshot.runs.length > 1) group.append(el('h3', undefined, run.label));
    const list = el('ul', 'worst-cards');
    list.setAttribute('aria-label', `Worst images of ${run.label}`);
    list.append(...run.worst.map((image) => card(run, image, open)));
    group.append(list);
    section.append(group);
  }
  return section;
}

function card(run: RunSummaryView, image: WorstImageView, open: OpenImage): HTMLLIElement {
  const item = el('li');
  const button = el('button', 'worst-card');
  button.type = 'button';
  button.title = `${image.image} — open in the dataset panel`;
  button.dataset.id = image.id;
  button.append(thumbnail(image), el('span', 'worst-id', image.id), el('span', 'worst-score', `mean F1 ${score(image.meanF1)}`));
  button.addEventListener('click', () => open(run, image));
  item.append(button);
  return item;
}

function thumbnail(image: WorstImageView): HTMLElement {
  if (!image.thumbnailUri) return el('span', 'thumb placeholder', 'no preview');
  const img = el('img', 'thumb');
  img.src = image.thumbnailUri;
  img.alt = '';
  img.loading = 'lazy';
  img.decoding = 'async';
  return img;
}
