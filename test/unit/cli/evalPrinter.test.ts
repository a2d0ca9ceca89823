import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printEvalSummary } from '../../../src/cli/commands/evalPrinter';
import type { EvalSummary } from '../../../src/core/eval/evalReport';
import { plantedBoundaryRun, type PlantedBoundaryRun } from '../../helpers/boundaryFixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let edgeOnly: PlantedBoundaryRun;
let withBlock: PlantedBoundaryRun;
let strictOnly: PlantedBoundaryRun;
before(async () => {
  tmp = makeTempDir('facegap-printer-');
  edgeOnly = await plantedBoundaryRun(tmp, 'edge', { boundaryK: 3, interiorBlock: false });
  withBlock = await plantedBoundaryRun(tmp, 'block', { boundaryK: 3, interiorBlock: true });
  strictOnly = await plantedBoundaryRun(tmp, 'strict', { boundaryK: 0, interiorBlock: false });
});
after(() => tmp.remove());

function printed(summary: EvalSummary): string[] {
  const lines: string[] = [];
  printEvalSummary(summary, '/runs/x', { out: (line) => lines.push(line), err: () => undefined, interactive: false, status: () => undefined });
  return lines;
}

describe('printEvalSummary with a boundary band', () => {
  it('prints strict and tolerant mean F1 side by side: a dilated prediction has all its error in the band', () => {
    const { summary, edgeWrongPixels } = edgeOnly;
    const t = summary.tolerant!;
    assert.ok(edgeWrongPixels > 0);
    assert.ok(summary.meanF1! < 1, `strict mean F1 ${summary.meanF1}`);
    assert.equal(t.meanF1, 1, 'every wrong pixel touches a ground-truth edge');
    assert.equal(t.boundaryShareOfError, 1);
    assert.equal(t.boundaryShares.wrongPixels, 1);
    const lines = printed(summary);
    const expected = `mean F1 ${summary.meanF1!.toFixed(4)} strict · 1.0000 tolerant (boundary band k=3): 100% of the error is within 2 px of a ground-truth edge; 100% of the wrong pixels lie in the band`;
    assert.ok(lines.includes(expected), lines.join('\n'));
    assert.match(lines.find((l) => l.startsWith('mean F1 (fg)'))!, /^mean F1 \(fg\)\s+0\.9\d{3}\s+0\.9\d{3}\s+1\.0000\s+100%$/);
  });

  it('puts tolerant F1 and the band share next to each class\'s strict F1', () => {
    const { summary } = edgeOnly;
    const lines = printed(summary);
    assert.match(lines.find((l) => l.startsWith('class'))!, /^class\s+F1\s+F1 tolerant\s+in band\s+IoU\s+precision/);
    const hair = summary.perClass.find((c) => c.name === 'HAIR')!;
    assert.ok(hair.f1! < 1);
    assert.match(lines.find((l) => l.startsWith('HAIR'))!, new RegExp(`^HAIR\\s+${hair.f1!.toFixed(4)}\\s+1\\.0000\\s+100%\\s+${hair.iou!.toFixed(4)}\\s`));
  });

  it('counts an error far from every edge outside the band', () => {
    const { summary, edgeWrongPixels, interiorWrongPixels } = withBlock;
    const t = summary.tolerant!;
    const pixelShare = edgeWrongPixels / (edgeWrongPixels + interiorWrongPixels);
    assert.ok(Math.abs(t.boundaryShares.wrongPixels! - pixelShare) < 1e-12, `${t.boundaryShares.wrongPixels} ≠ ${pixelShare}`);
    assert.ok(t.meanF1! < 1 && t.boundaryShareOfError! > 0 && t.boundaryShareOfError! < 1, `share ${t.boundaryShareOfError}`);
    const share = `${Math.round(t.boundaryShareOfError! * 100)}%`;
    const line = printed(summary).find((l) => l.startsWith('mean F1 0'))!;
    assert.ok(line.endsWith(`: ${share} of the error is within 2 px of a ground-truth edge; ${Math.round(pixelShare * 100)}% of the wrong pixels lie in the band`), line);
    assert.ok(summary.protocol.some((s) => s.startsWith("the band's share of the error = (tolerant − strict) / (1 − strict)")));
  });

  it('prints no tolerant column or sentence without --boundary', () => {
    const lines = printed(strictOnly.summary);
    assert.equal(strictOnly.summary.tolerant, undefined);
    assert.ok(!lines.some((l) => l.includes('tolerant')), lines.join('\n'));
    assert.match(lines.find((l) => l.startsWith('class'))!, /^class\s+F1\s+IoU\s/);
  });
});
