import type { AnnotationStyle, HairStyle } from './faceParams';
import type { SampledFace } from './sampleFace';

/** The name of the file that describes a generated sample, at the sample's root. */
export const SAMPLE_MANIFEST = 'facegap-sample.json';

/** Bump when a change to the generator changes its output, so cached samples are regenerated. */
export const GENERATOR_VERSION = 1;

/** What was drawn for one item: the known answers the distribution-gap views should recover. */
export interface SampleItemRecord {
  readonly id: string;
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly faceWidthFraction: number;
  readonly skinTone: number;
  readonly hairStyle: HairStyle;
  readonly glasses: boolean;
  readonly hat: boolean;
  readonly earrings: boolean;
  readonly mouthOpen: number;
  readonly earsAsSkin: boolean;
  readonly blurSigma: number;
  readonly noiseSigma: number;
  readonly jpegQuality: number | null;
}

/** The manifest of a generated sample: how to make it again and what each item holds. */
export interface SampleManifest {
  readonly generator: 'facegap-synth';
  readonly version: number;
  readonly profile: string;
  readonly profileTitle: string;
  readonly layout: string;
  readonly seed: number;
  readonly count: number;
  readonly size: number;
  readonly annotation: AnnotationStyle;
  readonly earsAsSkinRate: number;
  readonly items: readonly SampleItemRecord[];
}

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Records what was drawn for an item. */
export function itemRecord(id: string, face: SampledFace): SampleItemRecord {
  const { params: p, degradation: d } = face;
  return {
    id,
    yawDeg: round(p.yawDeg, 2),
    pitchDeg: round(p.pitchDeg, 2),
    rollDeg: round(p.rollDeg, 2),
    faceWidthFraction: round(p.faceWidth / p.width),
    skinTone: face.skinToneIndex,
    hairStyle: p.hairStyle,
    glasses: p.glasses,
    hat: p.hat,
    earrings: p.earrings,
    mouthOpen: round(p.mouthOpen),
    earsAsSkin: face.earsAsSkin,
    blurSigma: round(d.blurSigma),
    noiseSigma: round(d.noiseSigma),
    jpegQuality: d.jpegQuality,
  };
}

/** What a generated sample was asked for: the generator's own arguments. */
export interface SampleArguments {
  readonly profile: string;
  readonly seed: number;
  readonly count: number;
  readonly size: number;
}

/** True when a manifest's text (facegap-sample.json) says the sample was made by this generator version with these arguments. */
export function manifestMatches(manifestText: string, wanted: SampleArguments): boolean {
  try {
    const m = JSON.parse(manifestText) as Partial<SampleManifest>;
    return m.version === GENERATOR_VERSION && m.profile === wanted.profile && m.seed === wanted.seed && m.count === wanted.count && m.size === wanted.size;
  } catch {
    return false;
  }
}
