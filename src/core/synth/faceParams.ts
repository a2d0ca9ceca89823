/** An sRGB colour, 0..255 per channel. */
export type Rgb = readonly [number, number, number];

/** Hair styles the generator draws. */
export type HairStyle = 'short' | 'long' | 'bob' | 'bun' | 'bald';

/** Everything that decides one generated face: pose, framing, appearance and accessories. */
export interface FaceParams {
  readonly width: number;
  readonly height: number;
  /** Face centre in pixels. */
  readonly centerX: number;
  readonly centerY: number;
  /** Width of the frontal face oval in pixels (ears excluded): the face scale. */
  readonly faceWidth: number;
  /** Head turn left/right, nod up/down and in-plane tilt, in degrees. */
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly skinTone: Rgb;
  readonly hairColour: Rgb;
  readonly hairStyle: HairStyle;
  readonly irisColour: Rgb;
  readonly lipColour: Rgb;
  readonly clothingColour: Rgb;
  readonly backgroundColours: readonly [Rgb, Rgb];
  /** How many background shapes clutter the scene. */
  readonly clutter: number;
  /** 0 = closed, 1 = wide open. */
  readonly mouthOpen: number;
  /** Brow half-thickness in face-width units (face half-width = 1). */
  readonly browThickness: number;
  readonly glasses: boolean;
  readonly hat: boolean;
  readonly hatColour: Rgb;
  readonly earrings: boolean;
  /** Direction the light comes from in the image plane (degrees, 0 = from the right, 90 = from below) and its strength 0..1. */
  readonly lightAngleDeg: number;
  readonly lightStrength: number;
  /** Seeds the fine detail (hair strands, clutter) so the same params always draw the same face. */
  readonly detailSeed: number;
}

/** How the rendered image is degraded after drawing. */
export interface Degradation {
  /** Gaussian blur sigma in pixels (0: none). */
  readonly blurSigma: number;
  /** Standard deviation of additive pixel noise (0: none). */
  readonly noiseSigma: number;
  /** JPEG quality the image is compressed with (null: lossless). */
  readonly jpegQuality: number | null;
}

/**
 * How an annotator draws the labels from the true geometry. The precise style reproduces the geometry exactly;
 * other styles plant known label-convention differences.
 */
export interface AnnotationStyle {
  /** Hair outline drawn with every n-th vertex of the true outline (1: exact). */
  readonly hairVertexStep: number;
  /** Brows drawn this many pixels thicker on each side (0: exact). */
  readonly browGrowPx: number;
  /** Glasses labelled as whole lenses (frame and glass) instead of the opaque frame only. */
  readonly glassesFilled: boolean;
  /** Ears labelled as skin. */
  readonly earsAsSkin: boolean;
}

/** Labels drawn exactly from the geometry that was rendered. */
export const PRECISE_ANNOTATION: AnnotationStyle = { hairVertexStep: 1, browGrowPx: 0, glassesFilled: false, earsAsSkin: false };
