// A child process of `npm run bench` (e), measured alone so its peak RSS is its own. Prints one JSON line.
//   index  <root>                        openDatasetFolder: layout detection, the index, the schema (what every command does first)
//   browse <root> <thumbDir> <count>     the dataset panel's path: the browse worker (dist/browseWorker.js) opens the
//                                        dataset, then the first screen of `count` thumbnails (cold cache), closes and
//                                        opens it again, and asks for the same thumbnails again (cached)
import * as path from 'node:path';
import { openDatasetFolder } from '../../src/node/dataset/openDatasetFolder';
import { BrowseWorkerClient, defaultBrowseWorkerPath } from '../../src/node/browse/browseWorkerClient';
import { createNodeAdapters } from '../../src/node/nodeAdapters';

const seconds = (since: number): number => (performance.now() - since) / 1000;

async function index(root: string): Promise<Record<string, number>> {
  const started = performance.now();
  const { index } = await openDatasetFolder(root, {}, createNodeAdapters());
  return { indexSeconds: seconds(started), items: index.items.length, problems: index.problems.length };
}

async function browse(root: string, thumbnailDir: string, count: number): Promise<Record<string, number>> {
  // As the extension configures it (src/host/faceGapServices.ts).
  const client = new BrowseWorkerClient(defaultBrowseWorkerPath(path.join(__dirname, '..', '..', 'dist')), { thumbnailDir, thumbnailMaxSide: 192, thumbnailConcurrency: 2 });
  try {
    let t = performance.now();
    const opened = await client.openDataset(root);
    const openSeconds = seconds(t);
    const ids = opened.items.slice(0, count).map((item) => item.id);
    t = performance.now();
    const thumbs = await client.thumbnails(opened.root, ids);
    const firstThumbnailsSeconds = seconds(t);
    await client.closeDataset(opened.root);
    t = performance.now();
    await client.openDataset(root);
    const reopenSeconds = seconds(t);
    t = performance.now();
    await client.thumbnails(opened.root, ids);
    const cachedThumbnailsSeconds = seconds(t);
    return {
      items: opened.items.length,
      thumbnails: thumbs.filter((f) => f.file !== undefined).length,
      thumbnailErrors: thumbs.filter((f) => f.error !== undefined).length,
      openSeconds,
      firstThumbnailsSeconds,
      reopenSeconds,
      cachedThumbnailsSeconds,
    };
  } finally {
    await client.dispose();
  }
}

async function main(): Promise<void> {
  const [mode, root, thumbDir, count] = process.argv.slice(2);
  const startRssKiB = Math.round(process.memoryUsage().rss / 1024);
  const result = mode === 'index' ? await index(root) : mode === 'browse' ? await browse(root, thumbDir, Number(count)) : undefined;
  if (!result) throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify({ ...result, startRssKiB })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
