// The hostile-file-names step of the end-to-end scenario: a dataset generated here (hard links to the synthetic
// sample's first pairs, never anything from outside the test) whose image stems are markup and quotes/non-ASCII text.
// It is opened, evaluated and diffed, and the driver checks every view that shows the names (report worst images,
// dataset gallery and detail view, diff review list): the names appear as text, nothing they spell runs
// (test/e2e/securityChecks.mjs).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpoint } from './checkpoint';

/** The image stems (= item ids of the FaceSynthetics layout): markup, quotes and non-ASCII, and a plain one. */
export const HOSTILE_STEMS = ['<img src=x onerror=alert(1)>', `it's "é" 日本`, 'plain-000002'] as const;

/** Makes the hostile dataset from the sample's first pairs: hard links (copies where links fail). */
export async function writeHostileDataset(sampleRoot: string, root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(root, { recursive: true });
  for (const [i, stem] of HOSTILE_STEMS.entries()) {
    const source = String(i).padStart(6, '0');
    for (const suffix of ['', '_seg']) await linkOrCopy(path.join(sampleRoot, `${source}${suffix}.png`), path.join(root, `${stem}${suffix}.png`));
  }
}

/** A hard link, or a copy where the file system refuses one. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await fs.link(from, to).catch(() => fs.copyFile(from, to));
}

/** Step (g): open, evaluate and diff the hostile dataset; the driver checks the views at "hostile" and "hostileDiff". */
export async function hostileNames(sampleRoot: string, model: string, workspace: string, facts: Record<string, unknown>): Promise<void> {
  const root = path.join(workspace, 'hostile-names');
  await writeHostileDataset(sampleRoot, root);
  const opened = await vscode.commands.executeCommand<unknown>('facegap.openDataset', vscode.Uri.file(root));
  assert.equal(opened, root, `facegap.openDataset should open ${root}, got ${JSON.stringify(opened)}`);
  const runDir = await vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(root), { model });
  assert.equal(typeof runDir, 'string', `evaluating the hostile dataset should resolve with a run folder, got ${JSON.stringify(runDir)}`);
  const lines = (await fs.readFile(path.join(runDir as string, 'images.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id).sort();
  assert.deepEqual(ids, [...HOSTILE_STEMS].sort(), 'the run journals each hostile name as its id, unchanged');
  facts.hostileRunDir = runDir;
  const names = { names: HOSTILE_STEMS, files: HOSTILE_STEMS.map((s) => `${s}.png`) };
  // The report of the run is open: the driver reads its worst images, clicks the hostile one and checks the dataset panel.
  // Outside the panel's localResourceRoots (this folder, dist/webview, the thumbnail cache): the driver loads them from
  // the webview and they must fail, while a file of this folder loads.
  const outside = [path.join(sampleRoot, '000000.png'), path.join(path.dirname(path.dirname(model)), 'media', 'facegap.svg')];
  await checkpoint('hostile', { root, runDir, ...names, inside: path.join(root, 'plain-000002.png'), outside });
  await watchFolder(sampleRoot, root, names.files);
  const diffDir = await vscode.commands.executeCommand<unknown>('facegap.diffLabels', vscode.Uri.file(runDir as string), { b: 'ground-truth' });
  assert.equal(typeof diffDir, 'string', `diffing the hostile run should resolve with a diff folder, got ${JSON.stringify(diffDir)}`);
  await checkpoint('hostileDiff', { dir: diffDir, ...names, inside: path.join(root, 'plain-000002.png'), outside });
}

/** Live updates: a pair added while the dataset panel is open joins its gallery, and goes again when removed. */
async function watchFolder(sampleRoot: string, root: string, files: readonly string[]): Promise<void> {
  const added = ['added-000003.png', 'added-000003_seg.png'];
  for (const [i, file] of added.entries()) await linkOrCopy(path.join(sampleRoot, `000003${i === 0 ? '' : '_seg'}.png`), path.join(root, file));
  await checkpoint('datasetWatchAdded', { files: [...files, added[0]] });
  for (const file of added) await fs.rm(path.join(root, file));
  await checkpoint('datasetWatchRemoved', { files });
}
