/** Where an item's ground-truth labels come from. */
export type LabelSource =
  /** One mask file holding class ids (grayscale), palette indices, or schema colours (RGB). */
  | { readonly kind: 'mask'; readonly path: string }
  /** CelebAMask-HQ style: one binary mask per part, painted in the schema's class order (later parts win). */
  | { readonly kind: 'parts'; readonly parts: ReadonlyArray<{ readonly className: string; readonly path: string }> }
  /** Helen style: one 8-bit probability map per class id (index = class id); the label is the per-pixel argmax. */
  | { readonly kind: 'probabilityMaps'; readonly paths: readonly string[] };

/** One image of a dataset with its labels and landmarks, when it has them. */
export interface DatasetItem {
  /** Unique within the dataset; a split prefix keeps ids apart ("test/0001"). */
  readonly id: string;
  readonly imagePath: string;
  readonly label?: LabelSource;
  readonly landmarksPath?: string;
}

/** A problem found in a dataset, naming the file. */
export interface DatasetProblem {
  readonly file: string;
  readonly problem: string;
}

/** Identifies a reader. */
export type DatasetFormatId = 'facesynthetics' | 'celebamask-hq' | 'lapa' | 'helen' | 'generic';

/** A scanned dataset folder. */
export interface DatasetIndex {
  readonly root: string;
  readonly format: DatasetFormatId;
  /** What a person calls this layout, e.g. "FaceSynthetics (flat: {id}.png, {id}_seg.png, {id}_ldmks.txt)". */
  readonly formatTitle: string;
  /** The label schema of the ground truth, or undefined when it must be inferred from the masks. */
  readonly schemaId?: string;
  /** Why that schema (layout fixes it, a table file names it, …). */
  readonly schemaReason?: string;
  readonly items: readonly DatasetItem[];
  readonly problems: readonly DatasetProblem[];
  /** Landmark points per file the format defines, when it has landmarks. */
  readonly landmarkPoints?: number;
  /** Facts about the layout a user should know (e.g. "labels are 512 px, images 1024 px"). */
  readonly notes: readonly string[];
}

/** Makes an id from a split prefix and a file stem. */
export function itemId(split: string | undefined, stem: string): string {
  return split ? `${split}/${stem}` : stem;
}
