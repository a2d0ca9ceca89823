import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIFF_FILES } from '../../../src/core/diff/diffLayout';
import type { LabelSideSpec, ReviewFile } from '../../../src/core/diff/diffTypes';
import { createBrowseHandlers } from '../../../src/node/browse/browseHandlers';
import { runDiff } from '../../../src/node/diff/runDiff';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import type { HandlerContext } from '../../../src/protocol/rpc';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { writeGrayPng } from '../../helpers/fixtures';
import { generatedFaceLabels, offsetClass } from '../../helpers/plantedLabels';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const HAIR = FS_SCHEMA.classes.find((c) => c.name === 'HAIR')!.id;
const SIZE = 64;
const IDS = ['000000', '000001', '000002', '000003'];

let tmp: TempDir;
let diffDir: string;

/** A handler context that records the buffers marked for transfer. */
function context(): HandlerContext & { transferred: ArrayBuffer[] } {
  const transferred: ArrayBuffer[] = [];
  return { signal: new AbortController().signal, transfer: (...buffers) => void transferred.push(...buffers), transferred };
}

/** Fresh handlers, as a (re)started browse worker has them. */
function handlers(): ReturnType<typeof createBrowseHandlers> {
  return createBrowseHandlers({ thumbnailDir: path.join(tmp.dir, 'thumbs') });
}

function readReview(): ReviewFile {
  return JSON.parse(fs.readFileSync(path.join(diffDir, DIFF_FILES.review), 'utf8')) as ReviewFile;
}

before(async () => {
  tmp = makeTempDir('facegap-diff-review-');
  const root = path.join(tmp.dir, 'dataset');
  const masks = path.join(tmp.dir, 'masks');
  for (const [i, id] of IDS.entries()) {
    const map = generatedFaceLabels(FS_SCHEMA, i, SIZE);
    await writeFaceSyntheticsItem(root, id, map, 0);
    // B grows the hair by a different amount per image, so the images rank apart.
    await writeGrayPng(path.join(masks, `${id}.png`), offsetClass(map, HAIR, i));
  }
  const a: LabelSideSpec = { kind: 'dataset', path: root };
  const b: LabelSideSpec = { kind: 'masks', path: masks, schema: 'facesynthetics' };
  diffDir = path.join(tmp.dir, 'diff');
  await runDiff({ a, b, protocol: { bandK: 2, match: 'sides', sizeRule: 'b-to-a' }, outDir: diffDir }, createNodeAdapters());
});
after(() => tmp.remove());

describe('browse worker: label diff review', () => {
  it('opens a diff folder: the images ranked by disagreement, no marks yet, both schemas', async () => {
    const opened = await handlers().openDiff({ type: 'openDiff', dir: diffDir }, context());
    assert.deepEqual(opened.queue.map((e) => e.id), ['000003', '000002', '000001', '000000']);
    assert.ok(opened.queue[0].disagreement > opened.queue[2].disagreement);
    assert.equal(opened.queue[3].disagreement, 0);
    assert.ok(opened.queue.every((e) => e.mark === undefined));
    assert.deepEqual(opened.counts, { 'error-a': 0, 'error-b': 0, convention: 0, fine: 0, marked: 0 });
    assert.deepEqual([opened.schemaA.id, opened.schemaB.id], ['facesynthetics', 'facesynthetics']);
    assert.equal(opened.record.summary.images, IDS.length);
    assert.deepEqual(opened.notes, []);
    assert.equal(fs.existsSync(path.join(diffDir, DIFF_FILES.review)), false, 'opening writes nothing');
  });

  it('saves a mark to review.json at once, and a restarted worker reads it back; clearing removes it', async () => {
    const first = handlers();
    const update = await first.setReviewMark({ type: 'setReviewMark', dir: diffDir, id: '000002', verdict: 'error-b', note: 'hair, "too wide"' }, context());
    assert.equal(update.mark?.verdict, 'error-b');
    assert.equal(update.counts.marked, 1);
    assert.deepEqual(readReview().marks.map((m) => [m.id, m.verdict, m.note]), [['000002', 'error-b', 'hair, "too wide"']]);
    await first.setReviewMark({ type: 'setReviewMark', dir: diffDir, id: '000003', verdict: 'convention', note: '' }, context());
    const reopened = await handlers().openDiff({ type: 'openDiff', dir: diffDir }, context());
    assert.deepEqual(reopened.queue.map((e) => e.mark?.verdict ?? null), ['convention', 'error-b', null, null]);
    assert.deepEqual(reopened.counts, { 'error-a': 0, 'error-b': 1, convention: 1, fine: 0, marked: 2 });
    const cleared = await handlers().setReviewMark({ type: 'setReviewMark', dir: diffDir, id: '000003', verdict: null, note: '' }, context());
    assert.equal(cleared.mark, undefined);
    assert.deepEqual(readReview().marks.map((m) => m.id), ['000002']);
    assert.deepEqual(fs.readdirSync(diffDir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('refuses ids the diff did not compare and verdicts that do not exist', async () => {
    const h = handlers();
    await assert.rejects(async () => h.setReviewMark({ type: 'setReviewMark', dir: diffDir, id: 'nope', verdict: 'fine', note: '' }, context()), /compared no image "nope"/);
    await assert.rejects(async () => h.setReviewMark({ type: 'setReviewMark', dir: diffDir, id: '000001', verdict: 'maybe' as never, note: '' }, context()), /invalid verdict/);
    await assert.rejects(async () => h.diffPair({ type: 'diffPair', dir: diffDir, id: '../x' }, context()), /compared no image/);
  });

  it('exports the marks as review.csv beside the diff', async () => {
    const h = handlers();
    await h.setReviewMark({ type: 'setReviewMark', dir: diffDir, id: '000001', verdict: 'fine', note: '=1+1' }, context());
    const { file } = await h.exportReviewCsv({ type: 'exportReviewCsv', dir: diffDir }, context());
    assert.equal(file, path.join(diffDir, DIFF_FILES.reviewCsv));
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    assert.equal(lines[0], 'id,verdict,note,at,disagreement,image');
    assert.match(lines[1], /^000002,error-b,"hair, ""too wide""",\d{4}-\d\d-\d\dT[\d:.]+Z,0\.\d+,.*000002\.png$/);
    assert.match(lines[2], /^000001,fine,'=1\+1,/);
    assert.equal(lines.length, 4);
  });

  it('gives the pixels of a pair: A, B and B in A\'s ids at A\'s size, the image as RGB, all transferred', async () => {
    const ctx = context();
    const pair = await handlers().diffPair({ type: 'diffPair', dir: diffDir, id: '000003' }, ctx);
    assert.deepEqual([pair.width, pair.height], [SIZE, SIZE]);
    for (const label of [pair.a, pair.b, pair.bInA]) assert.equal(label.ids.length, SIZE * SIZE);
    assert.equal(pair.image?.rgb.length, SIZE * SIZE * 3);
    const differ = pair.a.ids.filter((v, i) => v !== pair.bInA.ids[i]).length;
    assert.ok(differ > 0, 'B grows the hair, so some pixels differ');
    assert.ok(pair.bInA.ids.every((v, i) => v === pair.a.ids[i] || v === HAIR), 'every difference is hair in B');
    assert.equal(ctx.transferred.length, 4);
    assert.equal(new Set(ctx.transferred).size, 4);
  });

  it('rejects a malformed review.json, naming it', async () => {
    const broken = path.join(tmp.dir, 'diff-broken');
    fs.cpSync(diffDir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, DIFF_FILES.review), '{"kind":"facegap-review","formatVersion":1,"marks":[{"id":"x"}]}');
    await assert.rejects(async () => handlers().openDiff({ type: 'openDiff', dir: broken }, context()), (e: Error) => e.message.startsWith(path.join(broken, DIFF_FILES.review)) && /verdict/.test(e.message));
    await assert.rejects(async () => handlers().openDiff({ type: 'openDiff', dir: tmp.dir }, context()), /diff\.json: not found/);
  });
});
