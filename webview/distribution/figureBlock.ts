import type { FigureFormat } from '../../src/protocol/distributionPanelMessages';
import { el } from '../shared/dom';

/** Saves a drawn figure through the host (which asks where); resolves with the file, or undefined when dismissed. */
export type FigureSaver = (name: string, format: FigureFormat, figure: Element) => Promise<string | undefined>;

/**
 * A figure with its caption and "SVG" / "PNG" export buttons. `draw` makes the plot (an <svg>, or a <figure> holding
 * one with its legend); a plot that cannot be drawn shows why instead.
 */
export function figureBlock(name: string, caption: string, draw: () => Element, save: FigureSaver): HTMLElement {
  const figure = el('figure', 'dist-figure');
  figure.dataset.figure = name;
  const plotBox = el('div', 'plot');
  let plot: Element | undefined;
  try {
    plot = draw();
    plotBox.append(plot);
  } catch (error) {
    plotBox.append(el('p', 'plot-error', `This figure could not be drawn: ${error instanceof Error ? error.message : String(error)}`));
  }
  const bar = el('div', 'figure-bar');
  const status = el('span', 'figure-status');
  status.setAttribute('role', 'status');
  for (const format of ['svg', 'png'] as const) {
    const button = el('button', `figure-export export-${format}`, format.toUpperCase());
    button.type = 'button';
    button.title = `Save this figure as ${format.toUpperCase()}…`;
    button.disabled = !plot;
    button.addEventListener('click', () => {
      if (!plot) return;
      status.textContent = 'saving…';
      save(name, format, plot).then(
        (file) => (status.textContent = file ? `saved to ${file}` : ''),
        (error: unknown) => (status.textContent = `not saved: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    bar.append(button);
  }
  bar.append(status);
  figure.append(plotBox, el('figcaption', undefined, caption), bar);
  return figure;
}
