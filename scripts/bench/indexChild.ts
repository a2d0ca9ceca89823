// A child process of `npm run bench` (e), measured alone so its peak RSS is its own. Prints one JSON line.
//   index  <root>                                 openDatasetFolder: layout detection, the index, the schema (what every command does first)
//   browse <root> <thumbDir> <count> [refresh]    the dataset panel's path: the browse worker (dist/browseWorker.js) opens the
//                                                 dataset (scan cache empty), then the first screen of `count` thumbnails (cold
//                                                 cache), closes and opens it again (scan cache hit), asks for the same thumbnails
//                                                 again (cached), and opens it in a new worker (as after a restart). With
//                                                 `refresh`: refreshes it unchanged, then after one {id}.png/{id}_seg.png pair was
//                                                 added (removed again before the child ends)
import * as fs from 'node:fs';
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

async function browse(root: string, thumbnailDir: string, count: number, refresh: boolean): Promise<Record<string, number>> {
  // As the extension configures it (src/host/faceGapServices.ts), with a scan cache of this run's own.
  const config = { thumbnailDir, thumbnailMaxSide: 192, thumbnailConcurrency: 2, scanCacheDir: `${thumbnailDir}-index` };
  const newClient = () => new BrowseWorkerClient(defaultBrowseWorkerPath(path.join(__dirname, '..', '..', 'dist')), config);
  let client = newClient();
  try {
    let t = performance.now();
    const opened = await client.openDataset(root);
    const openSeconds = seconds(t);
    const openRssKiB = Math.round(process.memoryUsage().rss / 1024);
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
    await client.dispose();
    client = newClient();
    t = performance.now();
    await client.openDataset(root);
    const restartReopenSeconds = seconds(t);
    const refreshed = refresh ? await refreshAfterAdd(client, root, opened.items.length) : {};
    return {
      items: opened.items.length,
      thumbnails: thumbs.filter((f) => f.file !== undefined).length,
      thumbnailErrors: thumbs.filter((f) => f.error !== undefined).length,
      openSeconds,
      openRssKiB,
      firstThumbnailsSeconds,
      reopenSeconds,
      cachedThumbnailsSeconds,
      restartReopenSeconds,
      ...refreshed,
    };
  } finally {
    await client.dispose();
  }
}

/** Refreshes the open dataset unchanged, then after one pair was added; removes the pair again. */
async function refreshAfterAdd(client: BrowseWorkerClient, root: string, items: number): Promise<Record<string, number>> {
  let t = performance.now();
  const unchanged = await client.refreshDataset(root);
  const refreshUnchangedSeconds = seconds(t);
  if (unchanged.changed) throw new Error(`${root}: refresh saw a change where there was none`);
  const first = fs.readdirSync(root).find((n) => n.endsWith('_seg.png'))!.slice(0, -'_seg.png'.length);
  const added = [`added.png`, `added_seg.png`].map((n) => path.join(root, n));
  const before = fs.statSync(root);
  try {
    fs.copyFileSync(path.join(root, `${first}.png`), added[0]);
    fs.copyFileSync(path.join(root, `${first}_seg.png`), added[1]);
    t = performance.now();
    const after = await client.refreshDataset(root);
    const refreshAddedSeconds = seconds(t);
    if (!after.changed || after.dataset.items.length !== items + 1) throw new Error(`${root}: refresh did not pick up the added pair`);
    return { refreshUnchangedSeconds, refreshAddedSeconds, refreshListed: after.listed };
  } finally {
    added.forEach((f) => fs.rmSync(f, { force: true }));
    // The folder's times as they were: one changed moments ago is always listed again, which would slow the next run's reopen.
    fs.utimesSync(root, before.atime, before.mtime);
  }
}

async function main(): Promise<void> {
  const [mode, root, thumbDir, count, refresh] = process.argv.slice(2);
  const startRssKiB = Math.round(process.memoryUsage().rss / 1024);
  const result = mode === 'index' ? await index(root) : mode === 'browse' ? await browse(root, thumbDir, Number(count), refresh === 'refresh') : undefined;
  if (!result) throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify({ ...result, startRssKiB })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
