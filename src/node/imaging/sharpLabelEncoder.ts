import sharp from 'sharp';
import type { LabelEncoder } from '../../core/ports/imageDecoder';
import type { LabelMap } from '../../core/raster/labelMap';

/** Writes class-id maps as single-channel 8-bit PNGs ('b-w', or sharp would write RGB). */
export class SharpLabelEncoder implements LabelEncoder {
  /** Encodes a class-id map; pixel value = class id. */
  async encodeLabelPng(map: LabelMap): Promise<Uint8Array> {
    const png = await sharp(map.data, { raw: { width: map.width, height: map.height, channels: 1 } })
      .toColourspace('b-w')
      .png({ compressionLevel: 6 })
      .toBuffer();
    return new Uint8Array(png.buffer, png.byteOffset, png.length);
  }
}
