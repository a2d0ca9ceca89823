import sharp from 'sharp';
import type { Degradation } from '../../core/synth/faceParams';
import type { FaceScene } from '../../core/synth/faceScene';
import { gaussian, mulberry32 } from '../../core/synth/random';
import { sceneSvg, type SvgOptions } from '../../core/synth/sceneSvg';

/** A rendered image: encoded bytes and the extension they need. */
export interface RenderedImage {
  readonly bytes: Buffer;
  readonly extension: 'png' | 'jpg';
}

/** Renders a scene with sharp (librsvg), then blurs, adds seeded sensor noise and encodes (PNG, or JPEG at the given quality). */
export async function renderFace(scene: FaceScene, degradation: Degradation, noiseSeed: number): Promise<RenderedImage> {
  let pipeline = sharp(Buffer.from(sceneSvg(scene))).removeAlpha();
  if (degradation.blurSigma >= 0.3) pipeline = pipeline.blur(degradation.blurSigma);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (degradation.noiseSigma > 0) addNoise(data, degradation.noiseSigma, noiseSeed);
  const raw = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  if (degradation.jpegQuality === null) return { bytes: await raw.png({ compressionLevel: 6 }).toBuffer(), extension: 'png' };
  return { bytes: await raw.jpeg({ quality: degradation.jpegQuality, chromaSubsampling: '4:2:0' }).toBuffer(), extension: 'jpg' };
}

function addNoise(data: Buffer, sigma: number, seed: number): void {
  const rand = mulberry32(seed);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i] + gaussian(rand, 0, sigma))));
}

/** Renders a scene's layers in flat colours without antialiasing (for checking that labels and drawing agree). */
export async function renderFlat(scene: FaceScene, flat: NonNullable<SvgOptions['flat']>): Promise<Buffer> {
  return sharp(Buffer.from(sceneSvg(scene, { flat }))).removeAlpha().raw().toBuffer();
}
