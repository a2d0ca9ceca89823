import { getConcept } from '../../schema/concepts';
import type { AttributeDef } from '../distTypes';

/** The per-image attributes every measurement knows, in display order (concept attributes come from `conceptAttributes`). */
export const ATTRIBUTES: readonly AttributeDef[] = [
  { name: 'faceArea', kind: 'continuous', title: 'face area share', unit: 'share of image', source: 'labels' },
  { name: 'faceCenterX', kind: 'continuous', title: 'face centre x', unit: 'share of width', source: 'labels' },
  { name: 'faceCenterY', kind: 'continuous', title: 'face centre y', unit: 'share of height', source: 'labels' },
  { name: 'roll', kind: 'continuous', title: 'roll', unit: '°', source: 'labels' },
  { name: 'yaw', kind: 'continuous', title: 'yaw', unit: '°', source: 'labels' },
  { name: 'mouthOpen', kind: 'binary', title: 'mouth open', unit: '', source: 'labels' },
  { name: 'ita', kind: 'continuous', title: 'skin tone (ITA)', unit: '°', source: 'image+labels' },
  { name: 'brightness', kind: 'continuous', title: 'brightness', unit: 'mean luma (0–1)', source: 'image' },
  { name: 'contrast', kind: 'continuous', title: 'contrast', unit: 'luma standard deviation (0–1)', source: 'image' },
  { name: 'saturation', kind: 'continuous', title: 'saturation', unit: 'mean HSV saturation (0–1)', source: 'image' },
  { name: 'colourfulness', kind: 'continuous', title: 'colourfulness', unit: 'Hasler–Süsstrunk M', source: 'image' },
  { name: 'sharpness', kind: 'continuous', title: 'sharpness', unit: 'log10(1 + variance of the luma Laplacian)', source: 'image' },
  { name: 'noise', kind: 'continuous', title: 'noise', unit: 'σ (0–255)', source: 'image' },
  { name: 'jpegQuality', kind: 'continuous', title: 'JPEG quality', unit: 'IJG quality (1–100)', source: 'image' },
];

/** Concepts whose presence and area FaceGap measures unless told otherwise. */
export const DEFAULT_ATTRIBUTE_CONCEPTS: readonly string[] = ['glasses', 'hat', 'earring', 'beard', 'hair', 'eye'];

/** Prefix of a concept's binary presence attribute, e.g. "presence:glasses". */
export const PRESENCE_PREFIX = 'presence:';
/** Prefix of a concept's area-share attribute, e.g. "area:hair". */
export const AREA_PREFIX = 'area:';

/** Sided concepts are seen in pairs: "images with ears". */
const PAIRS: Readonly<Record<string, string>> = { eye: 'eyes', brow: 'eyebrows', ear: 'ears' };

function presenceDef(concept: string): AttributeDef {
  const title = PAIRS[concept] ?? getConcept(concept)?.title ?? concept;
  return { name: `${PRESENCE_PREFIX}${concept}`, kind: 'binary', title, unit: '', source: 'labels' };
}

function areaDef(concept: string): AttributeDef {
  const title = getConcept(concept)?.title ?? concept;
  return { name: `${AREA_PREFIX}${concept}`, kind: 'continuous', title: `${title} area share`, unit: 'share of image', source: 'labels' };
}

/** The presence: and area: attributes of each concept (canonical ids; a sided concept counts both sides). */
export function conceptAttributes(concepts: readonly string[]): AttributeDef[] {
  return concepts.flatMap((c) => [presenceDef(c), areaDef(c)]);
}

/** All attributes measured for these concepts: the base ones, then the concept ones. */
export function attributeCatalog(concepts: readonly string[] = DEFAULT_ATTRIBUTE_CONCEPTS): AttributeDef[] {
  return [...ATTRIBUTES, ...conceptAttributes(concepts)];
}

/** The definition of an attribute by name, presence:/area: ones for any concept; undefined for an unknown name. */
export function attributeDef(name: string): AttributeDef | undefined {
  if (name.startsWith(PRESENCE_PREFIX)) return presenceDef(name.slice(PRESENCE_PREFIX.length));
  if (name.startsWith(AREA_PREFIX)) return areaDef(name.slice(AREA_PREFIX.length));
  return ATTRIBUTES.find((a) => a.name === name);
}
