import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST_FILES } from '../../../src/core/distribution/distTypes';
import { createBrowseHandlers } from '../../../src/node/browse/browseHandlers';
import type { OpenedDistribution } from '../../../src/protocol/browseWorkerMessages';
import type { HandlerContext } from '../../../src/protocol/rpc';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';
import { distRecord } from '../../webview/distributionFixtures';

let tmp: TempDir;

function context(): HandlerContext {
  return { signal: new AbortController().signal, transfer: () => undefined };
}

/** A distribution folder holding the given files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

async function open(dir: string): Promise<OpenedDistribution> {
  return createBrowseHandlers({ thumbnailDir: path.join(tmp.dir, 'thumbs') }).openDistribution({ type: 'openDistribution', dir }, context());
}

before(() => (tmp = makeTempDir('facegap-dist-folder-')));
after(() => tmp.remove());

describe('browse worker: distribution folders', () => {
  it('opens a folder: dist.json as written and the size of the matched subset', async () => {
    const record = distRecord();
    const dir = folder('ok', { [DIST_FILES.record]: JSON.stringify(record), [DIST_FILES.subset]: '/data/synthetic/000001.png\n/data/synthetic/000002.png\n\n' });
    const opened = await open(dir);
    assert.deepEqual(opened.record, record);
    assert.equal(opened.subsetImages, 2);
    assert.deepEqual(opened.notes, []);
    assert.equal(opened.dir, dir);
  });

  it('says so, naming the file, when a comparison with matching has no subset file or is incomplete', async () => {
    const dir = folder('no-subset', { [DIST_FILES.record]: JSON.stringify(distRecord({ complete: false })) });
    const opened = await open(dir);
    assert.equal(opened.subsetImages, null);
    assert.equal(opened.notes.length, 2);
    assert.ok(opened.notes[0].startsWith(path.join(dir, DIST_FILES.subset)), opened.notes[0]);
    assert.ok(opened.notes[1].startsWith(path.join(dir, DIST_FILES.record)), opened.notes[1]);
  });

  it('rejects a malformed dist.json with an error naming the file', async () => {
    const cases: Array<[string, string]> = [
      ['not-json', '{"kind": "facegap-distribution", '],
      ['wrong-kind', JSON.stringify({ ...distRecord(), kind: 'facegap-label-diff' })],
      ['no-summary', JSON.stringify({ ...distRecord(), summary: undefined })],
      ['array', '[]'],
    ];
    for (const [name, text] of cases) {
      const file = path.join(folder(name, { [DIST_FILES.record]: text }), DIST_FILES.record);
      await assert.rejects(open(path.dirname(file)), (e: unknown) => e instanceof Error && e.message.includes(file), `${name}: the error names ${file}`);
    }
  });

  it('rejects a folder without dist.json, naming the file it looked for', async () => {
    const dir = folder('empty', {});
    await assert.rejects(open(dir), new RegExp(`${path.join(dir, DIST_FILES.record).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not found`));
  });
});
