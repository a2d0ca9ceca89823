import type { Size } from '../raster/rgbImage';

/** At what size predictions and ground truth are compared. */
export type ScoringResolution =
  | { readonly kind: 'label' }
  | { readonly kind: 'image' }
  | { readonly kind: 'model' }
  | { readonly kind: 'fixed'; readonly size: Size };

/** Parses "label", "image", "model" or "WxH" (e.g. "256x256"). */
export function parseScoringResolution(text: string): ScoringResolution {
  const value = text.trim().toLowerCase();
  if (value === 'label' || value === 'image' || value === 'model') return { kind: value };
  const match = /^(\d{1,5})\s*[x×]\s*(\d{1,5})$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`--score-at must be label, image, model or WxH (e.g. 512x512), not "${text}"`);
  }
  return { kind: 'fixed', size: { width: Number(match[1]), height: Number(match[2]) } };
}

/** One sentence saying at what size scoring happens. */
export function describeScoringResolution(resolution: ScoringResolution): string {
  switch (resolution.kind) {
    case 'label':
      return "scored at each ground-truth label's own resolution";
    case 'image':
      return "scored at each image's resolution (ground truth resized nearest-neighbour)";
    case 'model':
      return "scored at the model's input resolution (ground truth resized nearest-neighbour)";
    case 'fixed':
      return `scored at ${resolution.size.width}×${resolution.size.height} (ground truth resized nearest-neighbour)`;
  }
}

/** The size to score one item at. */
export function scoringSize(resolution: ScoringResolution, sizes: { label: Size; image?: Size; model?: Size }): Size {
  switch (resolution.kind) {
    case 'label':
      return sizes.label;
    case 'image':
      if (!sizes.image) throw new Error('image size unknown');
      return sizes.image;
    case 'model':
      if (!sizes.model) throw new Error('--score-at model needs a model; use label, image or WxH with --pred');
      return sizes.model;
    case 'fixed':
      return resolution.size;
  }
}
