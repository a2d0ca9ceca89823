import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import sharp from 'sharp';
import { CELEBAMASK_HQ_PARTS } from '../../core/dataset/celebAMaskHqReader';
import type { LabelMap } from '../../core/raster/labelMap';
import { findBuiltinSchema } from '../../core/schema/builtinSchemas';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { renderAndLabel } from '../../core/synth/annotateFace';
import { sampleFace } from '../../core/synth/sampleFace';
import { GENERATOR_VERSION, itemRecord, SAMPLE_MANIFEST, type SampleItemRecord, type SampleManifest } from '../../core/synth/sampleManifest';
import type { SampleProfile } from '../../core/synth/sampleProfiles';
import { itemSeed } from '../../core/synth/random';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import { SharpLabelEncoder } from '../imaging/sharpLabelEncoder';
import { renderFace, type RenderedImage } from './renderFace';

/** What to generate: a profile, how many items, the seed and the square image size. */
export interface SampleRequest {
  readonly profile: SampleProfile;
  readonly count: number;
  readonly seed: number;
  readonly size: number;
}

const encoder = new SharpLabelEncoder();

/**
 * Generates a labelled sample folder in the profile's layout. It is written into a temporary folder beside `out`
 * and renamed into place at the end, so an interrupted run never leaves a half sample that looks complete.
 */
export async function writeSampleDataset(out: string, request: SampleRequest, signal?: AbortSignal, onItem?: (done: number) => void): Promise<SampleManifest> {
  const schema = schemaOf(request.profile);
  await refuseForeignFolder(out);
  const partial = `${out}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial, { recursive: true });
  let done = 0;
  try {
    const items = await mapConcurrent(Array.from({ length: request.count }, (_, i) => i), 2, async (index) => {
      const record = await writeItem(partial, request, schema, index);
      onItem?.(++done);
      return record;
    }, signal);
    const manifest = manifestOf(request, items);
    await fs.writeFile(path.join(partial, SAMPLE_MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
    await fs.rm(out, { recursive: true, force: true });
    await fs.rename(partial, out);
    return manifest;
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Only an empty folder or an earlier generated sample may be replaced: never a user's own data. */
async function refuseForeignFolder(out: string): Promise<void> {
  const entries: string[] = await fs.readdir(out).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0 && !entries.includes(SAMPLE_MANIFEST)) {
    throw new Error(`${out}: the folder exists and is not a generated sample (no ${SAMPLE_MANIFEST}); choose a new or empty folder`);
  }
}

function schemaOf(profile: SampleProfile): LabelSchema {
  const schema = findBuiltinSchema(profile.layout);
  if (!schema) throw new Error(`no built-in schema for layout ${profile.layout}`);
  return schema;
}

async function writeItem(root: string, request: SampleRequest, schema: LabelSchema, index: number): Promise<SampleItemRecord> {
  const face = sampleFace(request.profile, request.seed, index, request.size, request.size);
  const { scene, labels } = renderAndLabel(face, request.profile.annotation, schema);
  const image = await renderFace(scene, face.degradation, itemSeed(request.seed ^ 0x5eed, index));
  if (request.profile.layout === 'facesynthetics') {
    const id = String(index).padStart(6, '0');
    await fs.writeFile(path.join(root, `${id}.png`), await asPng(image));
    await fs.writeFile(path.join(root, `${id}_seg.png`), await encoder.encodeLabelPng(labels));
    return itemRecord(id, face);
  }
  const imageDir = path.join(root, 'CelebA-HQ-img');
  const maskDir = path.join(root, 'CelebAMask-HQ-mask-anno', String(Math.floor(index / 2000)));
  await fs.mkdir(imageDir, { recursive: true });
  await fs.mkdir(maskDir, { recursive: true });
  await fs.writeFile(path.join(imageDir, `${index}.${image.extension}`), image.bytes);
  await writePartMasks(maskDir, String(index).padStart(5, '0'), labels, schema);
  return itemRecord(String(index), face);
}

/** FaceSynthetics names its images {id}.png: a JPEG-degraded render is stored as the PNG of its decoded pixels, the same picture. */
async function asPng(image: RenderedImage): Promise<Buffer> {
  return image.extension === 'png' ? image.bytes : sharp(image.bytes).png({ compressionLevel: 6 }).toBuffer();
}

/** CelebAMask-HQ stores one 0/255 mask per part; parts with no pixels have no file. */
async function writePartMasks(dir: string, stem: string, labels: LabelMap, schema: LabelSchema): Promise<void> {
  for (const part of CELEBAMASK_HQ_PARTS) {
    const id = schema.classes.find((c) => c.name === part)?.id;
    if (id === undefined) continue;
    const mask = new Uint8Array(labels.data.length);
    for (let p = 0; p < mask.length; p++) if (labels.data[p] === id) mask[p] = 255;
    if (mask.includes(255)) await fs.writeFile(path.join(dir, `${stem}_${part}.png`), await encoder.encodeLabelPng({ width: labels.width, height: labels.height, data: mask }));
  }
}

function manifestOf(request: SampleRequest, items: SampleItemRecord[]): SampleManifest {
  const { profile } = request;
  return {
    generator: 'facegap-synth',
    version: GENERATOR_VERSION,
    profile: profile.id,
    profileTitle: profile.title,
    layout: profile.layout,
    seed: request.seed,
    count: request.count,
    size: request.size,
    annotation: profile.annotation,
    earsAsSkinRate: profile.earsAsSkinRate,
    items,
  };
}
