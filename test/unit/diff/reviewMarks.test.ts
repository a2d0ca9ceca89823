import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReviewFile } from '../../../src/core/diff/diffTypes';
import { csvField, emptyReview, parseReviewFile, reviewCsv, reviewQueue, serializeReview, verdictCounts, withMark } from '../../../src/core/diff/reviewMarks';

const FILE = '/diffs/x/review.json';
const AT = '2025-01-02T03:04:05.000Z';
const ITEMS = [
  { id: 'b', disagreement: 0.2, image: 'b.png' },
  { id: 'a', disagreement: 0.5, image: 'a.png' },
  { id: 'c', disagreement: 0.2 },
  { id: 'd', disagreement: 0.01, image: 'd,"quoted".png' },
];

function fails(text: string, message: RegExp): void {
  assert.throws(() => parseReviewFile(text, FILE), (err: unknown) => {
    assert.ok(err instanceof Error);
    assert.ok(err.message.startsWith(`${FILE}: `), err.message);
    assert.match(err.message, message);
    return true;
  });
}

describe('review marks', () => {
  it('reads an absent file as an empty review and round-trips a written one', () => {
    assert.deepEqual(parseReviewFile(undefined, FILE), emptyReview());
    const review = withMark(withMark(emptyReview(), 'a', 'error-a', 'hair edge', AT), 'b', 'fine', '', AT);
    const text = serializeReview(review);
    assert.ok(text.endsWith('\n'));
    assert.deepEqual(parseReviewFile(text, FILE), review);
  });

  it('rejects malformed files with the file named and the bad part said', () => {
    fails('{', /not valid JSON/);
    fails('[]', /expected a JSON object/);
    fails('{"kind":"other","formatVersion":1,"marks":[]}', /not a FaceGap review file/);
    fails('{"kind":"facegap-review","formatVersion":2,"marks":[]}', /format version 2/);
    fails('{"kind":"facegap-review","formatVersion":1}', /"marks" must be an array/);
    fails(JSON.stringify({ kind: 'facegap-review', formatVersion: 1, marks: [{ id: 'a', verdict: 'bad', note: '', at: AT }] }), /marks\[0\]: "verdict" must be one of error-a/);
    fails(JSON.stringify({ kind: 'facegap-review', formatVersion: 1, marks: [{ id: '', verdict: 'fine', at: AT }] }), /marks\[0\]: "id"/);
    fails(JSON.stringify({ kind: 'facegap-review', formatVersion: 1, marks: [{ id: 'a', verdict: 'fine', note: 3, at: AT }] }), /"note" must be a string/);
  });

  it('sets, replaces in place and clears a mark; a later duplicate in the file wins', () => {
    let review = withMark(emptyReview(), 'a', 'error-a', 'one', AT);
    review = withMark(review, 'b', 'error-b', '', AT);
    review = withMark(review, 'a', 'convention', 'two', '2025-02-01T00:00:00.000Z');
    assert.deepEqual(review.marks.map((m) => [m.id, m.verdict, m.note]), [['a', 'convention', 'two'], ['b', 'error-b', '']]);
    review = withMark(review, 'a', null, '', AT);
    assert.deepEqual(review.marks.map((m) => m.id), ['b']);
    const dup = { kind: 'facegap-review', formatVersion: 1, marks: [{ id: 'a', verdict: 'fine', note: '', at: AT }, { id: 'a', verdict: 'error-b', note: 'x', at: AT }] };
    assert.deepEqual(parseReviewFile(JSON.stringify(dup), FILE).marks.map((m) => m.verdict), ['error-b']);
  });

  it('ranks the queue by disagreement, highest first, ties by id, with marks attached; counts per verdict', () => {
    const review: ReviewFile = withMark(withMark(emptyReview(), 'c', 'fine', '', AT), 'a', 'error-b', '', AT);
    const queue = reviewQueue(ITEMS, review);
    assert.deepEqual(queue.map((e) => e.id), ['a', 'b', 'c', 'd']);
    assert.equal(queue[0].mark?.verdict, 'error-b');
    assert.equal(queue[1].mark, undefined);
    assert.equal(queue[2].mark?.verdict, 'fine');
    assert.deepEqual(verdictCounts(review), { 'error-a': 0, 'error-b': 1, convention: 0, fine: 1, marked: 2 });
  });

  it('exports the marks as CSV in queue order, quoting and defusing what a spreadsheet would misread', () => {
    let review = withMark(emptyReview(), 'd', 'convention', 'says "ears", then, more\nlines', AT);
    review = withMark(review, 'a', 'error-a', '=HYPERLINK("x")', AT);
    review = withMark(review, 'gone', 'fine', '', AT);
    const lines = reviewCsv(ITEMS, review).split('\r\n');
    assert.equal(lines[0], 'id,verdict,note,at,disagreement,image');
    assert.equal(lines[1], `a,error-a,"'=HYPERLINK(""x"")",${AT},0.5,a.png`);
    assert.equal(lines[2], `d,convention,"says ""ears"", then, more\nlines",${AT},0.01,"d,""quoted"".png"`);
    assert.equal(lines[3], `gone,fine,,${AT},,`);
    assert.equal(lines[4], '');
    assert.equal(csvField('plain'), 'plain');
  });
});
