import type { PartialModelSpec, Triple } from './modelSpec';

/** A named, known model family: the spec fields its public exports share. */
export interface ModelPreset {
  readonly name: string;
  /** One line for `--list-presets` and the UI. */
  readonly description: string;
  readonly spec: PartialModelSpec;
}

const IMAGENET_MEAN: Triple = [0.485, 0.456, 0.406];
const IMAGENET_STD: Triple = [0.229, 0.224, 0.225];

// Input names are left to probing: the public exports disagree ('input', 'pixel_values', …).
const PRESETS: readonly ModelPreset[] = [
  {
    name: 'bisenet-celebamask19',
    description:
      'BiSeNet trained on CelebAMask-HQ (face-parsing.PyTorch, yakhyo, facefusion exports): 512×512 RGB, ImageNet normalisation, BiSeNet class order',
    spec: {
      input: {
        layout: 'NCHW',
        width: 512,
        height: 512,
        colorOrder: 'RGB',
        scale: 1 / 255,
        mean: IMAGENET_MEAN,
        std: IMAGENET_STD,
        resizeKernel: 'linear',
      },
      output: { index: 0, stride: 1 },
      schema: 'bisenet',
    },
  },
  {
    name: 'segformer-celebamask19',
    description:
      'SegFormer fine-tuned on CelebAMask-HQ (jonathandinu/face-parsing): 512×512 RGB, ImageNet normalisation, logits at 1/4 size, official CelebAMask-HQ order',
    spec: {
      input: {
        layout: 'NCHW',
        width: 512,
        height: 512,
        colorOrder: 'RGB',
        scale: 1 / 255,
        mean: IMAGENET_MEAN,
        std: IMAGENET_STD,
        resizeKernel: 'linear',
      },
      output: { index: 0, stride: 4 },
      schema: 'celebamask-hq',
    },
  },
];

/** All built-in presets, in a stable order. */
export function listModelPresets(): readonly ModelPreset[] {
  return PRESETS;
}

/** The preset with this name, or undefined. */
export function findModelPreset(name: string): ModelPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The preset with this name; throws an Error listing the known names when there is none. */
export function getModelPreset(name: string): ModelPreset {
  const preset = findModelPreset(name);
  if (!preset) {
    throw new Error(`unknown model preset '${name}' (known: ${PRESETS.map((p) => p.name).join(', ')})`);
  }
  return preset;
}
