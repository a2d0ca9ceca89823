/** An 8-bit RGB image, interleaved R,G,B per pixel, row-major. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A width and height in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Whether two sizes have the same aspect ratio, allowing one pixel of rounding. */
export function sameAspect(a: Size, b: Size): boolean {
  return Math.abs(a.width * b.height - b.width * a.height) <= Math.max(a.width, a.height, b.width, b.height);
}
