/** The JPEG standard's example tables (ITU T.81 Annex K), natural order, that the IJG quality setting scales. */
const LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMINANCE = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
  ...new Array<number>(32).fill(99),
];
/** Natural-order position of the k-th value of a DQT segment, which stores tables in zig-zag order. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** One quantisation table from a DQT segment, in natural order, by its table id. */
type Tables = Map<number, number[]>;

function readDqt(bytes: Uint8Array, start: number, end: number, tables: Tables): void {
  let p = start;
  while (p < end) {
    const wide = bytes[p] >> 4 === 1;
    const id = bytes[p] & 0x0f;
    p++;
    const size = wide ? 128 : 64;
    if (p + size > end) return;
    const table = new Array<number>(64);
    for (let k = 0; k < 64; k++) table[ZIGZAG[k]] = wide ? (bytes[p + 2 * k] << 8) | bytes[p + 2 * k + 1] : bytes[p + k];
    tables.set(id, table);
    p += size;
  }
}

/** The quantisation tables of a JPEG file, read from the markers before the first scan; empty for anything else. */
export function jpegQuantTables(bytes: Uint8Array): Tables {
  const tables: Tables = new Map();
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return tables;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return tables;
    const marker = bytes[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return tables;
    const length = (bytes[p + 2] << 8) | bytes[p + 3];
    if (length < 2) return tables;
    if (marker === 0xdb) readDqt(bytes, p + 4, Math.min(bytes.length, p + 2 + length), tables);
    p += 2 + length;
  }
  return tables;
}

/** The table libjpeg (jcparam.c, baseline) makes from a base table at quality q. */
export function ijgTable(base: readonly number[], quality: number): number[] {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return base.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

function mismatch(tables: Tables, quality: number): number {
  let error = 0;
  for (const [id, base] of [[0, LUMINANCE], [1, CHROMINANCE]] as const) {
    const actual = tables.get(id);
    if (!actual) continue;
    const expected = ijgTable(base, quality);
    for (let i = 0; i < 64; i++) error += Math.abs(actual[i] - expected[i]);
  }
  return error;
}

/**
 * The IJG quality (1–100) whose scaled standard tables come closest to the file's tables 0 (luminance) and 1
 * (chrominance), by summed absolute difference; the middle of the qualities that tie (several give all-ones tables
 * near 100). Exact for files written by libjpeg and its descendants, the nearest IJG equivalent for other encoders;
 * undefined when the bytes are not a JPEG or have no table 0.
 */
export function jpegQuality(bytes: Uint8Array): number | undefined {
  const tables = jpegQuantTables(bytes);
  if (!tables.has(0)) return undefined;
  let best = Infinity;
  let tied: number[] = [];
  for (let q = 1; q <= 100; q++) {
    const error = mismatch(tables, q);
    if (error < best) [best, tied] = [error, [q]];
    else if (error === best) tied.push(q);
  }
  return tied[Math.floor((tied.length - 1) / 2)];
}
