import { realpath } from 'node:fs/promises';
import { IMAGE_EXTENSIONS } from '../../core/dataset/filePairing';
import type { DatasetItem } from '../../core/dataset/datasetIndex';
import type { FileAccess } from '../../core/ports/fileAccess';
import { joinPath } from '../../core/util/paths';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Every image in a folder and its sub-folders (ids keep the sub-folder: "test/0001"), for folders without labels. A folder
 * reached twice (a symbolic link to itself or an ancestor) is read once; an image link to nothing is kept, so that
 * measuring it reports the file instead of leaving it out silently.
 */
export async function listImageFolder(root: string, files: FileAccess, signal?: AbortSignal): Promise<DatasetItem[]> {
  if ((await files.kind(root)) !== 'dir') throw new Error(`${root}: folder not found`);
  const items: DatasetItem[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string, prefix: string, depth: number): Promise<void> => {
    signal?.throwIfAborted();
    const real = await realpath(dir).catch(() => dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of await files.list(dir)) {
      const path = joinPath(dir, entry.name);
      if (entry.kind === 'dir' && depth < 3 && !entry.name.startsWith('.')) await visit(path, `${prefix}${entry.name}/`, depth + 1);
      else if (entry.kind !== 'dir' && IMAGE_EXTENSIONS.has(extensionOf(entry.name))) {
        items.push({ id: `${prefix}${entry.name.slice(0, entry.name.lastIndexOf('.'))}`, imagePath: path });
      }
    }
  };
  await visit(root, '', 0);
  if (items.length === 0) throw new Error(`${root}: no images (${[...IMAGE_EXTENSIONS].join(', ')}) found`);
  return items.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
