import type { LabelMap } from '../raster/labelMap';
import type { RgbImage, Size } from '../raster/rgbImage';

/** What a file's header says about an image. */
export interface ImageInfo {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly format: string;
  readonly isPalette: boolean;
  readonly bitDepth: number;
}

/** A decoded mask file, before it is interpreted in a label schema. */
export type DecodedMask =
  | { readonly kind: 'ids'; readonly map: LabelMap }
  | { readonly kind: 'palette'; readonly map: LabelMap; readonly palette: ReadonlyArray<readonly [number, number, number]> }
  | { readonly kind: 'rgb'; readonly image: RgbImage };

/** How to resample an image to a model's input size. */
export type ResizeKernel = 'nearest' | 'linear' | 'cubic' | 'lanczos3';

/** Decodes image bytes; `name` only labels error messages. Implementations must reject corrupt or truncated data. */
export interface ImageDecoder {
  /** Reads the header only. */
  probe(bytes: Uint8Array, name: string): Promise<ImageInfo>;
  /** Decodes to 8-bit RGB, optionally resized (stretched) to an exact size. */
  decodeRgb(bytes: Uint8Array, name: string, resize?: { size: Size; kernel: ResizeKernel }): Promise<RgbImage>;
  /** Decodes a label mask: class ids (grayscale), palette indices with their palette, or RGB colours. */
  decodeMask(bytes: Uint8Array, name: string): Promise<DecodedMask>;
  /** Decodes the first channel as 8-bit values (binary part masks, probability maps). */
  decodeGray(bytes: Uint8Array, name: string): Promise<LabelMap>;
}

/** Encodes label maps for storage. */
export interface LabelEncoder {
  /** Encodes a class-id map as a single-channel 8-bit PNG (pixel value = class id). */
  encodeLabelPng(map: LabelMap): Promise<Uint8Array>;
}
