import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureAttributes } from '../../../src/core/distribution/attributes/measureAttributes';
import { noiseSigma, sharpness } from '../../../src/core/distribution/attributes/textureAttributes';
import type { RgbImage } from '../../../src/core/raster/rgbImage';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { prng } from '../../helpers/prng';

type Rgb = readonly [number, number, number];

function image(width: number, height: number, colour: (x: number, y: number) => Rgb): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 3);
  return { width, height, data };
}

/** Adds independent Gaussian noise of standard deviation `sigma` to every channel (Box–Muller), rounded and clamped. */
function withNoise(img: RgbImage, sigma: number, seed: number): RgbImage {
  const rand = prng(seed);
  const data = img.data.map((v) => {
    const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.min(255, Math.round(v + sigma * g)));
  });
  return { ...img, data };
}

/** A 3×3 box blur (edges clamped). */
function boxBlur(img: RgbImage): RgbImage {
  const { width: w, height: h } = img;
  const data = new Uint8Array(img.data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += img.data[(Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))) * 3 + c];
        data[(y * w + x) * 3 + c] = Math.round(s / 9);
      }
    }
  }
  return { width: w, height: h, data };
}

/** A scene with hard edges and smooth shading: a lit gradient with rectangles and a disc. */
const scene = (x: number, y: number): Rgb => {
  if ((x - 70) ** 2 + (y - 60) ** 2 < 900) return [220, 180, 150];
  if (x > 20 && x < 60 && y > 90 && y < 120) return [40, 60, 160];
  if ((Math.floor(x / 16) + Math.floor(y / 16)) % 5 === 0) return [30, 30, 30];
  return [90 + x / 2, 110 + y / 3, 120];
};

test('a uniform colour has its own brightness, saturation and colourfulness, and no contrast, sharpness or noise', () => {
  const [r, g, b] = [200, 100, 50];
  const { values } = measureAttributes({ image: image(32, 24, () => [r, g, b]), concepts: [] });
  assert.ok(Math.abs(values.brightness - (0.299 * r + 0.587 * g + 0.114 * b) / 255) < 1e-12);
  assert.ok(Math.abs(values.saturation - (r - b) / r) < 1e-12);
  const [rg, yb] = [r - g, (r + g) / 2 - b];
  assert.ok(Math.abs(values.colourfulness - 0.3 * Math.hypot(rg, yb)) < 1e-9);
  assert.equal(values.contrast, 0);
  assert.equal(values.sharpness, 0);
  assert.equal(values.noise, 0);
  assert.equal('jpegQuality' in values, false);
  assert.equal('faceArea' in values, false);
});

test('a grey image has no colourfulness; black and white halves have contrast 0.5', () => {
  const grey = measureAttributes({ image: image(8, 8, () => [90, 90, 90]), concepts: [] }).values;
  assert.equal(grey.colourfulness, 0);
  assert.equal(grey.saturation, 0);
  const halves = measureAttributes({ image: image(8, 8, (x) => (x < 4 ? [0, 0, 0] : [255, 255, 255])), concepts: [] }).values;
  assert.ok(Math.abs(halves.contrast - 0.5) < 1e-12 && Math.abs(halves.brightness - 0.5) < 1e-12);
});

test('Gaussian noise of known sigma is estimated within 20%, on a flat image and on one with edges', () => {
  for (const sigma of [2, 5, 10]) {
    for (const [name, base] of [['flat', image(128, 128, () => [128, 128, 128])], ['edges', image(128, 128, scene)]] as const) {
      const estimate = noiseSigma(withNoise(base, sigma, 11 + sigma)) ?? NaN;
      assert.ok(Math.abs(estimate - sigma) < 0.2 * sigma, `${name}, σ ${sigma}: estimated ${estimate.toFixed(2)}`);
    }
  }
  const clean = noiseSigma(image(128, 128, scene)) ?? NaN;
  assert.ok(clean < 0.5, `the clean scene reads ${clean.toFixed(2)}`);
});

test('blur lowers sharpness, and more blur lowers it more', () => {
  const sharp = withNoise(image(96, 96, scene), 3, 5);
  const once = boxBlur(sharp);
  const twice = boxBlur(once);
  const [s0, s1, s2] = [sharp, once, twice].map((img) => sharpness(img) ?? NaN);
  assert.ok(s0 > s1 && s1 > s2, `${s0}, ${s1}, ${s2}`);
  assert.ok(s2 > 0);
});

/** sRGB → CIELAB (D65) the textbook way: linearise, the sRGB matrix to XYZ, then L*, a*, b* against the D65 white. */
function textbookLab([r, g, b]: Rgb): [number, number, number] {
  const lin = (v: number): number => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.9505;
  const Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.089;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

test('ITA of skin pixels matches the formula on the textbook CIELAB values, and ignores non-skin pixels', () => {
  const labels = { width: 20, height: 20, data: new Uint8Array(400).map((_, i) => (i % 20 < 12 ? 1 : 0)) };
  let previous = Infinity;
  for (const skin of [[236, 198, 170], [198, 140, 100], [141, 85, 36], [80, 52, 36]] as const) {
    const img = image(20, 20, (x) => (x < 12 ? skin : [20, 40, 230]));
    const { values } = measureAttributes({ labels, schema: FACE_SYNTHETICS_SCHEMA, image: img, concepts: [] });
    const [L, , b] = textbookLab(skin);
    const expected = (Math.atan((L - 50) / b) * 180) / Math.PI;
    assert.ok(Math.abs(values.ita - expected) < 0.05, `${skin}: ${values.ita} vs ${expected}`);
    assert.ok(values.ita < previous, 'darker skin, lower ITA');
    previous = values.ita;
  }
  const bluish = measureAttributes({ labels, schema: FACE_SYNTHETICS_SCHEMA, image: image(20, 20, () => [120, 130, 200]), concepts: [] });
  assert.equal('ita' in bluish.values, false, 'b* ≤ 0 is outside what ITA describes');
  const otherSize = measureAttributes({ labels, schema: FACE_SYNTHETICS_SCHEMA, image: image(10, 10, () => [236, 198, 170]), concepts: [] });
  assert.equal('ita' in otherSize.values, false, 'an image of another size than the labels');
});
