import type { Point } from '../../dataset/landmarks';
import type { LabelMap } from '../../raster/labelMap';
import type { RgbImage } from '../../raster/rgbImage';
import type { LabelSchema } from '../../schema/labelSchema';
import { colourfulness, ita, toneAttributes } from './colourAttributes';
import { jpegQuality } from './jpegQuality';
import { labelAttributes } from './labelAttributes';
import { tallyLabels, type LabelTally } from './labelTally';
import { poseFromLandmarks, type LandmarkLayout } from './poseFromLandmarks';
import { poseFromMask } from './poseFromMask';
import { noiseSigma, sharpness } from './textureAttributes';

/** What one image's attributes are measured from; each attribute needs only some of it. */
export interface MeasureInput {
  /** The labels (or a model's predictions) in their schema. */
  readonly labels?: LabelMap;
  readonly schema?: LabelSchema;
  /** The image, decoded at the labels' size when both are given. */
  readonly image?: RgbImage;
  /** The image file's bytes (JPEG quality). */
  readonly imageBytes?: Uint8Array;
  readonly landmarks?: { readonly points: readonly Point[]; readonly layout: LandmarkLayout };
  /** Concepts for the presence: and area: attributes. */
  readonly concepts: readonly string[];
}

/** One image's measured attributes; an attribute that cannot be measured is absent. */
export interface Measured {
  readonly values: Record<string, number>;
  /** Where roll and yaw came from, when they were measured. */
  readonly poseFrom?: 'landmarks' | 'mask';
}

function imageValues(image: RgbImage): Record<string, number> {
  const out: Record<string, number> = { ...toneAttributes(image) };
  const extra = { colourfulness: colourfulness(image), sharpness: sharpness(image), noise: noiseSigma(image) };
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) out[name] = value;
  return out;
}

function skinTone(input: MeasureInput): number | undefined {
  const { labels, schema, image } = input;
  if (!labels || !schema || !image || labels.width !== image.width || labels.height !== image.height) return undefined;
  const skin = new Uint8Array(256);
  for (const c of schema.classes) if (c.concept === 'skin') skin[c.id] = 1;
  return ita(image, (i) => skin[labels.data[i]] === 1);
}

type PoseResult = { readonly roll: number; readonly yaw: number; readonly from: 'landmarks' | 'mask' };

function measurePose(input: MeasureInput, tally: LabelTally | undefined): PoseResult | undefined {
  const fromLandmarks = input.landmarks ? poseFromLandmarks(input.landmarks.points, input.landmarks.layout) : undefined;
  if (fromLandmarks) return { ...fromLandmarks, from: 'landmarks' };
  const fromMask = tally ? poseFromMask(tally) : undefined;
  return fromMask ? { ...fromMask, from: 'mask' } : undefined;
}

/** Measures every attribute the input allows: pose from landmarks when they are readable, else from the mask. */
export function measureAttributes(input: MeasureInput): Measured {
  const tally = input.labels && input.schema ? tallyLabels(input.labels, input.schema) : undefined;
  const values: Record<string, number> = tally ? labelAttributes(tally, input.concepts) : {};
  const pose = measurePose(input, tally);
  if (pose) Object.assign(values, { roll: pose.roll, yaw: pose.yaw });
  if (input.image) Object.assign(values, imageValues(input.image));
  const tone = skinTone(input);
  if (tone !== undefined) values.ita = tone;
  const quality = input.imageBytes ? jpegQuality(input.imageBytes) : undefined;
  if (quality !== undefined) values.jpegQuality = quality;
  for (const [name, value] of Object.entries(values)) if (!Number.isFinite(value)) delete values[name];
  return pose ? { values, poseFrom: pose.from } : { values };
}
