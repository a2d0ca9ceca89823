import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIFF_FILES } from '../../../src/core/diff/diffLayout';
import { readDiffJournal } from '../../../src/core/diff/diffJournal';
import type { DiffProtocol, DiffRecord, LabelSideSpec } from '../../../src/core/diff/diffTypes';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { runDiff, type DiffProgress } from '../../../src/node/diff/runDiff';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { writeGrayPng } from '../../helpers/fixtures';
import { offsetClass, generatedFaceLabels } from '../../helpers/plantedLabels';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const PROTOCOL: DiffProtocol = { bandK: 3, match: 'sides', sizeRule: 'b-to-a' };
const HAIR = FS_SCHEMA.classes.find((c) => c.name === 'HAIR')!.id;
const COUNT = 6;
const SIZE = 64;
const adapters = createNodeAdapters();

let tmp: TempDir;
let A: LabelSideSpec;
const labels = new Map<string, LabelMap>();

/** B: every face of A with the hair grown by 2 px, as bare masks named by number ("3.png" for A's "000003"). */
async function writePlantedB(folder: string, transform: (map: LabelMap) => LabelMap = (m) => offsetClass(m, HAIR, 2)): Promise<LabelSideSpec> {
  for (const [id, map] of labels) await writeGrayPng(path.join(folder, `${Number(id)}.png`), transform(map));
  return { kind: 'masks', path: folder, schema: 'facesynthetics' };
}

function readRecord(out: string): DiffRecord {
  return JSON.parse(fs.readFileSync(path.join(out, DIFF_FILES.diff), 'utf8')) as DiffRecord;
}

before(async () => {
  tmp = makeTempDir('facegap-run-diff-');
  const root = path.join(tmp.dir, 'exact');
  for (let i = 0; i < COUNT; i++) {
    const id = String(i).padStart(6, '0');
    labels.set(id, generatedFaceLabels(FS_SCHEMA, i, SIZE));
    await writeFaceSyntheticsItem(root, id, labels.get(id)!, 0);
  }
  A = { kind: 'dataset', path: root };
});
after(() => tmp.remove());

describe('runDiff', () => {
  it('compares every pair, pairs "000003" with "3", and writes diff.json (complete), images.jsonl and the suggested mapping', async () => {
    const B = await writePlantedB(path.join(tmp.dir, 'b-full'));
    const out = path.join(tmp.dir, 'diff-full');
    const record = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: out }, adapters);
    assert.equal(record.complete, true);
    assert.equal(record.summary.images, COUNT);
    assert.equal(record.matching.rule, 'number');
    assert.equal(record.matching.matched, COUNT);
    assert.deepEqual(readRecord(out), JSON.parse(JSON.stringify(record)));
    const journal = readDiffJournal(fs.readFileSync(path.join(out, DIFF_FILES.journal), 'utf8'));
    assert.equal(journal.entries.size, COUNT);
    assert.equal(journal.entries.get('000003')!.idB, '3');
    const hair = record.summary.perClass.find((c) => c.name === 'HAIR')!;
    assert.ok(hair.areaRatio! > 1 && hair.boundaryOffsetPx! > 1 && hair.boundaryOffsetPx! < 3, `hair grown by 2 px: ${JSON.stringify(hair)}`);
    const mapping = JSON.parse(fs.readFileSync(path.join(out, DIFF_FILES.mapping), 'utf8'));
    assert.deepEqual(Object.keys(mapping), ['from', 'to', 'map']);
    assert.equal(mapping.from, 'facesynthetics');
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'atomic writes leave no temporary files');
  });

  it('keeps diff.json at complete: false while running and after an abort; a rerun reuses every journaled line', async () => {
    const B = await writePlantedB(path.join(tmp.dir, 'b-resume'));
    const out = path.join(tmp.dir, 'diff-resume');
    const controller = new AbortController();
    const seen: boolean[] = [];
    const onProgress = (p: DiffProgress): void => {
      seen.push(readRecord(out).complete);
      if (p.done >= 2) controller.abort(new DOMException('stop', 'AbortError'));
    };
    const first = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: out }, adapters, { signal: controller.signal, onProgress });
    assert.equal(first.complete, false);
    assert.equal(readRecord(out).complete, false);
    assert.ok(seen.length >= 2 && seen.every((c) => c === false), 'diff.json says complete: false while running');
    const journaled = readDiffJournal(fs.readFileSync(path.join(out, DIFF_FILES.journal), 'utf8')).entries.size;
    assert.ok(journaled >= 2 && journaled < COUNT, `${journaled} lines journaled before the abort`);
    const second = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: out }, adapters);
    assert.equal(second.complete, true);
    assert.equal(second.timings.reused, journaled);
    assert.equal(second.timings.compared, COUNT - journaled);
    const fresh = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: path.join(tmp.dir, 'diff-resume-fresh') }, adapters);
    assert.deepEqual(second.summary, fresh.summary, 'a resumed diff ends where an uninterrupted one does');
  });

  it('compares again only what changed: an edited B file, or a different band for all', async () => {
    const B = await writePlantedB(path.join(tmp.dir, 'b-edit'));
    const out = path.join(tmp.dir, 'diff-edit');
    await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: out }, adapters);
    await writeGrayPng(path.join(B.path, '4.png'), offsetClass(labels.get('000004')!, HAIR, 4));
    const edited = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: out }, adapters);
    assert.deepEqual([edited.timings.reused, edited.timings.compared], [COUNT - 1, 1]);
    const band = await runDiff({ a: A, b: B, protocol: { ...PROTOCOL, bandK: 1 }, outDir: out }, adapters);
    assert.deepEqual([band.timings.reused, band.timings.compared], [0, COUNT]);
  });

  it('skips a corrupt B file naming it, and one of another aspect ratio naming both files; the rest is compared', async () => {
    const B = await writePlantedB(path.join(tmp.dir, 'b-bad'));
    fs.writeFileSync(path.join(B.path, '2.png'), 'not a png at all');
    const wide = labels.get('000005')!;
    await writeGrayPng(path.join(B.path, '5.png'), { width: SIZE * 2, height: SIZE, data: new Uint8Array(SIZE * SIZE * 2).fill(wide.data[0]) });
    await writeGrayPng(path.join(B.path, '1.png'), { width: SIZE * 2, height: SIZE * 2, data: upscale(labels.get('000001')!) });
    const record = await runDiff({ a: A, b: B, protocol: PROTOCOL, outDir: path.join(tmp.dir, 'diff-bad') }, adapters);
    assert.equal(record.complete, true);
    assert.equal(record.summary.images, COUNT - 2);
    const reasons = new Map(record.skipped.map((s) => [s.id, s.reason]));
    assert.deepEqual([...reasons.keys()].sort(), ['000002', '000005']);
    assert.ok(reasons.get('000002')!.startsWith(path.join(B.path, '2.png')), reasons.get('000002'));
    assert.match(reasons.get('000005')!, /5\.png: labels are 128×64 but .*000005_seg\.png is 64×64 \(different aspect ratio\)/);
    assert.deepEqual(record.sizeNotes, ["B's labels are 128×128, A's 64×64: B resampled (nearest) onto A's size in 1 image"]);
  });

  it('applies a mapping file (B → A) to the crosswalk, and names the file when it does not fit the schemas', async () => {
    const B = await writePlantedB(path.join(tmp.dir, 'b-map'), (m) => m);
    const mappingFile = path.join(tmp.dir, 'hair-as-background.json');
    fs.writeFileSync(mappingFile, JSON.stringify({ from: 'facesynthetics', to: 'facesynthetics', map: { HAIR: 'BACKGROUND' } }));
    const record = await runDiff({ a: A, b: B, protocol: PROTOCOL, mappingFile, outDir: path.join(tmp.dir, 'diff-map') }, adapters);
    assert.ok(record.crosswalk.some((line) => /HAIR → BACKGROUND \(override/.test(line)), record.crosswalk.join('\n'));
    assert.ok(record.summary.pixelAgreement < 1);
    fs.writeFileSync(mappingFile, JSON.stringify({ from: 'celebamask-hq', to: 'facesynthetics', map: {} }));
    await assert.rejects(runDiff({ a: A, b: B, protocol: PROTOCOL, mappingFile, outDir: path.join(tmp.dir, 'diff-map2') }, adapters), (e: Error) => e.message.includes(mappingFile));
  });
});

function upscale(map: LabelMap): Uint8Array {
  const data = new Uint8Array(map.width * map.height * 4);
  for (let y = 0; y < map.height * 2; y++) for (let x = 0; x < map.width * 2; x++) data[y * map.width * 2 + x] = map.data[(y >> 1) * map.width + (x >> 1)];
  return data;
}
