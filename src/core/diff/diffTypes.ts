/** A label source as the user named it: a dataset folder's labels, a run's predictions or ground truth, or a bare mask folder. */
export interface LabelSideSpec {
  readonly kind: 'dataset' | 'run-predictions' | 'run-ground-truth' | 'masks';
  /** The folder: dataset root, run folder, or mask folder. */
  readonly path: string;
  /** A schema id the user chose (required for a mask folder whose schema cannot be recognised). */
  readonly schema?: string;
}

/** One side of a diff as recorded in diff.json. */
export interface DiffSideRecord {
  readonly spec: LabelSideSpec;
  /** What a person calls it, e.g. "ground truth of CelebAMask-HQ sample (celebamask-hq)". */
  readonly description: string;
  readonly schema: string;
  readonly schemaTitle: string;
  readonly leftRight: 'subject' | 'viewer';
  readonly items: number;
}

/** How the two sides are compared; a change invalidates stored per-image results. */
export interface DiffProtocol {
  /** Half-width (px) of the band around A's class edges that splits disagreement into boundary and interior. */
  readonly bandK: number;
  /** How sided classes of B are matched to A's: by the subject's side (the crosswalk) or by their names. */
  readonly match: 'sides' | 'names';
  /** Where B is resampled (nearest) when the two sides' label sizes differ: always onto A's size. */
  readonly sizeRule: 'b-to-a';
}

/** Per-class accumulators of one image, in A's class ids (B crosswalked into A). Only classes present in A or B. */
export interface ClassImageStats {
  readonly id: number;
  /** Disagreeing pixels ((A = c) xor (B = c)) inside A's boundary band, and outside it. */
  readonly band: number;
  readonly interior: number;
  /**
   * Signed boundary offsets (px, + = B reaches beyond A), sampled on both outlines: the sum and count of the middle half
   * of this image's samples (25th to 75th percentile), so a part only one side has does not drag the typical shift.
   */
  readonly offsetSum: number;
  readonly offsetCount: number;
  /** Sum and count of the unsigned distances between the outlines over all samples (within the offset cap). */
  readonly distanceSum: number;
  readonly distanceCount: number;
  /** Outline length (px edges) of the class region in A and B, and of the same regions smoothed (radius ROUGHNESS_RADIUS). */
  readonly perimeterA: number;
  readonly smoothPerimeterA: number;
  readonly perimeterB: number;
  readonly smoothPerimeterB: number;
}

/** Where the two sides put a sided concept's left and right classes in one image: the x-order of their centroids. */
export interface SideOrder {
  /** The concept, e.g. "eye". */
  readonly concept: string;
  /** Sign of (x of A's subject-left class − x of A's subject-right class); 0 when either is missing. */
  readonly a: -1 | 0 | 1;
  /** The same for B's classes (in A's ids after the crosswalk). */
  readonly b: -1 | 0 | 1;
}

/** Content keys that decide whether a stored per-image result still holds. */
export interface DiffKeys {
  readonly a: string;
  readonly b: string;
  readonly protocol: string;
}

/** One compared image, as stored in the diff folder's images.jsonl. */
export interface ImageDiffRecord {
  readonly v: 1;
  /** A's item id (the review and the panel use it). */
  readonly id: string;
  /** B's item id when it differs (e.g. "000012" ↔ "12"). */
  readonly idB?: string;
  /** The image file, when a side knows one (for the panel). */
  readonly image?: string;
  readonly keys: DiffKeys;
  /** Compared size [width, height] (A's label size). */
  readonly size: readonly [number, number];
  /** B's label size when it differed and B was resampled. */
  readonly resizedFrom?: readonly [number, number];
  /** Joint counts [A id, B id in B's own schema, pixels]; pixels ignored (255) on either side are left out. */
  readonly joint: ReadonlyArray<readonly [number, number, number]>;
  readonly classes: readonly ClassImageStats[];
  readonly sides: readonly SideOrder[];
  /** Share of pixels labelled on both sides where A and B (crosswalked) disagree. */
  readonly disagreement: number;
}

/** Per-class result of a diff, in A's schema. */
export interface ClassDiff {
  readonly id: number;
  readonly name: string;
  readonly pixelsA: number;
  readonly pixelsB: number;
  /** B's pixels over A's; null when A has none. */
  readonly areaRatio: number | null;
  /** F1 (Dice) and IoU of B against A; null when neither side has the class. */
  readonly f1: number | null;
  readonly iou: number | null;
  /** Mean signed offset of B's boundary from A's (px, + = B's region reaches beyond A's); null without boundary samples. */
  readonly boundaryOffsetPx: number | null;
  /** Mean distance between the two boundaries (px, unsigned). */
  readonly boundaryDistancePx: number | null;
  /** Disagreeing pixels within the boundary band of A's edges, and in the interior. */
  readonly bandPixels: number;
  readonly interiorPixels: number;
  /** Outline length over the smoothed outline's (1 = smooth; larger = rougher), per side; null when absent. */
  readonly roughnessA: number | null;
  readonly roughnessB: number | null;
  /** Images where A has the class, where B has it, and where both do. */
  readonly imagesA: number;
  readonly imagesB: number;
  readonly imagesBoth: number;
}

/** A→B class flow: the share of A's `from` pixels that B labels `to` (names in A's schema). */
export interface ClassFlow {
  readonly from: string;
  readonly to: string;
  readonly pixels: number;
  readonly fraction: number;
}

/** Left and right swapped between A and B, decided from where the classes sit in the image. */
export interface SideSwap {
  /** A's class name, and the B class (named in A's schema) that sits where it does. */
  readonly a: string;
  readonly b: string;
  readonly concept: string;
  /** Images where the order of the two sides is reversed, out of images where both sides have both classes. */
  readonly images: number;
  readonly of: number;
}

/** The kinds of finding a diff states. */
export type FindingKind = 'pictures' | 'boundary' | 'flow' | 'swap' | 'roughness' | 'area' | 'missing' | 'sides' | 'size' | 'agreement';

/** One finding in words, with its numbers in the text. */
export interface DiffFinding {
  readonly kind: FindingKind;
  readonly text: string;
  /** A's class names it is about. */
  readonly classes: readonly string[];
}

/** Which B class each A class becomes (most of its pixels), as a mapping file `facegap eval --mapping` accepts. */
export interface SuggestedMapping {
  readonly from: string;
  readonly to: string;
  readonly map: Readonly<Record<string, string | null>>;
  /** One line per class whose suggestion differs from the default crosswalk, with the share behind it. */
  readonly changes: readonly string[];
}

/** What a diff found over all compared images (diff.json's "summary"). */
export interface DiffSummary {
  readonly images: number;
  readonly pixelAgreement: number;
  /** Mean F1 over A's foreground classes present on either side. */
  readonly meanF1: number;
  readonly perClass: readonly ClassDiff[];
  readonly flows: readonly ClassFlow[];
  readonly swaps: readonly SideSwap[];
  readonly findings: readonly DiffFinding[];
  /** A → B from the joint counts; and B → A. */
  readonly suggestedMapping: { readonly aToB: SuggestedMapping; readonly bToA: SuggestedMapping };
}

/** A reviewer's verdict on one image. */
export type ReviewVerdict = 'error-a' | 'error-b' | 'convention' | 'fine';

/** One review decision. */
export interface ReviewMark {
  readonly id: string;
  readonly verdict: ReviewVerdict;
  readonly note: string;
  /** ISO time of the decision. */
  readonly at: string;
}

/** How A's and B's item ids were paired. */
export interface ItemMatching {
  /** "id": identical ids; "number": ids that are the same number once leading zeros are dropped ("000012" ↔ "12"). */
  readonly rule: 'id' | 'number';
  readonly matched: number;
  /** Ids of one side with no partner on the other (the first few, and how many in all). */
  readonly onlyA: { readonly count: number; readonly examples: readonly string[] };
  readonly onlyB: { readonly count: number; readonly examples: readonly string[] };
}

/** A pair that could not be compared, and why (the message names the file). */
export interface SkippedPair {
  readonly id: string;
  readonly reason: string;
}

/** diff.json: everything a diff folder says about itself. */
export interface DiffRecord {
  readonly kind: 'facegap-label-diff';
  readonly formatVersion: 1;
  readonly createdAt: string;
  readonly a: DiffSideRecord;
  readonly b: DiffSideRecord;
  readonly protocol: DiffProtocol;
  /** How B's classes map onto A's, one line per class worth showing (fallbacks, ignored classes, side conventions). */
  readonly crosswalk: readonly string[];
  /** The B id → A id table the diff used (256 entries, 255 = ignored), a mapping file's overrides included. */
  readonly crosswalkTable?: readonly number[];
  /** The mapping file that overrode the default crosswalk, when one did. */
  readonly mappingFile?: string;
  readonly matching: ItemMatching;
  /** Sentences about sizes reconciled, e.g. "B's labels are 512×512, A's 1024×1024: B resampled (nearest) onto A's size in 30 images". */
  readonly sizeNotes: readonly string[];
  /** Whether the paired ids show the same pictures, from a sample of pairs (empty when the sides share image files or have none). */
  readonly pictureNotes?: readonly string[];
  readonly skipped: readonly SkippedPair[];
  /** False while a run is going on or after it was interrupted. */
  readonly complete: boolean;
  readonly timings: { readonly seconds: number; readonly reused: number; readonly compared: number };
  readonly summary: DiffSummary;
}

/** review.json: the reviewer's marks on a diff's images, saved beside the diff. */
export interface ReviewFile {
  readonly kind: 'facegap-review';
  readonly formatVersion: 1;
  readonly marks: readonly ReviewMark[];
}
