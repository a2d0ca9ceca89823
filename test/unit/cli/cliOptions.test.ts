import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError, wholeNumberOption } from '../../../src/cli/cliErrors';

test('wholeNumberOption reads digits within the range and names the option otherwise', () => {
  assert.equal(wholeNumberOption('count', '120', 1, 1000), 120);
  assert.equal(wholeNumberOption('worst', '0', 0, 100), 0);
  for (const text of ['0', '1001', '-3', '1.5', '1e2', '', ' 7', 'abc']) {
    assert.throws(() => wholeNumberOption('count', text, 1, 1000), (e: Error) => e instanceof UsageError && e.message.startsWith('--count must be a whole number from 1 to 1000'), text);
  }
});
