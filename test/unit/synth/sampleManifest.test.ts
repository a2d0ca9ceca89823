import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENERATOR_VERSION, manifestMatches } from '../../../src/core/synth/sampleManifest';

const wanted = { profile: 'synthetic', seed: 1, count: 120, size: 256 };
const manifest = (changes: Record<string, unknown> = {}): string => JSON.stringify({ generator: 'facegap-synth', version: GENERATOR_VERSION, ...wanted, ...changes });

test('manifestMatches accepts a sample made by this generator with the same arguments', () => {
  assert.equal(manifestMatches(manifest(), wanted), true);
});

test('manifestMatches refuses another generator version, other arguments, and unreadable text', () => {
  assert.equal(manifestMatches(manifest({ version: GENERATOR_VERSION + 1 }), wanted), false);
  for (const [key, value] of [['profile', 'real-style'], ['seed', 2], ['count', 60], ['size', 128]] as const) {
    assert.equal(manifestMatches(manifest({ [key]: value }), wanted), false, key);
  }
  assert.equal(manifestMatches('', wanted), false);
  assert.equal(manifestMatches('{not json', wanted), false);
});
