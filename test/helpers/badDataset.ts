import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { FACE_SYNTHETICS_SCHEMA } from '../../src/core/schema/builtin/faceSynthetics';
import { drawFace, FS_FACE, paintLabels, schemaColours, writeGrayPng, writeRgb } from './fixtures';
import { makeTempDir, type TempDir } from './tempModels';

/** Item names that must be processed like any other and come out verbatim (or escaped) in every output. */
export const ODD_NAMES = [`it's "quoted"`, 'with space', 'é日本', '<script>alert(1)<script>', '<img src=x onerror=alert(1)>'] as const;

/** A generic-layout dataset (images/ + masks/) mixing valid items with one of each bad case. */
export interface BadDataset {
  readonly tmp: TempDir;
  readonly root: string;
  /** Stems of the items every command must still score (with the unreadable one when the CLI runs as root). */
  readonly valid: readonly string[];
}

const SIZE = 32;
const COLOURS = schemaColours(FACE_SYNTHETICS_SCHEMA);

/** Writes images/<stem>.<ext> and masks/<stem>.png of one face; either side may be left out. */
async function writeItem(root: string, stem: string, o: { ext?: string; image?: boolean; mask?: boolean; size?: number } = {}): Promise<void> {
  const size = o.size ?? SIZE;
  const map = drawFace(size, size, FS_FACE, stem.length % 3);
  if (o.image !== false) await writeRgb(path.join(root, 'images', `${stem}.${o.ext ?? 'png'}`), paintLabels(map, COLOURS));
  if (o.mask !== false) await writeGrayPng(path.join(root, 'masks', `${stem}.png`), map);
}

/** Cuts a file to half its length. */
function truncate(file: string): void {
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/** Overwrites the middle of a file with junk, keeping its header and end marker. */
function corrupt(file: string): void {
  const bytes = fs.readFileSync(file);
  const from = Math.floor(bytes.length / 3);
  bytes.fill(0x5a, from, from + Math.max(8, Math.floor(bytes.length / 3)));
  fs.writeFileSync(file, bytes);
}

/** Writes the dataset; `size` and the face shift make every valid item decodable and scorable by the colour model. */
export async function writeBadDataset(prefix: string): Promise<BadDataset> {
  const tmp = makeTempDir(prefix);
  const root = path.join(tmp.dir, 'bad');
  const images = path.join(root, 'images');
  const masks = path.join(root, 'masks');
  const valid = ['valid-a', 'valid-b', 'valid-c', 'valid-jpeg', 'one-pixel', ...ODD_NAMES];
  for (const stem of valid) await writeItem(root, stem, { ext: stem === 'valid-jpeg' ? 'jpg' : 'png', size: stem === 'one-pixel' ? 1 : SIZE });
  for (const stem of ['truncated-png', 'corrupt-png', 'truncated-jpeg', 'corrupt-jpeg', 'zero-image', 'zero-mask', 'unexpected-id', 'rgb-off-palette', 'size-mismatch', 'unreadable']) {
    await writeItem(root, stem, { ext: stem.endsWith('jpeg') ? 'jpg' : 'png' });
  }
  truncate(path.join(images, 'truncated-png.png'));
  corrupt(path.join(images, 'corrupt-png.png'));
  truncate(path.join(images, 'truncated-jpeg.jpg'));
  corrupt(path.join(images, 'corrupt-jpeg.jpg'));
  fs.writeFileSync(path.join(images, 'zero-image.png'), Buffer.alloc(0));
  fs.writeFileSync(path.join(masks, 'zero-mask.png'), Buffer.alloc(0));
  await writeUnexpectedId(path.join(masks, 'unexpected-id.png'));
  await writeOffPaletteRgb(path.join(masks, 'rgb-off-palette.png'));
  await writeGrayPng(path.join(masks, 'size-mismatch.png'), drawFace(48, SIZE, FS_FACE));
  fs.chmodSync(path.join(images, 'unreadable.png'), 0);
  await writeItem(root, 'no-mask', { mask: false });
  await writeItem(root, 'no-image', { image: false });
  await writeItem(root, 'duplicate', { ext: 'png' });
  await writeItem(root, 'duplicate', { ext: 'jpg', mask: false }); // duplicate.jpg sorts first and is the one used
  fs.writeFileSync(path.join(images, 'huge-image.png'), hugeBlankPng());
  await writeItem(root, 'huge-image', { image: false });
  await writeItem(root, 'huge-mask', { mask: false });
  fs.writeFileSync(path.join(masks, 'huge-mask.png'), hugeBlankPng());
  await writeItem(root, 'huge-palette-mask', { mask: false });
  fs.writeFileSync(path.join(masks, 'huge-palette-mask.png'), hugeBlankPng({ palette: true }));
  fs.symlinkSync('.', path.join(images, 'loop'));
  fs.symlinkSync('nowhere.png', path.join(images, 'dangling.png'));
  fs.symlinkSync('nowhere.png', path.join(masks, 'dangling.png'));
  fs.symlinkSync('link-loop-b.png', path.join(images, 'link-loop-a.png'));
  fs.symlinkSync('link-loop-a.png', path.join(images, 'link-loop-b.png'));
  return { tmp, root, valid: [...valid, 'duplicate'] };
}

/** A mask whose first rows hold class id 23, which FaceSynthetics does not have. */
async function writeUnexpectedId(file: string): Promise<void> {
  const map = drawFace(SIZE, SIZE, FS_FACE);
  map.data.fill(23, 0, 10);
  await writeGrayPng(file, map);
}

/** An RGB mask in FaceSynthetics colours, with a patch in a colour outside the palette. */
async function writeOffPaletteRgb(file: string): Promise<void> {
  const image = paintLabels(drawFace(SIZE, SIZE, FS_FACE), COLOURS);
  for (let i = 0; i < 12; i++) image.data.set([1, 2, 3], i * 3);
  await writeRgb(file, image);
}

/** Side of hugeBlankPng: 10240² ≈ 104.9 megapixels, over the 100-megapixel limit. */
export const HUGE_SIDE = 10240;

/** A valid, all-zero 1-bit PNG (gray, or palette: decoded by fast-png) of side² pixels: kilobytes on disk, 100 MB and more decoded. */
export function hugeBlankPng(o: { side?: number; palette?: boolean } = {}): Buffer {
  const side = o.side ?? HUGE_SIDE;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, o.palette ? 3 : 0, 0, 0, 0], 8); // bit depth 1, gray or palette, deflate, adaptive filter, no interlace
  const raw = Buffer.alloc((Math.ceil(side / 8) + 1) * side); // each row: filter byte 0, then zeros
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const palette = o.palette ? [chunk('PLTE', Buffer.from([0, 0, 0, 255, 0, 0]))] : [];
  return Buffer.concat([signature, chunk('IHDR', header), ...palette, chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
