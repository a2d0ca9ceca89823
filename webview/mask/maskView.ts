import type { MaskSnapshot } from '../../src/protocol/maskViewMessages';
import { el } from '../shared/dom';
import { idName, legendEntries } from './legendEntries';
import { renderLegend } from './maskLegend';
import { maskRgba } from './maskPalette';
import { MaskViewport } from './maskViewport';
import { scaleLabel } from './zoomLadder';

const READOUT_IDLE = 'Point at the mask to read a pixel.';

/** The read-only mask viewer: header, zoomable canvas with a hover readout, legend and notes; re-shows on change. */
export class MaskView {
  private readonly scaleText = el('span', 'scale-label');
  private readonly readout = el('span', 'readout', READOUT_IDLE);
  private readonly viewport = new MaskViewport((scale) => (this.scaleText.textContent = scaleLabel(scale)));
  private readonly info = el('div', 'mask-info');
  private readonly legendSlot = el('aside', 'legend-slot');
  private snapshot: MaskSnapshot | undefined;
  private showAll = false;

  constructor(private readonly root: HTMLElement) {
    const stage = el('div', 'stage');
    stage.append(this.toolbar(), this.viewport.element);
    const workspace = el('div', 'workspace');
    workspace.append(stage, this.legendSlot);
    const main = el('main', 'mask-view');
    main.append(this.info, workspace);
    this.viewport.canvas.addEventListener('pointermove', (e) => this.describe(e.clientX, e.clientY));
    this.viewport.canvas.addEventListener('pointerleave', () => (this.readout.textContent = READOUT_IDLE));
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.root.replaceChildren(main);
  }

  /** Shows a (new or changed) mask. */
  show(snapshot: MaskSnapshot): void {
    this.snapshot = snapshot;
    this.info.replaceChildren(...infoParts(snapshot));
    this.renderLegend();
    const { width, height } = snapshot.pixels;
    this.viewport.element.setAttribute('aria-label', `Label mask ${snapshot.file}, ${width} × ${height} px; arrow keys pan, + and − zoom, 0 fits`);
    this.viewport.draw(maskRgba(snapshot.pixels, snapshot.schema), width, height);
    this.root.setAttribute('aria-busy', 'false');
  }

  private renderLegend(): void {
    if (!this.snapshot) return;
    const legend = renderLegend(legendEntries(this.snapshot), this.showAll, (showAll) => {
      this.showAll = showAll;
      this.renderLegend();
      this.legendSlot.querySelector<HTMLElement>('.legend-toggle')?.focus();
    });
    this.legendSlot.replaceChildren(legend);
  }

  private describe(clientX: number, clientY: number): void {
    const point = this.viewport.pixelAt(clientX, clientY);
    if (!this.snapshot || !point) return;
    const id = this.snapshot.pixels.ids[point.y * this.snapshot.pixels.width + point.x];
    this.readout.textContent = `${point.x}, ${point.y} · id ${id} · ${idName(id, this.snapshot)}`;
  }

  private toolbar(): HTMLElement {
    const bar = el('div', 'toolbar');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Zoom');
    const button = (text: string, label: string, action: () => void): HTMLElement => {
      const b = el('vscode-button', 'zoom-button', text);
      b.secondary = true;
      b.setAttribute('aria-label', label);
      b.title = label;
      b.addEventListener('click', action);
      return b;
    };
    bar.append(
      button('−', 'Zoom out (−)', () => this.viewport.zoom(-1)),
      button('+', 'Zoom in (+)', () => this.viewport.zoom(1)),
      button('Fit', 'Fit to window (0)', () => this.viewport.fit()),
      this.scaleText,
      this.readout,
    );
    return bar;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      '+': () => this.viewport.zoom(1),
      '=': () => this.viewport.zoom(1),
      '-': () => this.viewport.zoom(-1),
      '0': () => this.viewport.fit(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }
}

function infoParts(snapshot: MaskSnapshot): HTMLElement[] {
  const { width, height } = snapshot.pixels;
  const title = el('h1', 'mask-file', snapshot.file);
  const schema = el('p', 'mask-schema');
  schema.append(el('strong', undefined, snapshot.schema.title), document.createTextNode(` — ${snapshot.schemaReason}`));
  const parts: HTMLElement[] = [title, schema, el('p', 'muted', `${width} × ${height} px`)];
  if (snapshot.notes.length > 0) {
    const notes = el('ul', 'mask-notes');
    notes.setAttribute('aria-label', 'Notes');
    notes.append(...snapshot.notes.map((note) => el('li', undefined, note)));
    parts.push(notes);
  }
  return parts;
}
