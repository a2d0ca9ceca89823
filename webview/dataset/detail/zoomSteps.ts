/** Zoom levels the +/- keys step through: powers of two below 1 (no blur), whole numbers above (pixel-exact). */
const LEVELS = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

/** Smallest zoom. */
export const MIN_ZOOM = LEVELS[0]!;
/** Largest zoom. */
export const MAX_ZOOM = LEVELS[LEVELS.length - 1]!;

/** The next level up (direction 1) or down (-1) from any zoom, staying within the range. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const eps = 1e-9;
  if (direction > 0) return LEVELS.find((z) => z > zoom + eps) ?? MAX_ZOOM;
  return [...LEVELS].reverse().find((z) => z < zoom - eps) ?? MIN_ZOOM;
}

/** The zoom that fits an image in a stage: a whole number when it is at least 1, so label pixels stay square and sharp. */
export function fitZoom(stageWidth: number, stageHeight: number, width: number, height: number): number {
  if (width <= 0 || height <= 0 || stageWidth <= 0 || stageHeight <= 0) return 1;
  const fit = Math.min(stageWidth / width, stageHeight / height);
  return fit >= 1 ? Math.min(MAX_ZOOM, Math.floor(fit)) : Math.max(MIN_ZOOM, fit);
}
