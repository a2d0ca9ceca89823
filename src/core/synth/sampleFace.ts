import type { Degradation, FaceParams, HairStyle, Rgb } from './faceParams';
import { HAIR_COLOURS, SKIN_TONES, type SampleProfile, type ValueRange } from './sampleProfiles';
import { chance, gaussian, itemSeed, mulberry32, pickWeighted, uniform, type Random } from './random';
import { shade } from './faceScene';

/** One drawn sample item: what is pictured, how the image is degraded and whether ears are annotated as skin. */
export interface SampledFace {
  readonly params: FaceParams;
  readonly degradation: Degradation;
  readonly earsAsSkin: boolean;
  /** Index into SKIN_TONES. */
  readonly skinToneIndex: number;
}

const draw = (rand: Random, r: ValueRange): number =>
  r.sd === undefined ? uniform(rand, r.min, r.max) : Math.max(r.min, Math.min(r.max, gaussian(rand, (r.min + r.max) / 2, r.sd)));

const jitterColour = (rand: Random, c: readonly [number, number, number], amount: number): [number, number, number] =>
  [0, 1, 2].map((i) => Math.max(0, Math.min(255, Math.round(c[i] + uniform(rand, -amount, amount))))) as [number, number, number];

/** Lips: the skin tone darkened a quarter and pushed towards red. */
function lipTone(skin: Rgb): Rgb {
  const [r, g, b] = shade(skin, -0.25);
  return [Math.min(255, r + 40), g, b];
}

/** Draws item `index` of a sample: the same profile, seed and index always give the same face. */
export function sampleFace(profile: SampleProfile, seed: number, index: number, width: number, height: number): SampledFace {
  const rand = mulberry32(itemSeed(seed, index));
  const skinToneIndex = pickWeighted(rand, profile.skinToneWeights.map((w, i) => [i, w] as const));
  const faceWidth = draw(rand, profile.faceWidthFraction) * width;
  const hairStyle = pickWeighted(rand, Object.entries(profile.hairStyleWeights) as [HairStyle, number][]);
  const hairColour = HAIR_COLOURS[Math.floor(rand() * HAIR_COLOURS.length)];
  const params: FaceParams = {
    width,
    height,
    centerX: width * (0.5 + uniform(rand, -1, 1) * profile.centreJitter),
    centerY: height * (0.44 + uniform(rand, -1, 1) * profile.centreJitter),
    faceWidth,
    yawDeg: draw(rand, profile.yawDeg),
    pitchDeg: draw(rand, profile.pitchDeg),
    rollDeg: draw(rand, profile.rollDeg),
    skinTone: jitterColour(rand, SKIN_TONES[skinToneIndex], 8),
    hairColour: jitterColour(rand, hairColour, 10),
    hairStyle,
    irisColour: jitterColour(rand, pickWeighted(rand, [[[70, 45, 25], 3], [[60, 110, 160], 1], [[80, 120, 70], 1]] as const), 15),
    lipColour: jitterColour(rand, lipTone(SKIN_TONES[skinToneIndex]), 10),
    clothingColour: jitterColour(rand, [uniform(rand, 20, 230), uniform(rand, 20, 230), uniform(rand, 20, 230)], 0),
    backgroundColours: [jitterColour(rand, [200, 205, 210], 50), jitterColour(rand, [150, 155, 165], 50)],
    clutter: Math.round(draw(rand, profile.clutter)),
    mouthOpen: chance(rand, profile.mouthOpenRate) ? uniform(rand, 0.3, 1) : 0,
    browThickness: uniform(rand, 0.04, 0.06),
    glasses: chance(rand, profile.glassesRate),
    hat: chance(rand, profile.hatRate),
    hatColour: jitterColour(rand, [uniform(rand, 30, 220), uniform(rand, 30, 220), uniform(rand, 30, 220)], 0),
    earrings: chance(rand, profile.earringRate),
    lightAngleDeg: draw(rand, profile.lightAngleDeg),
    lightStrength: draw(rand, profile.lightStrength),
    detailSeed: Math.floor(rand() * 0x7fffffff),
  };
  const degradation: Degradation = {
    blurSigma: draw(rand, profile.blurSigma),
    noiseSigma: draw(rand, profile.noiseSigma),
    jpegQuality: profile.jpegQuality ? Math.round(draw(rand, profile.jpegQuality)) : null,
  };
  return { params, degradation, earsAsSkin: chance(rand, profile.earsAsSkinRate), skinToneIndex };
}
