import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DirEntry, FileAccess } from '../../../src/core/ports/fileAccess';
import { RecordingFileAccess } from '../../../src/node/dataset/recordingFileAccess';

/** A file access over fixed folders that counts its listings. */
function countingFiles(): FileAccess & { lists: number } {
  const files = {
    lists: 0,
    async list(): Promise<DirEntry[]> {
      files.lists++;
      return [{ name: 'a.png', kind: 'file' }, { name: 'b', kind: 'dir' }];
    },
    kind: async () => 'dir' as const,
    readBytes: async () => new Uint8Array(),
    readText: async () => '',
  };
  return files;
}

describe('RecordingFileAccess', () => {
  it('lists a folder once however often the readers ask, and gives every caller its own array', async () => {
    const inner = countingFiles();
    const files = new RecordingFileAccess(inner);
    const [first, second] = await Promise.all([files.list('/no/such/root'), files.list('/no/such/root')]);
    first.pop();
    assert.deepEqual((await files.list('/no/such/root')).map((e) => e.name), ['a.png', 'b']);
    assert.equal(second.length, 2);
    assert.equal(inner.lists, 1);
    await files.list('/no/such/other');
    assert.equal(inner.lists, 2);
    assert.equal(files.counts().listed, 2);
    assert.deepEqual([...(await files.record()).folders.keys()], ['/no/such/root', '/no/such/other']);
  });
});
