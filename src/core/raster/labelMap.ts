/** Pixel value that marks "not annotated": never scored, never counted. */
export const IGNORE_ID = 255;

/** A class-id image: one byte per pixel, row-major, values are class ids of some label schema. */
export interface LabelMap {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Makes a label map filled with one class id. */
export function createLabelMap(width: number, height: number, fill = 0): LabelMap {
  const data = new Uint8Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}
