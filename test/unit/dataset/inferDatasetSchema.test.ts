import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { DatasetIndex } from '../../../src/core/dataset/datasetIndex';
import { SchemaUnknownError, inferDatasetSchema } from '../../../src/core/dataset/inferDatasetSchema';
import { openDataset } from '../../../src/core/dataset/openDataset';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { BUILTIN_SCHEMAS } from '../../../src/core/schema/builtinSchemas';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';
import { CAMHQ_FACE, FS_FACE, LAPA_FACE, drawFace, paintLabels, schemaColours, writeGrayPng, writePalettePng, writeRgb } from '../../helpers/fixtures';
import { CAMHQ_SCHEMA, FACE_SIZE, LAPA_SCHEMA, filledMap, p, realAdapters, writeFacePicture, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files, decoder } = realAdapters();
type MaskWriter = (file: string, map: LabelMap) => Promise<string>;

const gray: MaskWriter = writeGrayPng;
const paletteOf = (schema: LabelSchema): MaskWriter => (file, map) => writePalettePng(file, map, schema.classes.map((c) => c.color));
const coloursOf = (schema: LabelSchema): MaskWriter => (file, map) => writeRgb(file, paintLabels(map, schemaColours(schema)));

/** Faces drawn with `ids`, shifted a little each so the masks are not all identical. */
function faces(ids: typeof FS_FACE, n = 3): LabelMap[] {
  return Array.from({ length: n }, (_, i) => drawFace(FACE_SIZE, FACE_SIZE, ids, i * 2 - 2));
}

describe('inferDatasetSchema', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-infer-');
  });
  afterEach(() => tmp.remove());

  /** A generic images/ + masks/ dataset of the given masks, indexed. */
  async function genericDataset(maps: readonly LabelMap[], writeMask: MaskWriter): Promise<DatasetIndex> {
    for (const [i, map] of maps.entries()) {
      await writeFacePicture(p(tmp.dir, 'images', `${i}.jpg`), map, CAMHQ_SCHEMA);
      await writeMask(p(tmp.dir, 'masks', `${i}.png`), map);
    }
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'generic');
    assert.equal(index.items.length, maps.length);
    return index;
  }

  const infer = (index: DatasetIndex, explicit?: LabelSchema) => inferDatasetSchema(index, BUILTIN_SCHEMAS, files, decoder, explicit);

  /** Asserts that inference fails with a SchemaUnknownError whose message matches `pattern`. */
  async function assertUnknown(index: DatasetIndex, pattern: RegExp): Promise<void> {
    await assert.rejects(infer(index), (error: unknown) => {
      assert.ok(error instanceof SchemaUnknownError, String(error));
      assert.match(error.message, pattern);
      return true;
    });
  }

  it('recognises palette masks in CelebAMask-HQ colours by their palette', async () => {
    const choice = await infer(await genericDataset(faces(CAMHQ_FACE), paletteOf(CAMHQ_SCHEMA)));
    assert.equal(choice.schema.id, 'celebamask-hq');
    assert.equal(choice.reason, 'palette colours of the masks equal the celebamask-hq colours');
  });

  it('recognises RGB masks in LaPa colours by their colours', async () => {
    const choice = await infer(await genericDataset(faces(LAPA_FACE), coloursOf(LAPA_SCHEMA)));
    assert.equal(choice.schema.id, 'lapa');
    assert.equal(choice.reason, 'every mask colour is a lapa class colour (also the colours of helen; pass --schema to choose another)');
  });

  // FaceSynthetics borrows the CelebAMask-HQ colours; colour masks as CelebAMask-HQ's g_color.py writes them are CelebAMask-HQ's.
  it('recognises RGB masks in CelebAMask-HQ colours as celebamask-hq, not facesynthetics, which borrows them', async () => {
    const choice = await infer(await genericDataset(faces(CAMHQ_FACE), coloursOf(CAMHQ_SCHEMA)));
    assert.equal(choice.schema.id, 'celebamask-hq', choice.reason);
    assert.match(choice.reason, /also the colours of facesynthetics/);
  });

  it('recognises grayscale CelebAMask-HQ faces from class statistics', async () => {
    const choice = await infer(await genericDataset(faces(CAMHQ_FACE), gray));
    assert.equal(choice.schema.id, 'celebamask-hq');
    assert.match(choice.reason, /^recognised from class statistics of 3 masks: /);
  });

  it('recognises grayscale FaceSynthetics faces from class statistics', async () => {
    const choice = await infer(await genericDataset(faces(FS_FACE), gray));
    assert.equal(choice.schema.id, 'facesynthetics');
    assert.match(choice.reason, /^recognised from class statistics of 3 masks: /);
  });

  it('lets an explicit schema win over what the masks say', async () => {
    const choice = await infer(await genericDataset(faces(FS_FACE), gray), LAPA_SCHEMA);
    assert.deepEqual([choice.schema.id, choice.reason], ['lapa', 'given by the user']);
  });

  it('lets a layout\'s fixed schema win over what the masks say', async () => {
    for (const [i, map] of faces(CAMHQ_FACE).entries()) await writeFaceSyntheticsItem(tmp.dir, `00000${i}`, map);
    const index = await openDataset(files, tmp.dir);
    const choice = await infer(index);
    assert.deepEqual([choice.schema.id, choice.reason], ['facesynthetics', 'the FaceSynthetics layout fixes the schema']);
  });

  it('asks for --schema when grayscale masks hold ids no schema has', async () => {
    const index = await genericDataset([filledMap(16, 16, 200), filledMap(16, 16, 201)], gray);
    await assertUnknown(index, /cannot tell which label schema the masks use; pass --schema <id> \(built in: facesynthetics, celebamask-hq, bisenet, lapa, helen\)/);
  });

  it('asks for --schema when RGB masks use colours of no schema', async () => {
    const odd = new Map(CAMHQ_SCHEMA.classes.map((c) => [c.id, [c.color[0], c.color[1], 7] as const]));
    await assertUnknown(await genericDataset(faces(CAMHQ_FACE), (file, map) => writeRgb(file, paintLabels(map, odd))), /pass --schema <id>/);
  });

  it('asks for --schema when the statistics fit two schemas equally (LaPa and Helen share ids)', async () => {
    await assertUnknown(await genericDataset(faces(LAPA_FACE), gray), /cannot tell which label schema/);
  });

  it('asks for --schema when no sampled mask can be read', async () => {
    const index = await genericDataset(faces(CAMHQ_FACE, 2), gray);
    for (const item of index.items) if (item.label?.kind === 'mask') fs.writeFileSync(item.label.path, 'not a png');
    await assertUnknown(index, new RegExp(`^${tmp.dir}: no readable mask to recognise the label schema from; pass --schema <id>$`));
  });
});
