import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headlineRows } from '../../../src/core/report/headline';
import { buildReportModel, type RunInput } from '../../../src/core/report/reportModel';
import { renderReportHtml } from '../../../src/core/report/reportHtml';
import { parseRunRecord } from '../../../src/core/report/runFolderParsing';
import { resolveRunSchema } from '../../../src/core/report/runSchemas';
import { tolerantHeadline } from '../../../src/core/report/tolerantScores';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { fakeRunRecord } from '../../helpers/reportFixtures';

const registry = new SchemaRegistry();
/** A run.json as written before the boundary shares were recorded: tolerant scores, no share fields. */
const oldText = JSON.stringify(
  fakeRunRecord({ root: '/d/real', schema: 'facesynthetics', meanF1: 0.8, classF1: { SKIN: 0.9, HAIR: 0.6 }, tolerant: { boundaryK: 3, meanF1: 0.9, classF1: { SKIN: 0.95, HAIR: 0.7 } } }),
);
const strictText = JSON.stringify(fakeRunRecord({ root: '/d/synth', schema: 'facesynthetics', meanF1: 0.7, classF1: { SKIN: 0.8 } }));

function input(text: string, dir: string): RunInput {
  const record = parseRunRecord(text, `${dir}/run.json`);
  return { dir, record, images: [], schema: resolveRunSchema(record, registry, []).schema, notes: [] };
}

describe('tolerantHeadline', () => {
  it('reads an older run.json without the share fields and works the shares out from its stored scores', () => {
    const record = parseRunRecord(oldText, 'old/run.json');
    assert.equal('boundaryShareOfError' in record.summary!.tolerant!, false, 'the fixture is an old file');
    const t = tolerantHeadline(record.summary)!;
    assert.equal(t.boundaryK, 3);
    assert.equal(t.meanF1, 0.9);
    assert.ok(Math.abs(t.shareOfError! - 0.5) < 1e-12, `(0.9 − 0.8) / (1 − 0.8), got ${t.shareOfError}`);
    // 20 wrong of 100 strict pixels, 9 wrong of the 90 outside the band.
    assert.ok(Math.abs(t.shares.wrongPixels! - 11 / 20) < 1e-12, String(t.shares.wrongPixels));
    assert.ok(Math.abs(t.shares.perClassF1.HAIR! - 0.25) < 1e-12);
    assert.deepEqual([...t.classF1], [['SKIN', 0.95], ['HAIR', 0.7]]);
  });

  it('uses the shares a newer run.json stores, and has nothing for runs without tolerant scores', () => {
    const record = JSON.parse(oldText);
    record.summary.tolerant.boundaryShareOfError = 0.42;
    record.summary.tolerant.boundaryShares = { meanF1: 0.42, mIoU: null, pixelAccuracy: null, wrongPixels: 0.6, perClassF1: {} };
    const t = tolerantHeadline(parseRunRecord(JSON.stringify(record), 'new/run.json').summary)!;
    assert.deepEqual([t.shareOfError, t.shares.wrongPixels], [0.42, 0.6]);
    assert.equal(tolerantHeadline(parseRunRecord(strictText, 'strict/run.json').summary), undefined);
    assert.equal(tolerantHeadline(undefined), undefined, 'a run that did not finish');
    record.summary.tolerant = { boundaryK: 'three' };
    assert.equal(tolerantHeadline(record.summary), undefined, 'malformed tolerant scores are left out');
  });
});

describe('report with tolerant scores', () => {
  const model = buildReportModel([input(oldText, 'runs/real'), input(strictText, 'runs/synth')], {
    title: 'gap',
    generatedAt: '2025-01-01T00:00:00.000Z',
    version: 'test',
    worst: 0,
  });
  const page = renderReportHtml(model);

  it('puts tolerant mean F1 and the share beside the strict mean F1 of the run that has them', () => {
    assert.ok(page.includes('<th class="num">tolerant mean F1</th><th class="num">band\'s share of error</th>'));
    assert.ok(page.includes('<td class="num">0.9000 <span class="muted">k=3</span></td><td class="num">50%</td>'));
    assert.ok(page.includes('<td class="num muted">–</td><td class="num muted">–</td>'), 'the strict-only run gets empty tolerant cells');
    assert.ok(
      page.includes('<p class="tolerant">#1: mean F1 0.8000 strict · 0.9000 tolerant (boundary band k=3): 50% of the error is within 2 px of a ground-truth edge; 55% of the wrong pixels lie in the band.</p>'),
    );
    assert.ok(!page.includes('<p class="tolerant">#2'));
  });

  it('adds a tolerant F1 column to the class table of that run only', () => {
    assert.match(page, /<th colspan="4">#1 .*?<th colspan="3">#2 /);
    const skin = page.match(/<tr><th scope="row" title="skin">[^\n]*?<\/tr>/)?.[0] ?? '';
    assert.match(skin, /<td class="classname">SKIN<\/td><td class="num">0\.9000<\/td><td class="num">0\.9500<\/td><td class="num">0\.8182<\/td><td class="classname">SKIN<\/td><td class="num">0\.8000<\/td><td class="num">0\.6667<\/td>/);
  });

  it('keeps a report of strict runs as it was', () => {
    const strictOnly = renderReportHtml(buildReportModel([input(strictText, 'runs/synth')], { title: 't', generatedAt: 'x', version: 'test', worst: 0 }));
    assert.ok(!strictOnly.includes('tolerant mean F1') && !strictOnly.includes('F1 tolerant') && !strictOnly.includes('class="tolerant"'));
    assert.equal(headlineRows([{ label: '#1', dir: 'd', record: parseRunRecord(strictText, 'x') }])[0].tolerant, undefined);
  });
});
