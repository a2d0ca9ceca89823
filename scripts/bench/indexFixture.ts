// The files of (e): `count` tiny FaceSynthetics-layout pairs ({id}.png, {id}_seg.png) in one flat folder, the same
// 8×8 PNG bytes under every name, so generating 100,000 pairs takes seconds.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import sharp from 'sharp';

const SIDE = 8;

/** Writes the pairs; resolves with the seconds it took. */
export async function writeIndexFixture(dir: string, count: number): Promise<number> {
  const started = performance.now();
  await fs.mkdir(dir, { recursive: true });
  const rgb = Buffer.alloc(SIDE * SIDE * 3);
  const ids = Buffer.alloc(SIDE * SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    rgb.set([200 - i, 150, 100 + i], i * 3);
    ids[i] = i % SIDE < SIDE / 2 ? 0 : 1; // background and skin
  }
  const image = await sharp(rgb, { raw: { width: SIDE, height: SIDE, channels: 3 } }).png().toBuffer();
  const label = await sharp(ids, { raw: { width: SIDE, height: SIDE, channels: 1 } }).png().toBuffer();
  const width = String(count - 1).length;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const id = String(next++).padStart(width, '0');
      await fs.writeFile(path.join(dir, `${id}.png`), image);
      await fs.writeFile(path.join(dir, `${id}_seg.png`), label);
    }
  };
  await Promise.all(Array.from({ length: 32 }, lane));
  // As a dataset that has sat on disk: a folder changed in the last seconds is listed again on every reopen (its time
  // may not move on the next change), which would make (e)'s reopen rows depend on how soon they run.
  const past = new Date(Date.now() - 60_000);
  await fs.utimes(dir, past, past);
  return (performance.now() - started) / 1000;
}
