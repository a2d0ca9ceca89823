import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { drawFace, writeGrayPng, writeRgb } from '../../helpers/fixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let cli: string;
before(() => {
  cli = builtCli();
  tmp = makeTempDir('facegap-schemas-');
});
after(() => tmp.remove());

/** A user schema with three classes: 0 background, 1 face (skin), 2 hair. */
const USER_SCHEMA = {
  id: 'studio3',
  title: 'Studio three-class',
  leftRight: 'viewer',
  classes: [
    { id: 0, name: 'bg', color: [0, 0, 0], concept: 'background' },
    { id: 1, name: 'face', color: '#ff0000', concept: 'skin' },
    { id: 2, name: 'hair', color: [0, 0, 255], concept: 'hair' },
  ],
};

describe('facegap schemas, crosswalk and presets', () => {
  it('lists the built-in schemas and shows one with its concepts', async () => {
    const list = await runCli(cli, ['schemas', '--json']);
    assert.equal(list.code, 0);
    assert.deepEqual(JSON.parse(list.stdout).map((s: { id: string }) => s.id), ['facesynthetics', 'celebamask-hq', 'bisenet', 'lapa', 'helen']);
    const one = await runCli(cli, ['schemas', 'camhq']);
    assert.equal(one.code, 0);
    assert.match(one.stdout, /"left" means the subject's left/);
    assert.match(one.stdout, /4\s+l_eye\s+rgb\(51,51,255\)\s+subject's left eye/);
  });

  it('maps sided classes by the subject\'s side, not by name, and prints the fallbacks', async () => {
    const { code, stdout } = await runCli(cli, ['crosswalk', 'facesynthetics', 'celebamask-hq', '--json']);
    assert.equal(code, 0);
    const cw = JSON.parse(stdout);
    const entry = (name: string) => cw.entries.find((e: { fromName: string }) => e.fromName === name);
    assert.deepEqual([entry('LEFT_EYE').toName, entry('LEFT_EYE').how], ['r_eye', 'same-concept']);
    assert.deepEqual([entry('BEARD').toName, entry('BEARD').how], ['skin', 'fallback']);
    assert.ok(cw.report.some((line: string) => /name left and right by different conventions/.test(line)));
  });

  it('registers a user schema file and uses it for info; a malformed one names the field', async () => {
    const schemaFile = tmp.write('studio3.json', JSON.stringify(USER_SCHEMA));
    const root = path.join(tmp.dir, 'ds');
    const face = drawFace(32, 32, { background: 0, skin: 1, hair: 2, nose: 1, eyeImageLeft: 1, eyeImageRight: 1, browImageLeft: 2, browImageRight: 2, upperLip: 1, lowerLip: 1 });
    await writeRgb(path.join(root, 'images', 'a.png'), { width: 32, height: 32, data: new Uint8Array(32 * 32 * 3) });
    await writeGrayPng(path.join(root, 'masks', 'a.png'), face);
    const info = await runCli(cli, ['info', root, '--schema', schemaFile, '--json']);
    assert.equal(info.code, 0, info.stderr);
    const parsed = JSON.parse(info.stdout);
    assert.equal(parsed.schema.id, 'studio3');
    assert.deepEqual(parsed.classes.map((c: { name: string }) => c.name), ['bg', 'face', 'hair']);
    const broken = tmp.write('broken.json', JSON.stringify({ ...USER_SCHEMA, classes: [{ ...USER_SCHEMA.classes[0], color: [0, 0] }] }));
    const bad = await runCli(cli, ['info', root, '--schema', broken]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /broken\.json: classes\[0\]\.color must be/);
  });

  it('lists the model presets', async () => {
    const { code, stdout } = await runCli(cli, ['presets', '--json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).map((p: { name: string }) => p.name), ['bisenet-celebamask19', 'segformer-celebamask19']);
    assert.equal((await runCli(cli, ['presets', '--bogus'])).code, 2);
  });
});
