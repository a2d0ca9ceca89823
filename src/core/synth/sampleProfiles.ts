import type { AnnotationStyle, HairStyle, Rgb } from './faceParams';
import { PRECISE_ANNOTATION } from './faceParams';

/** Skin tones from light to dark (roughly Fitzpatrick I–VI), the axis of the skin-tone mix. */
export const SKIN_TONES: readonly Rgb[] = [[246, 218, 198], [232, 190, 160], [205, 158, 118], [170, 120, 84], [124, 84, 58], [84, 57, 41]];

/** Hair colours: black, dark brown, brown, blond, red, grey. */
export const HAIR_COLOURS: readonly Rgb[] = [[24, 20, 18], [60, 40, 28], [110, 74, 44], [206, 170, 108], [150, 62, 30], [170, 168, 165]];

/** A range a value is drawn from: uniform between min and max, or normal around mean (clamped to min..max). */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
  readonly sd?: number;
}

/** The distribution a sample is drawn from, the degradation applied and how its labels are annotated. */
export interface SampleProfile {
  readonly id: string;
  readonly title: string;
  /** The dataset layout the sample is written in (its schema follows from it). */
  readonly layout: 'facesynthetics' | 'celebamask-hq';
  readonly yawDeg: ValueRange;
  readonly pitchDeg: ValueRange;
  readonly rollDeg: ValueRange;
  /** Face width as a fraction of the image width: larger is a tighter crop. */
  readonly faceWidthFraction: ValueRange;
  /** How far the face centre wanders from the image centre, as a fraction of the image size. */
  readonly centreJitter: number;
  /** Weights of SKIN_TONES. */
  readonly skinToneWeights: readonly number[];
  readonly hairStyleWeights: Readonly<Record<HairStyle, number>>;
  readonly glassesRate: number;
  readonly hatRate: number;
  readonly earringRate: number;
  readonly mouthOpenRate: number;
  readonly clutter: ValueRange;
  readonly lightStrength: ValueRange;
  /** Light direction in degrees; the synthetic studio lights from the upper left. */
  readonly lightAngleDeg: ValueRange;
  readonly blurSigma: ValueRange;
  readonly noiseSigma: ValueRange;
  /** JPEG quality range, or null for lossless images. */
  readonly jpegQuality: ValueRange | null;
  readonly annotation: AnnotationStyle;
  /** Share of images whose annotator put the ears inside skin. */
  readonly earsAsSkinRate: number;
}

/** Clean renders from a narrow distribution with precise labels, like a synthetic training set. */
export const SYNTHETIC_PROFILE: SampleProfile = {
  id: 'synthetic',
  layout: 'facesynthetics',
  title: 'synthetic (FaceSynthetics layout, clean renders, narrow distribution, exact labels)',
  yawDeg: { min: -12, max: 12, sd: 5 },
  pitchDeg: { min: -5, max: 5, sd: 2 },
  rollDeg: { min: -5, max: 5, sd: 2 },
  faceWidthFraction: { min: 0.3, max: 0.38 },
  centreJitter: 0.02,
  skinToneWeights: [0.35, 0.35, 0.2, 0.1, 0, 0],
  hairStyleWeights: { short: 0.45, long: 0.3, bob: 0.15, bun: 0.05, bald: 0.05 },
  glassesRate: 0.05,
  hatRate: 0.03,
  earringRate: 0.05,
  mouthOpenRate: 0.3,
  clutter: { min: 0, max: 0 },
  lightStrength: { min: 0.3, max: 0.5 },
  lightAngleDeg: { min: -155, max: -115 },
  blurSigma: { min: 0, max: 0 },
  noiseSigma: { min: 0, max: 0 },
  jpegQuality: null,
  annotation: PRECISE_ANNOTATION,
  earsAsSkinRate: 0,
};

/** Degraded photos from a wider distribution, annotated by people with their own conventions, like a real dataset. */
export const REAL_STYLE_PROFILE: SampleProfile = {
  id: 'real-style',
  layout: 'celebamask-hq',
  title: 'real-style (CelebAMask-HQ layout, degraded images, wide distribution, human annotation conventions)',
  yawDeg: { min: -40, max: 40 },
  pitchDeg: { min: -12, max: 12 },
  rollDeg: { min: -15, max: 15 },
  faceWidthFraction: { min: 0.42, max: 0.55 },
  centreJitter: 0.06,
  skinToneWeights: [0.1, 0.15, 0.2, 0.2, 0.2, 0.15],
  hairStyleWeights: { short: 0.3, long: 0.3, bob: 0.15, bun: 0.1, bald: 0.15 },
  glassesRate: 0.35,
  hatRate: 0.25,
  earringRate: 0.3,
  mouthOpenRate: 0.4,
  clutter: { min: 3, max: 8 },
  lightStrength: { min: 0.3, max: 0.9 },
  lightAngleDeg: { min: -180, max: 180 },
  blurSigma: { min: 0.4, max: 1.2 },
  noiseSigma: { min: 2, max: 8 },
  jpegQuality: { min: 35, max: 75 },
  annotation: { hairVertexStep: 12, browGrowPx: 1.5, glassesFilled: true, earsAsSkin: false },
  earsAsSkinRate: 0.5,
};

/**
 * The real-style faces (the same draws, so the same seed gives the same pictures) with exact labels in the FaceSynthetics
 * layout: what a synthetic pipeline would label for them. Diffed against real-style, only the annotation conventions differ.
 */
export const REAL_STYLE_EXACT_PROFILE: SampleProfile = {
  ...REAL_STYLE_PROFILE,
  id: 'real-style-exact',
  layout: 'facesynthetics',
  title: 'real-style-exact (the real-style faces with exact labels, FaceSynthetics layout)',
  annotation: PRECISE_ANNOTATION,
  earsAsSkinRate: 0,
};

/** The built-in profiles by id. */
export const SAMPLE_PROFILES: ReadonlyMap<string, SampleProfile> = new Map([SYNTHETIC_PROFILE, REAL_STYLE_PROFILE, REAL_STYLE_EXACT_PROFILE].map((p) => [p.id, p]));
