// Types of zipEntries.mjs, for the unit tests.

/** One file of a zip. */
export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
}
/** The entries of a zip held in a Buffer. */
export declare function zipEntries(buffer: Buffer): ZipEntry[];
