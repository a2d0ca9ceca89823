import type { ItemDetail } from '../../../src/protocol/datasetPanelMessages';
import type { LabelPixels, SchemaView } from '../../../src/protocol/viewTypes';
import { classLabel, IGNORE_ID } from './labelPalette';

/** The readout for the label pixel (x, y): "x, y · ground truth: skin · prediction: hair · wrong". */
export function hoverReadout(detail: ItemDetail, schema: SchemaView, x: number, y: number): string {
  const parts = [`${x}, ${y}`];
  const gt = idAt(detail.gt, detail, x, y);
  const pred = idAt(detail.pred, detail, x, y);
  if (gt !== undefined) parts.push(`ground truth: ${classLabel(schema, gt)}`);
  if (pred !== undefined) parts.push(`prediction: ${classLabel(schema, pred)}`);
  if (gt !== undefined && pred !== undefined) parts.push(gt === IGNORE_ID ? 'not scored' : gt === pred ? 'correct' : 'wrong');
  return parts.join(' · ');
}

/** The class id of a raster at a point of the detail's grid (a raster of another size is sampled proportionally). */
function idAt(label: LabelPixels | undefined, detail: ItemDetail, x: number, y: number): number | undefined {
  if (!label) return undefined;
  const lx = Math.floor((x * label.width) / detail.width);
  const ly = Math.floor((y * label.height) / detail.height);
  if (lx < 0 || ly < 0 || lx >= label.width || ly >= label.height) return undefined;
  return label.ids[ly * label.width + lx];
}
