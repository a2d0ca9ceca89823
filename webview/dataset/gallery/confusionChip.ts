import type { ConfusionFilter } from '../../../src/protocol/viewTypes';
import { el } from '../../shared/dom';

/** The caption of a confusion filter: "ground truth skin predicted as hair: 12 images" (count unknown while loading). */
export function confusionCaption(filter: ConfusionFilter, count: number | undefined): string {
  const what = `ground truth ${filter.gtName} predicted as ${filter.predName}`;
  if (count === undefined) return `${what}: loading…`;
  return `${what}: ${count} image${count === 1 ? '' : 's'}`;
}

/** A removable chip naming the confusion filter in force. */
export function confusionChip(filter: ConfusionFilter, count: number | undefined, onRemove: () => void): HTMLElement {
  const chip = el('div', 'confusion-chip');
  chip.setAttribute('role', 'status');
  const caption = el('span', 'confusion-caption', confusionCaption(filter, count));
  const remove = el('button', 'chip-remove', '×');
  remove.type = 'button';
  remove.title = 'Remove the confusion filter';
  remove.setAttribute('aria-label', `Remove filter: ${confusionCaption(filter, count)}`);
  remove.addEventListener('click', onRemove);
  chip.append(caption, remove);
  return chip;
}
