import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareImagePair } from '../../../src/core/diff/imagePairStats';
import { diffCrosswalk } from '../../../src/core/diff/pairCrosswalk';
import { summarizeDiff } from '../../../src/core/diff/diffSummary';
import type { DiffProtocol, DiffSummary, ImageDiffRecord } from '../../../src/core/diff/diffTypes';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { findBuiltinSchema } from '../../../src/core/schema/builtinSchemas';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';
import { generatedFaceLabels, mergeClass, offsetClass, roughenClass, shrinkClass, smoothClass, swapClasses } from '../../helpers/plantedLabels';

const CAMHQ = findBuiltinSchema('celebamask-hq') as LabelSchema;
const FS = findBuiltinSchema('facesynthetics') as LabelSchema;
const PROTOCOL: DiffProtocol = { bandK: 3, match: 'sides', sizeRule: 'b-to-a' };
const FACES = [0, 1, 2];

const idOf = (schema: LabelSchema, name: string): number => {
  const cls = schema.classes.find((c) => c.name === name);
  if (!cls) throw new Error(`no class ${name}`);
  return cls.id;
};

/** Diffs A = the exact labels of FACES against B = plant(A), both in `schemaA` unless B's schema is given. */
function diffPlanted(plant: (a: LabelMap, index: number) => LabelMap, protocol = PROTOCOL, schemaB = CAMHQ, labelB?: (index: number) => LabelMap, labelA?: (index: number) => LabelMap): DiffSummary {
  const crosswalk = diffCrosswalk(CAMHQ, schemaB, protocol.match);
  const records: ImageDiffRecord[] = FACES.map((index) => {
    const a = labelA ? labelA(index) : generatedFaceLabels(CAMHQ, index);
    const b = labelB ? labelB(index) : plant(a, index);
    const stats = compareImagePair(a, b, crosswalk, CAMHQ, protocol);
    return { v: 1, id: String(index), keys: { a: 'a', b: 'b', protocol: 'p' }, ...stats };
  });
  return summarizeDiff(records, { schemaA: CAMHQ, schemaB, crosswalk, protocol });
}

const classOf = (summary: DiffSummary, name: string) => {
  const found = summary.perClass.find((c) => c.name === name);
  if (!found) throw new Error(`no per-class row ${name}`);
  return found;
};

const texts = (summary: DiffSummary, kind: string): string[] => summary.findings.filter((f) => f.kind === kind).map((f) => f.text);

describe('label diff: planted conventions', () => {
  it('recovers no difference between identical labels', () => {
    const summary = diffPlanted((a) => a);
    assert.equal(summary.pixelAgreement, 1);
    assert.equal(summary.swaps.length, 0);
    assert.equal(summary.flows.length, 0);
    for (const c of summary.perClass.filter((row) => row.pixelsA > 0)) {
      assert.equal(c.f1, 1, c.name);
      assert.equal(c.boundaryOffsetPx, 0, c.name);
    }
    assert.deepEqual(summary.findings.map((f) => f.kind), ['agreement']);
  });

  for (const [name, k] of [['l_brow', 1], ['l_brow', 2], ['hair', 2], ['nose', 3], ['u_lip', 1], ['l_eye', 2]] as const) {
    it(`recovers ${name} grown by ${k} px: offset +${k} ± 0.5, area up, F1 down`, () => {
      const summary = diffPlanted((a) => offsetClass(a, idOf(CAMHQ, name), k));
      const row = classOf(summary, name);
      assert.ok(Math.abs((row.boundaryOffsetPx ?? NaN) - k) <= 0.5, `offset ${row.boundaryOffsetPx} for a planted +${k}`);
      assert.ok((row.areaRatio ?? 0) > 1 && (row.f1 ?? 1) < 1);
      assert.ok(texts(summary, 'boundary').some((t) => t.includes('beyond A') && t.includes(name)), texts(summary, 'boundary').join('\n'));
    });
  }

  for (const [name, k] of [['l_brow', 1], ['hair', 2], ['nose', 2], ['skin', 1]] as const) {
    it(`recovers ${name} shrunk by ${k} px: offset −${k} ± 0.5`, () => {
      const summary = diffPlanted((a) => shrinkClass(a, idOf(CAMHQ, name), k));
      const row = classOf(summary, name);
      assert.ok(Math.abs((row.boundaryOffsetPx ?? NaN) + k) <= 0.5, `offset ${row.boundaryOffsetPx} for a planted −${k}`);
      assert.ok((row.areaRatio ?? 2) < 1);
      assert.ok(texts(summary, 'boundary').some((t) => t.includes('inside A') && t.includes(name)));
    });
  }

  it('puts a 1-px dilation in the boundary band and most of a relabelled region in the interior', () => {
    const grown = classOf(diffPlanted((a) => offsetClass(a, idOf(CAMHQ, 'nose'), 1)), 'nose');
    assert.ok(grown.bandPixels > 0 && grown.interiorPixels === 0, `band ${grown.bandPixels}, interior ${grown.interiorPixels}`);
    const blob = classOf(diffPlanted((a) => mergeClass(a, idOf(CAMHQ, 'hair'), idOf(CAMHQ, 'background'))), 'hair');
    assert.ok(blob.interiorPixels > blob.bandPixels, `band ${blob.bandPixels}, interior ${blob.interiorPixels}`);
  });

  it('finds left and right swapped for eyes, brows and ears from where they sit, not from their names', () => {
    const pairs = [['l_eye', 'r_eye'], ['l_brow', 'r_brow'], ['l_ear', 'r_ear']] as const;
    const summary = diffPlanted((a) => pairs.reduce((m, [l, r]) => swapClasses(m, idOf(CAMHQ, l), idOf(CAMHQ, r)), a));
    assert.deepEqual(summary.swaps.map((s) => [s.a, s.b]).sort(), [['l_brow', 'r_brow'], ['l_ear', 'r_ear'], ['l_eye', 'r_eye']]);
    const swap = texts(summary, 'swap').join('\n');
    assert.match(swap, /swapped between A and B for eyes, eyebrows and ears/);
  });

  it('sees no swap across schemas with opposite side conventions, and a swap when sides are matched by name', () => {
    const bySides = diffPlanted((a) => a, PROTOCOL, FS, (index) => generatedFaceLabels(FS, index));
    assert.equal(bySides.swaps.length, 0);
    assert.ok(bySides.pixelAgreement > 0.999, `agreement ${bySides.pixelAgreement}`);
    assert.match(texts(bySides, 'sides').join(''), /matched by the subject's side.*where the classes sit agrees/);
    const byNames = diffPlanted((a) => a, { ...PROTOCOL, match: 'names' }, FS, (index) => generatedFaceLabels(FS, index));
    assert.equal(byNames.swaps.length, 3, JSON.stringify(byNames.swaps));
  });

  it('finds a class merged into another: the flow, the missing class and the suggested crosswalk', () => {
    const summary = diffPlanted((a) => mergeClass(mergeClass(a, idOf(CAMHQ, 'l_ear'), idOf(CAMHQ, 'skin')), idOf(CAMHQ, 'r_ear'), idOf(CAMHQ, 'skin')));
    const flow = summary.flows.find((f) => f.from === 'l_ear' && f.to === 'skin');
    assert.ok(flow && Math.abs(flow.fraction - 1) < 1e-9, JSON.stringify(summary.flows));
    assert.match(texts(summary, 'flow').join('\n'), /B labels 100\.0% of A's ear pixels as skin/);
    assert.match(texts(summary, 'missing').join('\n'), /B never labels ears/);
    assert.equal(summary.suggestedMapping.aToB.map.l_ear, 'skin');
    assert.equal(summary.suggestedMapping.aToB.map.nose, 'nose');
    assert.equal(summary.suggestedMapping.aToB.changes.length, 2);
  });

  it('finds a smoothed hair boundary smoother, and a jagged one rougher', () => {
    const hair = idOf(CAMHQ, 'hair');
    const jagged = (index: number): LabelMap => roughenClass(generatedFaceLabels(CAMHQ, index), hair, 3, 7);
    const records = (labelA: (i: number) => LabelMap, labelB: (i: number) => LabelMap): DiffSummary =>
      diffPlanted((a) => a, PROTOCOL, CAMHQ, labelB, labelA);
    const smoother = records(jagged, (index) => smoothClass(jagged(index), hair, 3));
    const row = classOf(smoother, 'hair');
    assert.ok((row.roughnessB ?? 9) < (row.roughnessA ?? 0), `roughness A ${row.roughnessA}, B ${row.roughnessB}`);
    assert.match(texts(smoother, 'roughness').join('\n'), /B's hair boundary is smoother/);
    const rougher = records((index) => generatedFaceLabels(CAMHQ, index), jagged);
    assert.match(texts(rougher, 'roughness').join('\n'), /B's hair boundary is rougher/);
    const same = records(jagged, jagged);
    assert.equal(texts(same, 'roughness').length, 0);
});

  it('warns that an enlarged B has stair-step outlines when B reads rougher', () => {
    const hair = idOf(CAMHQ, 'hair');
    const crosswalk = diffCrosswalk(CAMHQ, CAMHQ, 'sides');
    const records: ImageDiffRecord[] = FACES.map((index) => {
      const a = generatedFaceLabels(CAMHQ, index);
      const b = roughenClass(a, hair, 3, 7);
      return { v: 1, id: String(index), keys: { a: 'a', b: 'b', protocol: 'p' }, resizedFrom: [128, 128], ...compareImagePair(a, b, crosswalk, CAMHQ, PROTOCOL) };
    });
    const enlarged = summarizeDiff(records, { schemaA: CAMHQ, schemaB: CAMHQ, crosswalk, protocol: PROTOCOL });
    assert.match(texts(enlarged, 'roughness').join('\n'), /rougher.*B was enlarged onto A's size/);
    const sameSize = summarizeDiff(records.map(({ resizedFrom: _r, ...r }) => r), { schemaA: CAMHQ, schemaB: CAMHQ, crosswalk, protocol: PROTOCOL });
    assert.doesNotMatch(texts(sameSize, 'roughness').join('\n'), /enlarged/);
  });
});
