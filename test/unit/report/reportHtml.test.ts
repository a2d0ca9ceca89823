import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel, type RunInput, type ThumbnailSet } from '../../../src/core/report/reportModel';
import { renderReportHtml } from '../../../src/core/report/reportHtml';
import { resolveRunSchema } from '../../../src/core/report/runSchemas';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { fakeImageResult, fakeRunRecord } from '../../helpers/reportFixtures';

const HOSTILE = '<img src=x onerror=alert(1)>.png';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;.png';
const registry = new SchemaRegistry();

function input(dir: string, record: ReturnType<typeof fakeRunRecord>, images: RunInput['images'], classes: string[]): RunInput {
  const confusion = { classes, counts: classes.map((_, r) => [...classes.map((__, c): number => (r === c ? 9 : 1)), 0]) };
  return { dir, record, images, confusion, schema: resolveRunSchema(record, registry, classes).schema, notes: [`${dir}/${HOSTILE}: cannot be read`] };
}

function hostileReport(thumbnails: ReadonlyArray<ReadonlyMap<string, ThumbnailSet>> = []): string {
  const first = fakeRunRecord({ root: `/data/${HOSTILE}`, schema: 'facesynthetics', meanF1: 0.8, classF1: { SKIN: 0.9, LEFT_EYE: 0.7 }, sentences: ['<script>alert(1)</script>'] });
  const second = fakeRunRecord({ root: '/data/other', schema: `schema-${HOSTILE}`, meanF1: 0.6, classF1: { [HOSTILE]: 0.5 }, skipped: [{ file: HOSTILE, reason: '<b>bad</b>' }] });
  const model = buildReportModel(
    [input('runs/a', first, [fakeImageResult(HOSTILE, 0.2, `/data/${HOSTILE}`), fakeImageResult('ok', 0.9)], ['BACKGROUND', 'SKIN']), input('runs/b', second, [], ['bg', HOSTILE])],
    { title: `Report ${HOSTILE}`, generatedAt: '2025-01-01T00:00:00.000Z', version: '0.1.0', worst: 6 },
  );
  return renderReportHtml(model, thumbnails);
}

describe('renderReportHtml', () => {
  it('escapes every file name, class name, id, title and sentence: the hostile name never appears raw', () => {
    const page = hostileReport();
    assert.ok(!page.includes(HOSTILE), 'never raw');
    assert.ok(!page.includes('<img src=x'), 'no injected tag');
    assert.ok(!page.includes('<script'), 'no script tag');
    assert.ok(!page.includes('<b>bad</b>'));
    for (const where of [`<title>Report ${ESCAPED}</title>`, `<h4>1. ${ESCAPED}</h4>`, `/data/${ESCAPED}`, `runs/a/${ESCAPED}: cannot be read`, `<td class="classname">${ESCAPED}</td>`]) {
      assert.ok(page.includes(where), where);
    }
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('loads nothing from anywhere: a strict CSP, no URLs, no scripts, no external styles', () => {
    const page = hostileReport();
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;unsafe-inline&#39;">`));
    assert.doesNotMatch(page, /https?:\/\/|src="\/\/|url\(|@import|<script|<link/i);
    assert.match(page, /@media \(prefers-color-scheme: dark\)/);
  });

  it('embeds only data: pictures; any other URI becomes a note', () => {
    const good = { label: 'image', dataUri: 'data:image/png;base64,iVBORw0KGgo=', width: 4, height: 4, description: HOSTILE };
    const bad = { ...good, label: 'errors', dataUri: 'javascript:alert(1)' };
    const page = hostileReport([new Map([[HOSTILE, { thumbnails: [good, bad], notes: [HOSTILE] }]])]);
    assert.ok(page.includes(`<img src="data:image/png;base64,iVBORw0KGgo=" width="4" height="4" alt="${ESCAPED}"`));
    assert.ok(!page.includes('javascript:'));
    assert.ok(page.includes('errors: not an embedded picture'));
    assert.ok(!page.includes(HOSTILE));
  });

  it('shows the headline change of the second run against the first', () => {
    const page = hostileReport();
    assert.ok(page.includes('\u22120.20 mean F1'), 'the key sentence');
    assert.match(page, /<td class="num neg">\u22120\.2000<\/td>/);
  });
});
