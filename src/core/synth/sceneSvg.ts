import type { Rgb } from './faceParams';
import { shade, type Detail, type FaceScene, type SceneLayer } from './faceScene';
import type { Point, Ring } from './polygon';

const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const rgb = (c: Rgb): string => `rgb(${c[0]},${c[1]},${c[2]})`;
const pathOf = (rings: readonly Ring[]): string => rings.map((r) => `M${r.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}Z`).join('');
const lineOf = (points: readonly Point[]): string => `M${points.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}`;

/** Options for drawing a scene: `flat` draws the background and each layer in one colour without antialiasing, for checking geometry. */
export interface SvgOptions {
  readonly flat?: { readonly background: Rgb; readonly layer: (layer: SceneLayer) => Rgb };
}

/** Writes a face scene as SVG: every layer is the same even-odd path its labels are rasterised from. */
export function sceneSvg(scene: FaceScene, options: SvgOptions = {}): string {
  const { width, height } = scene;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  if (options.flat) {
    const flat = options.flat;
    parts.push(`<rect width="${width}" height="${height}" fill="${rgb(flat.background)}"/>`);
    for (const layer of scene.layers) parts.push(`<path d="${pathOf(layer.rings)}" fill="${rgb(flat.layer(layer))}" fill-rule="evenodd" shape-rendering="crispEdges"/>`);
    return parts.join('') + '</svg>';
  }
  parts.push(defs(scene), background(scene));
  scene.layers.forEach((layer, i) => parts.push(layerSvg(layer, i)));
  parts.push(`<rect width="${width}" height="${height}" fill="url(#light)"/>`);
  return parts.join('') + '</svg>';
}

/** The light: a gradient along the light direction, and per-layer shading from lit to shadowed. */
function defs(scene: FaceScene): string {
  const a = (scene.lightAngleDeg * Math.PI) / 180;
  const [x1, y1, x2, y2] = [0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a), 0.5 - 0.5 * Math.cos(a), 0.5 - 0.5 * Math.sin(a)];
  const s = scene.lightStrength;
  const grad = `x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"`;
  return `<defs><linearGradient id="light" ${grad}><stop offset="0" stop-color="#fff" stop-opacity="${n(0.12 * s)}"/><stop offset="1" stop-color="#000" stop-opacity="${n(0.25 * s)}"/></linearGradient>` +
    `<linearGradient id="lit" ${grad}><stop offset="0" stop-color="#fff" stop-opacity="${n(0.35 * s)}"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${n(0.45 * s)}"/></linearGradient></defs>`;
}

function background(scene: FaceScene): string {
  const [c0, c1] = scene.backgroundColours;
  const grad = `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${rgb(c0)}"/><stop offset="1" stop-color="${rgb(c1)}"/></linearGradient>`;
  return `<defs>${grad}</defs><rect width="${scene.width}" height="${scene.height}" fill="url(#bg)"/>${scene.backgroundDetails.map(detailSvg).join('')}`;
}

function layerSvg(layer: SceneLayer, index: number): string {
  const d = pathOf(layer.rings);
  const base = `<path d="${d}" fill="${rgb(layer.colour)}" fill-rule="evenodd"/>`;
  const details = layer.details?.length ? layer.details.map(detailSvg).join('') : '';
  const shading = layer.shading > 0 ? `<path d="${d}" fill="url(#lit)" fill-rule="evenodd" opacity="${n(layer.shading)}"/>` : '';
  const edge = `<path d="${d}" fill="none" stroke="${rgb(shade(layer.colour, -0.35))}" stroke-opacity="0.35" stroke-width="0.6"/>`;
  if (!details && !shading) return base + edge;
  const clip = `<clipPath id="c${index}"><path d="${d}" clip-rule="evenodd"/></clipPath>`;
  return `<defs>${clip}</defs>${base}<g clip-path="url(#c${index})">${details}${shading}${edge}</g>`;
}

function detailSvg(detail: Detail): string {
  const o = `opacity="${n(detail.opacity)}"`;
  switch (detail.kind) {
    case 'circle':
      return `<circle cx="${n(detail.cx)}" cy="${n(detail.cy)}" r="${n(detail.r)}" fill="${rgb(detail.colour)}" ${o}/>`;
    case 'stroke':
      return `<path d="${lineOf(detail.points)}" fill="none" stroke="${rgb(detail.colour)}" stroke-width="${n(detail.width)}" stroke-linecap="round" ${o}/>`;
    case 'fill':
      return `<path d="${pathOf(detail.rings)}" fill="${rgb(detail.colour)}" fill-rule="evenodd" ${o}/>`;
  }
}
