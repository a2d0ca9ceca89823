import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DirEntry, FileAccess } from '../../../src/core/ports/fileAccess';
import { ListOnceFiles } from '../../../src/node/dataset/listOnceFiles';

/** A file access over a fixed folder that counts its listings; the first listing of "flaky" fails. */
function countingFiles(): FileAccess & { lists: number } {
  let flakyFailed = false;
  const files = {
    lists: 0,
    async list(dir: string): Promise<DirEntry[]> {
      files.lists++;
      if (dir === 'flaky' && !flakyFailed) {
        flakyFailed = true;
        throw new Error('flaky: EIO');
      }
      return [{ name: 'a.png', kind: 'file' }, { name: 'b', kind: 'dir' }];
    },
    kind: async () => 'dir' as const,
    readBytes: async () => new Uint8Array(),
    readText: async () => '',
  };
  return files;
}

describe('ListOnceFiles', () => {
  it('lists a folder once however often it is asked, and gives every caller its own array', async () => {
    const inner = countingFiles();
    const files = new ListOnceFiles(inner);
    const [first, second] = await Promise.all([files.list('root'), files.list('root')]);
    first.pop();
    assert.deepEqual((await files.list('root')).map((e) => e.name), ['a.png', 'b']);
    assert.equal(second.length, 2);
    assert.equal(inner.lists, 1);
    await files.list('other');
    assert.equal(inner.lists, 2);
  });

  it('does not keep a failed listing: the next call lists again', async () => {
    const inner = countingFiles();
    const files = new ListOnceFiles(inner);
    await assert.rejects(files.list('flaky'), /EIO/);
    assert.equal((await files.list('flaky')).length, 2);
    assert.equal(inner.lists, 2);
  });
});
