import type { Figure } from '../../src/plots/figureDom';
import { figureSize, standaloneSvg, svgDataUrl } from '../../src/plots/figureExport';
import type { PlotTheme } from '../../src/plots/plotTheme';

/** How a figure is exported as a picture. */
export interface FigurePngOptions {
  /** Text colour and background of the picture. */
  readonly theme: PlotTheme;
  /** Device pixels per CSS pixel (default 2, sharp on high-density screens and in documents). */
  readonly scale?: number;
  /** A CSS colour, or "none" for a transparent background (default the theme's background). */
  readonly background?: string;
}

/** The figure drawn on a canvas at its own size times `scale`: its standalone SVG, loaded as a data: image. */
async function figureCanvas(figure: Figure, options: FigurePngOptions): Promise<HTMLCanvasElement> {
  const scale = options.scale ?? 2;
  const { width, height } = figureSize(figure);
  const image = new Image(width, height);
  image.src = svgDataUrl(standaloneSvg(figure, { theme: options.theme, background: options.background }));
  await image.decode();
  const canvas = figure.ownerDocument.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this webview cannot draw on a canvas, so the figure cannot become a PNG');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The figure as a PNG blob, e.g. to send to the host for saving. */
export async function figurePngBlob(figure: Figure, options: FigurePngOptions): Promise<Blob> {
  const canvas = await figureCanvas(figure, options);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'));
}

/** The figure as PNG bytes (for the host to write to a file). */
export async function figurePngBytes(figure: Figure, options: FigurePngOptions): Promise<Uint8Array> {
  return new Uint8Array(await (await figurePngBlob(figure, options)).arrayBuffer());
}

/** The figure as a data:image/png URL. */
export async function figurePngDataUrl(figure: Figure, options: FigurePngOptions): Promise<string> {
  return (await figureCanvas(figure, options)).toDataURL('image/png');
}
