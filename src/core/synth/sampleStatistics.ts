import { findBuiltinSchema } from '../schema/builtinSchemas';
import { measureLabelDifference } from './plantedDifferences';
import { sampleFace, type SampledFace } from './sampleFace';
import type { SampleProfile } from './sampleProfiles';

/** Distribution and label-convention statistics of a generated sample: the sizes of its planted differences. */
export interface SampleStatistics {
  readonly profile: string;
  readonly count: number;
  readonly meanAbsYawDeg: number;
  readonly maxAbsYawDeg: number;
  readonly meanAbsRollDeg: number;
  readonly meanAbsPitchDeg: number;
  readonly meanFaceWidthFraction: number;
  readonly glassesRate: number;
  readonly hatRate: number;
  readonly earringRate: number;
  /** Share of images per skin tone (SKIN_TONES, light to dark). */
  readonly skinToneShares: readonly number[];
  readonly darkSkinShare: number;
  readonly degradedShare: number;
  readonly meanBrowAreaRatio: number;
  readonly meanHairOutlineOffsetPx: number;
  /** Share of images whose ears are annotated as skin (over 90% of their ear pixels). */
  readonly earsAsSkinImageShare: number;
  readonly meanGlassesAreaRatio: number;
}

const mean = (values: readonly number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const share = (faces: readonly SampledFace[], test: (f: SampledFace) => boolean): number => faces.filter(test).length / faces.length;

/** Draws a sample's items again (no rendering) and measures its distribution and its annotation conventions. */
export function sampleStatistics(profile: SampleProfile, seed: number, count: number, size: number): SampleStatistics {
  const schema = findBuiltinSchema(profile.layout);
  if (!schema) throw new Error(`no built-in schema for ${profile.layout}`);
  const faces = Array.from({ length: count }, (_, i) => sampleFace(profile, seed, i, size, size));
  const diffs = faces.map((f) => measureLabelDifference(f, profile.annotation, schema));
  const abs = (pick: (f: SampledFace) => number): number[] => faces.map((f) => Math.abs(pick(f)));
  return {
    profile: profile.id,
    count,
    meanAbsYawDeg: mean(abs((f) => f.params.yawDeg)),
    maxAbsYawDeg: Math.max(...abs((f) => f.params.yawDeg)),
    meanAbsRollDeg: mean(abs((f) => f.params.rollDeg)),
    meanAbsPitchDeg: mean(abs((f) => f.params.pitchDeg)),
    meanFaceWidthFraction: mean(faces.map((f) => f.params.faceWidth / f.params.width)),
    glassesRate: share(faces, (f) => f.params.glasses),
    hatRate: share(faces, (f) => f.params.hat),
    earringRate: share(faces, (f) => f.params.earrings),
    skinToneShares: profile.skinToneWeights.map((_, tone) => share(faces, (f) => f.skinToneIndex === tone)),
    darkSkinShare: share(faces, (f) => f.skinToneIndex >= 3),
    degradedShare: share(faces, (f) => f.degradation.jpegQuality !== null || f.degradation.blurSigma > 0 || f.degradation.noiseSigma > 0),
    meanBrowAreaRatio: mean(diffs.map((d) => d.browAreaRatio)),
    meanHairOutlineOffsetPx: mean(diffs.filter((_, i) => faces[i].params.hairStyle !== 'bald').map((d) => d.hairOutlineOffsetPx)),
    earsAsSkinImageShare: diffs.filter((d) => d.earAsSkinShare > 0.9).length / count,
    meanGlassesAreaRatio: mean(diffs.map((d) => d.glassesAreaRatio).filter((v) => !Number.isNaN(v))),
  };
}
