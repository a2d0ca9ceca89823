import type { ReviewEntryView, ReviewVerdict } from '../../../src/protocol/diffPanelMessages';
import { el } from '../../shared/dom';
import { VERDICT_CHOICES, verdictLabel } from './verdicts';

/** Longest note the host accepts. */
const MAX_NOTE = 2000;

/** The verdict buttons (keys 1–4), the note field and "Clear" for the current image. */
export class MarkBar {
  readonly element = el('div', 'mark-bar');
  private readonly note = el('input', 'note-input');
  private readonly state = el('p', 'mark-state');
  private readonly buttons: HTMLButtonElement[];
  private entry: ReviewEntryView | undefined;

  constructor(private readonly onMark: (verdict: ReviewVerdict | null, note: string) => void) {
    this.buttons = VERDICT_CHOICES.map(({ verdict, key, label }) => {
      const button = el('button', 'verdict-button', '');
      button.type = 'button';
      button.dataset.verdict = verdict;
      button.append(el('kbd', undefined, key), ` ${label}`);
      button.title = `${label} (${key})`;
      button.addEventListener('click', () => this.mark(verdict));
      return button;
    });
    const clear = el('button', 'clear-button', 'Clear');
    clear.type = 'button';
    clear.title = 'Remove the mark of this image';
    clear.addEventListener('click', () => this.entry?.mark && this.onMark(null, ''));
    this.note.type = 'text';
    this.note.maxLength = MAX_NOTE;
    this.note.placeholder = 'Note (optional; saved with the mark)';
    this.note.setAttribute('aria-label', 'Note');
    // A note edited after marking is saved when the field is left or Enter is pressed.
    this.note.addEventListener('change', () => {
      const mark = this.entry?.mark;
      if (mark && mark.note !== this.note.value) this.onMark(mark.verdict, this.note.value);
    });
    const group = el('div', 'verdict-buttons');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Mark this image');
    group.append(...this.buttons, clear);
    this.element.append(group, this.note, this.state);
  }

  /** Marks the current image with a verdict and the note as typed. */
  mark(verdict: ReviewVerdict): void {
    if (this.entry) this.onMark(verdict, this.note.value);
  }

  /** Shows an image's mark; the note field is refilled only when another image is shown. */
  show(entry: ReviewEntryView | undefined): void {
    const changed = entry?.id !== this.entry?.id;
    this.entry = entry;
    if (changed) this.note.value = entry?.mark?.note ?? '';
    for (const button of this.buttons) button.setAttribute('aria-pressed', String(button.dataset.verdict === entry?.mark?.verdict));
    this.state.textContent = entry?.mark ? `Marked: ${verdictLabel(entry.mark.verdict)} (${entry.mark.at.slice(0, 16).replace('T', ' ')})` : 'Not marked';
  }
}
