import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, progressMessage } from '../../../src/host/evaluation/progressMessage';
import { checkClassId, checkFigure, checkId, checkIds, checkKnownId, checkKnownRun, checkNote, checkOneOf, checkVerdict, MAX_FIGURE_CHARS } from '../../../src/host/panels/requestChecks';

test('progressMessage states done/total, the rate of fresh images, the time left, reuse and skips', () => {
  assert.equal(progressMessage({ done: 30, total: 120, reused: 10, skipped: 2, elapsedSeconds: 4 }), '30/120 · 5.0 img/s · 18 s left · 10 reused · 2 skipped');
  assert.equal(progressMessage({ done: 0, total: 120, reused: 0, skipped: 0, elapsedSeconds: 0 }), '0/120');
  assert.equal(progressMessage({ done: 120, total: 120, reused: 0, skipped: 0, elapsedSeconds: 10 }), '120/120 · 12 img/s');
});

test('formatDuration switches units at a minute and an hour', () => {
  assert.equal(formatDuration(59.4), '59 s');
  assert.equal(formatDuration(185), '3 min 05 s');
  assert.equal(formatDuration(3720), '1 h 02 min');
});

test('request checks refuse what a webview must not ask for', () => {
  assert.equal(checkId('test/0001'), 'test/0001');
  assert.throws(() => checkId(''), /invalid item id/);
  assert.throws(() => checkId(42), /invalid item id/);
  assert.throws(() => checkIds(Array.from({ length: 501 }, (_, i) => String(i))), /at most 500/);
  assert.throws(() => checkIds('a'), /at most 500/);
  assert.equal(checkClassId(255), 255);
  assert.throws(() => checkClassId(256), /invalid class id/);
  assert.throws(() => checkClassId(1.5), /invalid class id/);
  const known = new Set(['/runs/a']);
  assert.equal(checkKnownRun('/runs/a', known), '/runs/a');
  assert.throws(() => checkKnownRun('/etc', known), /unknown run folder/);
});

test('the diff panel\'s request checks: only offered ids, real verdicts, bounded notes, known directions', () => {
  const ids = new Set(['000001', 'a/b']);
  assert.equal(checkKnownId('a/b', ids), 'a/b');
  assert.throws(() => checkKnownId('../etc/passwd', ids), /unknown item id/);
  assert.throws(() => checkKnownId(1, ids), /unknown item id/);
  assert.equal(checkVerdict('error-b'), 'error-b');
  assert.equal(checkVerdict(null), null);
  assert.throws(() => checkVerdict('maybe'), /invalid review verdict/);
  assert.throws(() => checkVerdict(undefined), /invalid review verdict/);
  assert.equal(checkNote('ok'), 'ok');
  assert.throws(() => checkNote('x'.repeat(2001)), /at most 2000/);
  assert.throws(() => checkNote({}), /at most 2000/);
  assert.equal(checkOneOf('bToA', ['aToB', 'bToA']), 'bToA');
  assert.throws(() => checkOneOf('sideways', ['aToB', 'bToA']), /expected one of aToB, bToA/);
});

test('the distribution panel\'s figure check: an SVG document without script, or a PNG data URL holding a PNG, of bounded size', () => {
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><text>&lt;script&gt; is text</text></svg>\n';
  const checked = checkFigure('histogram-presence:glasses', 'svg', svg);
  assert.equal(checked.stem, 'histogram-presence_glasses');
  assert.equal(new TextDecoder().decode(checked.bytes), svg);
  assert.equal(checkFigure('../../etc/passwd', 'svg', svg).stem, 'etc_passwd');
  assert.throws(() => checkFigure('x', 'svg', '<svg><script>alert(1)</script></svg>'), /must not hold scripts/);
  assert.throws(() => checkFigure('x', 'svg', '<svg><foreignObject><div/></foreignObject></svg>'), /must not hold scripts/);
  assert.throws(() => checkFigure('x', 'svg', '<html><svg></svg></html>'), /one <svg> element/);
  assert.throws(() => checkFigure('x', 'svg', `<svg>${' '.repeat(MAX_FIGURE_CHARS)}</svg>`), /at most/);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const fromPng = checkFigure('effects', 'png', `data:image/png;base64,${png.toString('base64')}`);
  assert.deepEqual([fromPng.format, [...fromPng.bytes]], ['png', [...png]]);
  assert.throws(() => checkFigure('effects', 'png', `data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`), /must hold a PNG/);
  assert.throws(() => checkFigure('effects', 'png', 'data:text/html;base64,PGgxPg=='), /data:image\/png;base64/);
  assert.throws(() => checkFigure('effects', 'gif', 'x'), /svg or png/);
  assert.throws(() => checkFigure(42, 'svg', svg), /name/);
});
