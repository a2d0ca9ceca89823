/** A scored image and how many of its pixels had NaN logits (absent when none did). */
interface NanCount {
  readonly id: string;
  readonly nanPixels?: number;
}

/** The warning for a model whose output held NaN (those pixels are scored as wrong), or undefined when none did. */
export function nanLogitsWarning(results: readonly NanCount[], model: string): string | undefined {
  const hit = results.filter((r) => (r.nanPixels ?? 0) > 0);
  if (hit.length === 0) return undefined;
  const pixels = hit.reduce((sum, r) => sum + (r.nanPixels ?? 0), 0).toLocaleString('en-US');
  const examples = hit.slice(0, 3).map((r) => JSON.stringify(r.id)).join(', ');
  return `${model}: the model output NaN logits for ${pixels} pixels in ${hit.length} of ${results.length} images (${examples}${hit.length > 3 ? ', …' : ''}); those pixels are labelled 255 and count as wrong`;
}
