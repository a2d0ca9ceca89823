import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DatasetProblem } from '../../../src/core/dataset/datasetIndex';
import { count, filesByStem, IMAGE_EXTENSIONS, MASK_EXTENSIONS, pairStems, reportUnpaired } from '../../../src/core/dataset/filePairing';
import type { DirEntry } from '../../../src/core/ports/fileAccess';

/** Directory entries for file names (a trailing "/" marks a folder). */
function entries(...names: string[]): DirEntry[] {
  return names.map((n) => (n.endsWith('/') ? { name: n.slice(0, -1), kind: 'dir' } : { name: n, kind: 'file' }));
}

describe('filesByStem', () => {
  it('keys files by stem, skipping folders and other extensions, with case-insensitive extensions', () => {
    const problems: DatasetProblem[] = [];
    const byStem = filesByStem('/d', entries('a.JPG', 'b.jpeg', 'c.txt', 'd.png/', 'e.tar.png'), IMAGE_EXTENSIONS, problems);
    assert.deepEqual([...byStem], [['a', '/d/a.JPG'], ['b', '/d/b.jpeg'], ['e.tar', '/d/e.tar.png']]);
    assert.deepEqual(problems, []);
  });

  it('keeps the first of two files sharing a stem and names the second', () => {
    const problems: DatasetProblem[] = [];
    const byStem = filesByStem('/d', entries('a.jpg', 'a.png', 'b.png'), IMAGE_EXTENSIONS, problems);
    assert.deepEqual([...byStem.keys()], ['a', 'b']);
    assert.equal(byStem.get('a'), '/d/a.jpg');
    assert.deepEqual(problems, [{ file: '/d/a.png', problem: 'duplicate stem "a": /d/a.jpg is used, this file is ignored' }]);
  });

  it('does not take JPEG files as masks', () => {
    const byStem = filesByStem('/m', entries('a.jpg', 'a.png', 'b.bmp'), MASK_EXTENSIONS, []);
    assert.deepEqual([...byStem], [['a', '/m/a.png'], ['b', '/m/b.bmp']]);
  });

  it('uses a custom stem function', () => {
    const byStem = filesByStem('/f', entries('x_seg.png'), new Set(['png']), [], (n) => n.replace(/_seg\.png$/, ''));
    assert.deepEqual([...byStem], [['x', '/f/x_seg.png']]);
  });
});

describe('pairStems and reportUnpaired', () => {
  it('pairs by stem and reports the unpaired files of both sides', () => {
    const pairing = pairStems(new Map([['a', 'i/a.jpg'], ['b', 'i/b.jpg']]), new Map([['b', 'm/b.png'], ['c', 'm/c.png']]));
    assert.deepEqual(pairing, { pairs: [{ stem: 'b', image: 'i/b.jpg', partner: 'm/b.png' }], imagesWithoutPartner: ['i/a.jpg'], partnersWithoutImage: ['m/c.png'] });
    const problems: DatasetProblem[] = [];
    reportUnpaired(pairing, 'mask', problems);
    assert.deepEqual(problems, [
      { file: 'i/a.jpg', problem: 'no mask found for this image; it is left out' },
      { file: 'm/c.png', problem: 'mask without an image; it is left out' },
    ]);
  });

  it('formats counts with thousands separators', () => {
    assert.deepEqual([count(7), count(30000), count(1234567)], ['7', '30,000', '1,234,567']);
  });
});
