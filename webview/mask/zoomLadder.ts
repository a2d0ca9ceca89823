/** The scales the viewer uses: powers of two below 1, whole numbers above, so every mask pixel maps to whole screen pixels. */
export const ZOOM_LADDER: readonly number[] = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];

/** The largest scale at which the whole image fits the viewport (the smallest scale when none does). */
export function fitScale(imageWidth: number, imageHeight: number, viewWidth: number, viewHeight: number): number {
  const fitting = ZOOM_LADDER.filter((s) => imageWidth * s <= viewWidth && imageHeight * s <= viewHeight);
  return fitting.length > 0 ? fitting[fitting.length - 1] : ZOOM_LADDER[0];
}

/** The next scale up (steps > 0) or down (steps < 0) the ladder from `scale`, clamped to its ends. */
export function stepScale(scale: number, steps: number): number {
  let index = ZOOM_LADDER.findIndex((s) => s >= scale);
  if (index < 0) index = ZOOM_LADDER.length - 1;
  else if (ZOOM_LADDER[index] > scale && steps > 0) index -= 1;
  return ZOOM_LADDER[Math.min(ZOOM_LADDER.length - 1, Math.max(0, index + steps))];
}

/** The scale as people say it: "4×", or "1/2×" below 1. */
export function scaleLabel(scale: number): string {
  return scale >= 1 ? `${scale}×` : `1/${Math.round(1 / scale)}×`;
}
