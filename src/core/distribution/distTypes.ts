import type { ShardSpec } from '../util/shards';
import type { ExecutionProviderChoice } from '../ports/modelRunner';
import type { EmbedderSpec } from './features/embedderSpec';

/** How an attribute's values are compared. */
export type AttributeKind = 'continuous' | 'binary';

/** What an attribute is measured from. */
export type AttributeSource = 'labels' | 'landmarks' | 'image' | 'image+labels';

/** One per-image attribute FaceGap measures. Names follow the issue: faceArea, yaw, ita, presence:glasses, area:hair … */
export interface AttributeDef {
  readonly name: string;
  readonly kind: AttributeKind;
  /** Words for findings and plots, e.g. "face area share", "yaw". */
  readonly title: string;
  /** Unit for axes and findings: "°", "share of image", "" … */
  readonly unit: string;
  readonly source: AttributeSource;
}

/** One image's measured attributes: name → value. Binary attributes are 0 or 1; an attribute that cannot be measured is absent. */
export interface ImageAttributes {
  readonly v: 1;
  readonly id: string;
  readonly image?: string;
  /** Content key of what the values were measured from (image, labels, landmarks, attribute version); reuse needs it equal. */
  readonly key: string;
  readonly values: Readonly<Record<string, number>>;
  /** How yaw and roll were measured: "landmarks" or "mask" (mask geometry). */
  readonly poseFrom?: 'landmarks' | 'mask';
}

/** A histogram over shared bin edges (continuous) or over 0/1 (binary). */
export interface Histogram {
  /** Bin edges, length = counts.length + 1 (binary: [0, 0.5, 1]). */
  readonly edges: readonly number[];
  /** Share of the side's measured images per bin (sums to 1), weighted when weights apply. */
  readonly shares: readonly number[];
}

/** One side's summary of an attribute. */
export interface SideStats {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly histogram: Histogram;
}

/** One attribute compared between A and B. */
export interface AttributeComparison {
  readonly name: string;
  readonly kind: AttributeKind;
  readonly title: string;
  readonly unit: string;
  /** wasserstein-1 for continuous attributes, total-variation for binary ones (equal to |rate A − rate B|). */
  readonly metric: 'wasserstein-1' | 'total-variation';
  readonly distance: number;
  /**
   * Size of the difference on a common scale, so attributes compare: continuous, W1 over the pooled standard deviation;
   * binary, Cohen's h (2·asin√p_B − 2·asin√p_A), absolute. Sorting is by this, largest first.
   */
  readonly effect: number;
  /** Which way B differs from A. */
  readonly direction: 'higher' | 'lower' | 'same';
  readonly a: SideStats;
  readonly b: SideStats;
  /** One line, e.g. "B has 5.1× more glasses (39% of images vs 8%)", "B's faces are 18% smaller". */
  readonly finding: string;
}

/** Distances between the two sets in a feature extractor's space. */
export interface FeatureDistances {
  readonly extractor: string;
  readonly dimension: number;
  readonly frechetDistance: number;
  /** Unbiased MMD² with the cubic polynomial kernel, mean and standard deviation over subsets. */
  readonly kid: { readonly mean: number; readonly sd: number; readonly subsets: number; readonly subsetSize: number };
  /** k-NN manifold precision/recall (Kynkäänniemi 2019) and density/coverage (Naeem 2020), B measured against A. */
  readonly precision: number;
  readonly recall: number;
  readonly density: number;
  readonly coverage: number;
  readonly k: number;
  /** Images of each set farthest from the other set (least covered), with their distance to the nearest neighbour there. */
  readonly leastCoveredA: ReadonlyArray<{ readonly id: string; readonly distance: number }>;
  readonly leastCoveredB: ReadonlyArray<{ readonly id: string; readonly distance: number }>;
}

/** Importance weights that make A's attribute distribution match B's, and a matched subset of A. */
export interface MatchingResult {
  /** How the weights were fitted, in a sentence (e.g. logistic regression on 14 standardised attributes). */
  readonly method: string;
  readonly attributes: readonly string[];
  /** Effective sample size of the weights (Σw)² / Σw². */
  readonly effectiveSize: number;
  readonly subsetSize: number;
  /** Each attribute's distance and effect before, after weighting and in the matched subset. */
  readonly distances: ReadonlyArray<{ readonly name: string; readonly metric: string; readonly before: number; readonly weighted: number; readonly subset: number; readonly effectBefore: number; readonly effectSubset: number }>;
}

/** The whole comparison of two datasets (dist.json's "summary"). */
export interface DistSummary {
  readonly imagesA: number;
  readonly imagesB: number;
  /** Sorted by effect, largest first. */
  readonly attributes: readonly AttributeComparison[];
  /** The largest differences in words, largest first. */
  readonly findings: readonly string[];
  readonly features?: FeatureDistances;
  readonly matching?: MatchingResult;
}

/** One dataset side of a distribution comparison as the user named it. */
export interface DistSideSpec {
  /** A dataset folder (its labels), or an unlabeled image folder when `model` is given (attributes from its predictions). */
  readonly path: string;
  /** More dataset folders in the same label schema, pooled into this side (ids get their folder's name in front). */
  readonly morePaths?: readonly string[];
  /** A label schema id the user chose for a folder FaceGap cannot recognise. */
  readonly schema?: string;
  /** An ONNX parser whose predictions stand in for labels (unlabeled folders), with its spec file when it has no sidecar. */
  readonly model?: string;
  readonly modelSpec?: string;
}

/** One side as recorded in dist.json. */
export interface DistSideRecord {
  readonly spec: DistSideSpec;
  /** What a person calls it, e.g. "CelebAMask-HQ sample (120 images, labels)". */
  readonly description: string;
  readonly images: number;
  /** Where the label-derived attributes came from. */
  readonly labelsFrom: 'labels' | 'predictions' | 'none';
}

/** A run's per-image score binned by one attribute, over a training set's distribution of that attribute. */
export interface SliceRecord {
  readonly attribute: string;
  readonly title: string;
  readonly unit: string;
  readonly kind: AttributeKind;
  /** Per bin: its edges, the run's mean score and image count there, and the training set's share of images there. */
  readonly bins: ReadonlyArray<{ readonly from: number; readonly to: number; readonly meanScore: number | null; readonly count: number; readonly trainShare: number }>;
}

/** The synthetic → real gap split into parts (mean F1 points), with the arithmetic shown. */
export interface GapDecompositionRecord {
  /** Real-trained minus synthetic-trained mean F1; null when either run is missing. */
  readonly total: number | null;
  readonly parts: ReadonlyArray<{ readonly name: 'distribution' | 'label' | 'photorealism'; readonly value: number | null; readonly share: number | null; readonly arithmetic: string }>;
  readonly assumptions: readonly string[];
  /** The arithmetic as sentences, and what could not be computed for lack of a run. */
  readonly sentences?: readonly string[];
  readonly missing?: readonly string[];
}

/** What dist.json says about a shard of a comparison (`facegap dist --shard i/n`); its summary covers only the shard's images. */
export interface DistShard extends ShardSpec {
  readonly assignment: string;
  /** Each side's images in this shard. */
  readonly itemsA: number;
  readonly itemsB: number;
  /** The options the whole comparison is summarised with once `facegap merge` has every shard. */
  readonly request: {
    readonly features?: { readonly model: string; readonly spec?: Partial<EmbedderSpec> };
    readonly matchSize?: number;
    readonly run?: string;
    readonly gap?: { readonly real: string; readonly synthetic: string; readonly matched?: string };
    readonly executionProvider?: ExecutionProviderChoice;
  };
}

/** dist.json: everything a distribution folder says about itself. */
export interface DistRecord {
  readonly kind: 'facegap-distribution';
  readonly formatVersion: 1;
  readonly createdAt: string;
  readonly a: DistSideRecord;
  readonly b: DistSideRecord;
  /** Every attribute measured on either side. */
  readonly attributes: readonly AttributeDef[];
  readonly summary: DistSummary;
  /** Performance by slice, when a run (scored on one side) was given. */
  readonly slices?: readonly SliceRecord[];
  /** The run's expected score if its test set's attributes matched the training side's, with the plain mean. */
  readonly expectedScore?: { readonly run: string; readonly plainMean: number; readonly weightedMean: number; readonly effectiveSize: number };
  readonly decomposition?: GapDecompositionRecord;
  /** Images that could not be measured, each naming the file; and other facts (e.g. "pose from mask geometry: no landmarks"). */
  readonly skipped: ReadonlyArray<{ readonly side: 'A' | 'B'; readonly file: string; readonly reason: string }>;
  readonly notes: readonly string[];
  readonly complete: boolean;
  readonly timings: { readonly seconds: number; readonly measured: number; readonly reused: number };
  /** Set on a shard's folder. */
  readonly shard?: DistShard;
  /** Set on a comparison that `facegap merge` combined from shards: their folders, in shard order. */
  readonly mergedFrom?: readonly string[];
}

/** File names inside a distribution folder. */
export const DIST_FILES = {
  record: 'dist.json',
  /** One ImageAttributes per line, per side. */
  attributesA: 'attributes-a.jsonl',
  attributesB: 'attributes-b.jsonl',
  /** id,weight per line for A's images (importance weights towards B). */
  weights: 'weights-a.csv',
  /** The matched subset of A: one image path per line. */
  subset: 'matched-subset-a.txt',
} as const;
