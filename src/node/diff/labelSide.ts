import type { LabelMap } from '../../core/raster/labelMap';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { DiffSideRecord, LabelSideSpec } from '../../core/diff/diffTypes';

/** One item's labels read from a side: the map in the side's own class ids, and the content hash of the file(s) read. */
export interface SideLabel {
  readonly map: LabelMap;
  readonly key: string;
}

/** An item's label files read and keyed, not yet decoded (a stored result with the same key needs no decoding). */
export interface ReadLabel {
  readonly key: string;
  /** Decodes the files read; throws an Error naming the file when one is corrupt or holds ids outside the schema. */
  decode(signal?: AbortSignal): Promise<LabelMap>;
}

/** An opened label source of a diff: its items, their files, and how to read one. */
export interface LabelSide {
  readonly spec: LabelSideSpec;
  /** What a person calls it, e.g. "ground truth of run real-style (celebamask-hq)". */
  readonly description: string;
  readonly schema: LabelSchema;
  /** Why this schema (the layout fixes it, the run records it, recognised from the masks, given by the user). */
  readonly schemaReason: string;
  readonly ids: readonly string[];
  /** Facts met while opening the side (dataset problems, items without labels), each naming the file or folder. */
  readonly notes: readonly string[];
  /** The image file of an item, when the side knows one. */
  imageOf(id: string): string | undefined;
  /** The label file(s) of an item, as errors name them. */
  fileOf(id: string): string;
  /** Reads an item's label files and their content key; throws an Error naming the file when one cannot be read. */
  read(id: string, signal?: AbortSignal): Promise<ReadLabel>;
  /** Reads and decodes an item's labels; throws an Error naming the file when it cannot be read or holds ids outside the schema. */
  load(id: string, signal?: AbortSignal): Promise<SideLabel>;
  /** The side as diff.json records it. */
  record(): DiffSideRecord;
}

/** The record of a side, from its parts. */
export function sideRecord(side: Pick<LabelSide, 'spec' | 'description' | 'schema' | 'ids'>): DiffSideRecord {
  return {
    spec: side.spec,
    description: side.description,
    schema: side.schema.id,
    schemaTitle: side.schema.title,
    leftRight: side.schema.leftRight,
    items: side.ids.length,
  };
}
