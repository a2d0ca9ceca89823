import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { MaskSnapshot, MaskViewEvents, MaskViewRequests } from '../../src/protocol/maskViewMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { HOSTILE_NAME, SCHEMA, waitForPage } from './reportFixtures';

type Harness = WebviewHarness<MaskViewRequests, MaskViewEvents>;

const chromium = chromiumPath();
const WIDTH = 40;
const HEIGHT = 30;

/** A 40×30 mask: background, a skin block (id 3) at x 10–19, y 5–14, a hair row (id 5) at y 20, ignore (255) at x 0–3, y 0–3 and one unknown id 42 at (39, 29). */
function maskSnapshot(overrides: Partial<MaskSnapshot> = {}, skinId = 3): MaskSnapshot {
  const ids = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const inSkin = x >= 10 && x < 20 && y >= 5 && y < 15;
      ids[y * WIDTH + x] = x < 4 && y < 4 ? 255 : inSkin ? skinId : y === 20 ? 5 : 0;
    }
  }
  ids[WIDTH * HEIGHT - 1] = 42;
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    file: 'mask_00017.png',
    pixels: { width: WIDTH, height: HEIGHT, ids },
    schema: SCHEMA,
    schemaReason: 'the folder is a CelebAMask-HQ layout',
    counts: [...counts].map(([id, pixels]) => ({ id, pixels })),
    notes: ['mask_00017.png: 1 pixel has id 42, which the schema does not have'],
    ...overrides,
  };
}

/** Moves the mouse to the centre of a mask pixel, wherever the canvas is and however it is scaled. */
async function hoverPixel(page: Page, x: number, y: number): Promise<void> {
  const box = await page.locator('canvas.mask-canvas').boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + ((x + 0.5) * box.width) / WIDTH, box.y + ((y + 0.5) * box.height) / HEIGHT);
}

async function canvasPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(`Array.from(document.querySelector('canvas.mask-canvas').getContext('2d').getImageData(${x}, ${y}, 1, 1).data)`);
}

describe('mask viewer webview', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<MaskViewRequests, MaskViewEvents>('mask');
  let harness: Harness | undefined;
  async function open(snapshot: MaskSnapshot | Error): Promise<Harness> {
    harness = await session.open((host) =>
      host.serve({ ready: () => (snapshot instanceof Error ? Promise.reject(snapshot) : snapshot) }),
    );
    await harness.page.waitForSelector(snapshot instanceof Error ? '[role="alert"]' : 'canvas.mask-canvas[data-scale]');
    return harness;
  }

  it('draws each pixel in its class colour, ignore and unknown ids in grey', async () => {
    const { page, errors } = await open(maskSnapshot());
    assert.deepEqual(await canvasPixel(page, 12, 7), [204, 0, 0, 255]);
    assert.deepEqual(await canvasPixel(page, 30, 20), [0, 0, 204, 255]);
    assert.deepEqual(await canvasPixel(page, 30, 25), [0, 0, 0, 255]);
    const [r, g, b] = await canvasPixel(page, 1, 1);
    assert.ok(r === g && g === b && r > 0, `ignore pixel is ${r},${g},${b}`);
    const rendering = await page.evaluate(`getComputedStyle(document.querySelector('canvas.mask-canvas')).imageRendering`);
    assert.equal(rendering, 'pixelated');
    assert.deepEqual(errors, []);
  });

  it('reads out the pixel under the pointer with its id and class name', async () => {
    const { page, errors } = await open(maskSnapshot());
    await hoverPixel(page, 12, 7);
    assert.equal(await page.locator('.readout').innerText(), '12, 7 · id 3 · skin');
    await hoverPixel(page, 2, 3);
    assert.equal(await page.locator('.readout').innerText(), '2, 3 · id 255 · ignore');
    await hoverPixel(page, 39, 29);
    assert.equal(await page.locator('.readout').innerText(), '39, 29 · id 42 · not in schema');
    assert.deepEqual(errors, []);
  });

  it('lists the classes present with counts and shares, ids outside the schema too, and all classes on request', async () => {
    const { page, errors } = await open(maskSnapshot());
    const rows = async (): Promise<string[]> => (await page.locator('.legend-table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(await rows(), ['background 0 1,043 86.9 %', 'skin 3 100 8.33 %', 'hair 5 40 3.33 %', 'not in schema 42 1 0.08 %', 'ignore 255 16 1.33 %']);
    await page.locator('.legend-toggle').click();
    await page.locator('.legend-table tbody tr').nth(6).waitFor();
    assert.ok((await rows()).includes('hat 7 0 –'));
    assert.match(await page.locator('.mask-info').innerText(), /Test schema — the folder is a CelebAMask-HQ layout[\s\S]*id 42, which the schema does not have/);
    assert.deepEqual(errors, []);
  });

  it('zooms in whole-pixel steps with + and −, fits with 0, zooms with the wheel and pans by dragging', async () => {
    const { page, errors } = await open(maskSnapshot());
    const scale = async (): Promise<number> => Number(await page.locator('canvas.mask-canvas').getAttribute('data-scale'));
    const fitted = await scale();
    assert.ok(Number.isInteger(fitted) && fitted > 1, `fit scale ${fitted}`);
    await page.locator('.viewport').focus();
    await page.keyboard.press('+');
    assert.ok((await scale()) > fitted && Number.isInteger(await scale()));
    await page.keyboard.press('0');
    assert.equal(await scale(), fitted);
    await page.keyboard.press('-');
    assert.ok((await scale()) < fitted);
    await page.keyboard.press('0');
    const before = await page.locator('canvas.mask-canvas').boundingBox();
    await hoverPixel(page, 12, 7);
    await page.mouse.wheel(0, -100);
    await waitForPage(page, `Number(document.querySelector('canvas.mask-canvas').dataset.scale) > ${fitted}`);
    assert.equal(await page.locator('.readout').innerText(), '12, 7 · id 3 · skin');
    await page.keyboard.press('0');
    await page.mouse.move(400, 300);
    await page.mouse.down();
    await page.mouse.move(430, 310, { steps: 3 });
    await page.mouse.up();
    const after = await page.locator('canvas.mask-canvas').boundingBox();
    assert.deepEqual([after!.x - before!.x, after!.y - before!.y], [30, 10]);
    assert.deepEqual(errors, []);
  });

  it('re-draws when the file changes on disk', async () => {
    const { page, host, errors } = await open(maskSnapshot());
    host.emit({ type: 'didChangeMask', snapshot: maskSnapshot({}, 9) });
    await waitForPage(page, `document.querySelector('canvas.mask-canvas').getContext('2d').getImageData(12, 7, 1, 1).data[1] === 204`);
    assert.deepEqual(await canvasPixel(page, 12, 7), [204, 204, 0, 255]);
    await hoverPixel(page, 12, 7);
    assert.equal(await page.locator('.readout').innerText(), '12, 7 · id 9 · glasses');
    assert.deepEqual(errors, []);
  });

  it('shows the error, naming the file, when the mask cannot be read', async () => {
    const { page, errors } = await open(new Error('/data/masks/broken.png: not a PNG file'));
    assert.match(await page.locator('[role="alert"]').innerText(), /\/data\/masks\/broken\.png: not a PNG file/);
    assert.deepEqual(errors, []);
  });

  it('shows a hostile file name as text and runs nothing', async () => {
    const dialogs: string[] = [];
    const { page, errors } = await open(maskSnapshot({ file: HOSTILE_NAME, notes: [`${HOSTILE_NAME}: odd`] }));
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    assert.equal(await page.locator('h1.mask-file').innerText(), HOSTILE_NAME);
    assert.equal(await page.locator('img').count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });
});
