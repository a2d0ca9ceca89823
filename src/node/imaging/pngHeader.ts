/** The fields of a PNG's IHDR chunk that decide how a mask must be decoded. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  readonly colorType: number;
  /** True for Adam7 interlacing. */
  readonly interlaced: boolean;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads a PNG's IHDR, or returns undefined when the bytes are not a PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 29 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunkType !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24], colorType: bytes[25], interlaced: bytes[28] === 1 };
}

/** The colours of a PNG's PLTE chunk, in index order (empty when there is none). */
export function readPngPalette(bytes: Uint8Array): Array<[number, number, number]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (type === 'PLTE') {
      const colours: Array<[number, number, number]> = [];
      for (let i = at + 8; i + 3 <= Math.min(at + 8 + length, bytes.length); i += 3) colours.push([bytes[i], bytes[i + 1], bytes[i + 2]]);
      return colours;
    }
    if (type === 'IDAT' || type === 'IEND') return [];
    at += 12 + length;
  }
  return [];
}
