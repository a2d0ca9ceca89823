import type { DiffPairView } from '../../../src/protocol/diffPanelMessages';
import type { SchemaView } from '../../../src/protocol/viewTypes';
import { el } from '../../shared/dom';
import type { PairLayer } from '../diffUiState';
import { percent } from '../numbers';
import { className, classPalette, differenceRgba, disagreeingPixels, labelRgba } from './pairPixels';

type StageLayer = Exclude<PairLayer, 'side'>;

/** The layer buttons: what each shows and its key. */
const LAYERS: ReadonlyArray<{ layer: PairLayer; label: string; key: string }> = [
  { layer: 'a', label: 'A', key: 'a' },
  { layer: 'b', label: 'B', key: 'b' },
  { layer: 'diff', label: 'Difference', key: 'd' },
  { layer: 'side', label: 'Side by side', key: 's' },
];

/** The layer a key selects (a, b, d, s), if any. */
export function layerOfKey(key: string): PairLayer | undefined {
  return LAYERS.find((l) => l.key === key)?.layer;
}

/** The detail canvas of one pair: A, B or their difference (or all three side by side), with the hover readout. */
export class PairView {
  readonly element = el('section', 'pair-view');
  private readonly buttons = el('div', 'layer-buttons');
  private readonly stages = el('div', 'pair-stages');
  private readonly readout = el('p', 'hover-readout');
  private readonly status = el('p', 'pair-status');
  private readonly palettes: { a: Uint8Array; b: Uint8Array };
  private pair: DiffPairView | undefined;

  constructor(
    private readonly schemas: { a: SchemaView; b: SchemaView },
    private layer: PairLayer,
    private readonly onLayer: (layer: PairLayer) => void,
  ) {
    this.palettes = { a: classPalette(schemas.a), b: classPalette(schemas.b) };
    this.buttons.setAttribute('role', 'group');
    this.buttons.setAttribute('aria-label', 'Show');
    for (const { layer, label, key } of LAYERS) {
      const button = el('button', 'layer-button', label);
      button.type = 'button';
      button.dataset.layer = layer;
      button.title = `${label} (${key})`;
      button.addEventListener('click', () => this.setLayer(layer));
      this.buttons.append(button);
    }
    this.readout.id = 'hover-readout';
    this.readout.setAttribute('aria-live', 'off');
    this.element.append(this.buttons, this.status, this.stages, this.readout);
    this.markLayer();
  }

  /** Shows a layer (and tells the owner, who saves it). */
  setLayer(layer: PairLayer): void {
    if (layer === this.layer) return;
    this.layer = layer;
    this.markLayer();
    this.onLayer(layer);
    this.draw();
  }

  /** Says the pixels of an image are on their way, or why they could not be had. */
  showStatus(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
    if (isError) {
      this.pair = undefined;
      this.stages.replaceChildren();
    }
  }

  /** Shows a pair's pixels. */
  show(pair: DiffPairView): void {
    this.pair = pair;
    const share = disagreeingPixels(pair.a, pair.bInA) / Math.max(1, pair.width * pair.height);
    const notes = pair.notes.length > 0 ? ` · ${pair.notes.join(' · ')}` : '';
    this.showStatus(`${pair.width} × ${pair.height} px · ${percent(share)} of pixels differ${notes}`);
    this.draw();
  }

  private markLayer(): void {
    for (const button of this.buttons.querySelectorAll<HTMLButtonElement>('button')) button.setAttribute('aria-pressed', String(button.dataset.layer === this.layer));
  }

  private draw(): void {
    const pair = this.pair;
    if (!pair) return;
    const layers: StageLayer[] = this.layer === 'side' ? ['a', 'b', 'diff'] : [this.layer];
    this.stages.classList.toggle('side-by-side', this.layer === 'side');
    this.stages.replaceChildren(...layers.map((layer) => this.stage(pair, layer)));
  }

  private stage(pair: DiffPairView, layer: StageLayer): HTMLElement {
    const figure = el('figure', 'pair-stage');
    const canvas = el('canvas', 'pair-canvas');
    canvas.dataset.layer = layer;
    canvas.width = pair.width;
    canvas.height = pair.height;
    const rgba = layer === 'a' ? labelRgba(pair.a, this.palettes.a, pair.image) : layer === 'b' ? labelRgba(pair.b, this.palettes.b, pair.image) : differenceRgba(pair.a, pair.bInA, pair.image);
    canvas.getContext('2d')?.putImageData(new ImageData(rgba, pair.width, pair.height), 0, 0);
    canvas.addEventListener('mousemove', (e) => this.hover(pair, canvas, e));
    canvas.addEventListener('mouseleave', () => (this.readout.textContent = ''));
    const caption = layer === 'a' ? `A: ${this.schemas.a.title}` : layer === 'b' ? `B: ${this.schemas.b.title}` : 'Difference (magenta: A and B disagree)';
    figure.append(canvas, el('figcaption', 'stage-caption', caption));
    return figure;
  }

  private hover(pair: DiffPairView, canvas: HTMLCanvasElement, event: MouseEvent): void {
    const box = canvas.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * pair.width);
    const y = Math.floor(((event.clientY - box.top) / box.height) * pair.height);
    if (x < 0 || y < 0 || x >= pair.width || y >= pair.height) return;
    const i = y * pair.width + x;
    this.readout.textContent = `${x}, ${y} · A: ${className(this.schemas.a, pair.a.ids[i]!)} · B: ${className(this.schemas.b, pair.b.ids[i]!)}`;
  }
}
