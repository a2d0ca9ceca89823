import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SAMPLE_MANIFEST } from '../../../src/core/synth/sampleManifest';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { makeTempDir } from '../../helpers/tempModels';

test('facegap sample writes a sample, replaces its own earlier sample, and refuses a folder with other files', async () => {
  const cli = builtCli();
  const tmp = makeTempDir('facegap-sample-cli-');
  try {
    const out = path.join(tmp.dir, 'real');
    const first = await runCli(cli, ['sample', out, '--profile', 'real-style', '--count', '3', '--size', '64', '--no-progress']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /3 real-style images \(64×64, seed 1, celebamask-hq layout\)/);
    assert.ok(fs.existsSync(path.join(out, SAMPLE_MANIFEST)));
    const again = await runCli(cli, ['sample', out, '--profile', 'real-style', '--count', '2', '--size', '64', '--no-progress', '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { items: unknown[] }).items.length, 2);
    const mine = tmp.write('notes.txt', 'my own data');
    const refused = await runCli(cli, ['sample', tmp.dir, '--no-progress']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not a generated sample/);
    assert.equal(fs.readFileSync(mine, 'utf8'), 'my own data');
  } finally {
    tmp.remove();
  }
});

test('facegap sample rejects unknown profiles and out-of-range numbers with usage errors', async () => {
  const cli = builtCli();
  for (const args of [['--profile', 'cartoon'], ['--count', '0'], ['--size', '12'], ['--seed', '-1']]) {
    const result = await runCli(cli, ['sample', '/tmp/facegap-never-written', ...args]);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
  }
  assert.ok(!fs.existsSync('/tmp/facegap-never-written'));
});
