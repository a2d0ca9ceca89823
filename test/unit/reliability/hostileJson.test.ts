import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeColourModel, writeFaceSyntheticsDataset, type FaceDataset } from '../../helpers/evalFixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';
import { assertCleanExit } from '../../helpers/unprivilegedCli';

// Hostile spec, schema and mapping files: huge, nested 100,000 levels deep, of the wrong types, or not JSON. Each is a
// fatal input: exit 1 and one line naming the file and the field, never a stack trace.

const DEPTH = 100_000;

/** Contents every kind of file is tried with, and what the message must say. */
const COMMON: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['huge', `{"junk":"${'x'.repeat(50 * 1024 * 1024)}"}`, /: the file is too large \(52428\d{3} characters; at most 1000000\)/],
  ['deep-array', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, /: \[0\]\[0\]\S* nests values deeper than expected \(at most \d levels in this file\)/],
  ['deep-object', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, /: a\.a\S* nests values deeper than expected \(at most \d levels in this file\)/],
  ['not-json', '{"input": ', /: the file is not valid JSON \(/],
  ['array', '[1, 2, 3]', /: the top level must be an object/],
];

/** Per kind of file: wrong types in a field, and what the message must name. */
const WRONG_TYPES: Record<string, ReadonlyArray<readonly [string, unknown, RegExp]>> = {
  spec: [
    ['width-string', { input: { width: '32' } }, /: input\.width must be a positive integer/],
    ['mean-object', { input: { mean: { r: 0 } } }, /: input\.mean must be 3 numbers/],
    ['schema-number', { schema: 7 }, /: schema must be a non-empty string/],
  ],
  schema: [
    ['id-number', { id: 5, title: 'x', leftRight: 'viewer', classes: [] }, /: id must be a string/],
    ['classes-string', { id: 'x', title: 'x', leftRight: 'viewer', classes: 'none' }, /: classes must be/],
    ['colour-string', { id: 'x', title: 'x', leftRight: 'viewer', classes: [{ id: 0, name: 'bg', color: 'red' }] }, /: classes\[0\]\.color must be/],
  ],
  mapping: [
    ['from-number', { from: 3, to: 'facesynthetics', map: {} }, /: from must be a string/],
    ['map-array', { from: 'facesynthetics', to: 'facesynthetics', map: [] }, /: map must be an object/],
    ['target-boolean', { from: 'facesynthetics', to: 'facesynthetics', map: { '1': true } }, /: map\["1"\] must be a class name, a class id, or null/],
  ],
};

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let model: { model: string; spec: string };
let masks: string;
before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-hostile-json-');
  data = await writeFaceSyntheticsDataset(tmp, 'fs', 2, 32);
  model = writeColourModel(tmp, 32);
  masks = path.join(tmp.dir, 'masks');
  fs.mkdirSync(masks);
  for (const id of data.ids) fs.copyFileSync(path.join(data.root, `${id}_seg.png`), path.join(masks, `${id}.png`));
});
after(() => tmp?.remove());

/** The command line that reads a file of this kind, per command. */
const ARGS: Record<string, (file: string, out: string) => string[]> = {
  'eval --spec': (f, out) => ['eval', data.root, '--model', model.model, '--spec', f, '--out', out],
  'eval --schema': (f, out) => ['eval', data.root, '--model', model.model, '--spec', model.spec, '--schema', f, '--out', out],
  'eval --schema-file': (f, out) => ['eval', data.root, '--model', model.model, '--spec', model.spec, '--schema-file', f, '--out', out],
  'eval --mapping': (f, out) => ['eval', data.root, '--model', model.model, '--spec', model.spec, '--mapping', f, '--out', out],
  'diff --mapping': (f, out) => ['diff', data.root, masks, '--b-schema', 'facesynthetics', '--mapping', f, '--out', out],
  'diff --b-schema': (f, out) => ['diff', data.root, masks, '--b-schema', f, '--out', out],
  'dist --a-schema': (f, out) => ['dist', data.root, masks, '--a-schema', f, '--b-schema', 'facesynthetics', '--out', out],
};
const KIND: Record<string, string> = { '--spec': 'spec', '--schema': 'schema', '--schema-file': 'schema', '--mapping': 'mapping', '--b-schema': 'schema', '--a-schema': 'schema' };

/** Writes each file once (the huge one is 50 MB) and returns its path. */
function jsonFile(label: string, text: string): string {
  const file = path.join(tmp.dir, `${label}.json`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, text);
  return file;
}

/** Runs a command on each file, two at a time, and checks that each fails cleanly naming it. */
async function expectEachRefused(command: string, cases: ReadonlyArray<readonly [string, string, RegExp]>): Promise<void> {
  const name = command.split(' ')[0];
  const queue = [...cases];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const [label, text, expected] = c;
      const file = jsonFile(label, text);
      const result = await runCli(cli, [...ARGS[command](file, path.join(tmp.dir, 'out', label)), '--no-progress']);
      assertCleanExit(result, 1, `${command} ${label}`);
      const line = result.stderr.split('\n').find((l) => l.startsWith(`facegap ${name}: error: `)) ?? result.stderr;
      assert.ok(line.includes(`${file}: `), `${command} ${label}: names the file: ${line}`);
      assert.match(line, expected, `${command} ${label}`);
    }
  };
  await Promise.all([worker(), worker()]);
}

describe('hostile JSON files', () => {
  for (const command of Object.keys(ARGS)) {
    it(`${command}: huge, 100,000 levels deep, not JSON, wrong types: exit 1 naming the file and where`, async () => {
      const kind = KIND[command.split(' ')[1]];
      const wrong = WRONG_TYPES[kind].map(([label, value, expected]) => [label, JSON.stringify(value), expected] as const);
      // eval tries every case; diff and dist share its parsers, so a few cases show they report the same way.
      const all = [...COMMON, ...wrong];
      await expectEachRefused(command, command.startsWith('eval') ? all : all.filter(([label]) => ['huge', 'deep-array', wrong[0][0]].includes(label)));
    });
  }
});
