import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, medianOf, mibText, overheadShare, parseBenchArgs, percentText, rateText, ratioText, secondsText } from '../../../scripts/bench/benchFormat';

test('median: odd and even counts, unsorted input, none', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
  assert.equal(medianOf([{ s: 5 }, { s: undefined }, { s: 1 }, { s: Number.NaN }, { s: 3 }], (r) => r.s), 3);
});

test('ratios, percentages, seconds, rates and MiB print as the bench shows them', () => {
  assert.equal(ratioText(3, 2), '1.50×');
  assert.equal(ratioText(25, 2), '12.5×');
  assert.equal(ratioText(1, 0), '–');
  assert.equal(percentText(0.054), '5.4%');
  assert.equal(percentText(2.164), '216%');
  assert.equal(percentText(Number.NaN), '–');
  assert.equal(secondsText(0.1234), '0.123 s');
  assert.equal(secondsText(4.256), '4.26 s');
  assert.equal(secondsText(152.4), '152 s');
  assert.equal(rateText(1234.5), '1,235');
  assert.equal(rateText(46.99), '47.0');
  assert.equal(mibText(2048), '2 MiB');
  assert.equal(mibText(undefined), '–');
  assert.equal(overheadShare(4.26, 1.35).toFixed(3), '2.156');
  assert.ok(Number.isNaN(overheadShare(1, 0)));
});

test('parseBenchArgs: defaults, --quick defaults that explicit values override, errors', () => {
  assert.deepEqual(parseBenchArgs([]), { n: 200, runs: 3, indexN: 100_000, ep: 'auto', quick: false, out: '.facegap-bench/results.json', keep: false });
  const quick = parseBenchArgs(['--quick', '--runs', '2', '--ep', 'cuda']);
  assert.equal(quick.n, 20);
  assert.equal(quick.runs, 2);
  assert.equal(quick.indexN, 5_000);
  assert.equal(quick.ep, 'cuda');
  assert.throws(() => parseBenchArgs(['--n', '0']), /--n must be a whole number/);
  assert.throws(() => parseBenchArgs(['--n']), /unknown or incomplete argument/);
  assert.throws(() => parseBenchArgs(['--fast']), /unknown or incomplete argument/);
});
