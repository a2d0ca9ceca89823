// The label-diff step of the end-to-end scenario: the run's predictions diffed against its ground truth through the
// command, an image marked in the diff panel by the driver, and the mark still there after the panel is reloaded and
// after it is closed and opened again (in the webview, checked by the driver, and in review.json).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpoint } from './checkpoint';

/** What the driver types into the note field and which verdict key it presses (2 = error in B). */
export const DIFF_MARK = { key: '2', verdict: 'error-b', note: 'e2e: B hair edge' } as const;

/** Steps (e): diff → panel → mark → reload → reopen. `need` fails the step with "skipped" when an earlier result is missing. */
export async function diffAndReview(runDir: string, images: number, facts: Record<string, unknown>): Promise<void> {
  const started = Date.now();
  const dir = await vscode.commands.executeCommand<unknown>('facegap.diffLabels', vscode.Uri.file(runDir), { b: 'ground-truth' });
  assert.equal(typeof dir, 'string', `facegap.diffLabels should resolve with the diff folder, got ${JSON.stringify(dir)} (see the FaceGap output log)`);
  const diffDir = dir as string;
  facts.diffDir = diffDir;
  facts.diffSeconds = (Date.now() - started) / 1000;
  const record = JSON.parse(await fs.readFile(path.join(diffDir, 'diff.json'), 'utf8')) as { complete?: unknown; summary?: { images?: unknown; findings?: unknown[] } };
  assert.equal(record.complete, true, `${diffDir}/diff.json should say complete: true`);
  assert.equal(record.summary?.images, images, `the diff should compare all ${images} images, diff.json says ${JSON.stringify(record.summary?.images)}`);
  await assertActiveDiffPanel('after facegap.diffLabels');
  const first = await mostDisagreeing(diffDir);
  if ((await checkpoint('diffMark', { dir: diffDir, id: first, ...DIFF_MARK })) === 'skipped') return;
  const marks = await reviewMarks(diffDir);
  assert.deepEqual(marks.map((m) => [m.id, m.verdict, m.note]), [[first, DIFF_MARK.verdict, DIFF_MARK.note]], `review.json should hold the one mark the driver made`);
  facts.diffMarked = first;

  await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
  await checkpoint('diffReload', { dir: diffDir, id: first, restoredTab: 'review', ...DIFF_MARK });
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  assert.equal(await vscode.commands.executeCommand('facegap.openDiff', vscode.Uri.file(path.join(diffDir, 'diff.json'))), diffDir, 'facegap.openDiff on diff.json should open its folder');
  await assertActiveDiffPanel('after facegap.openDiff');
  await checkpoint('diffReopen', { dir: diffDir, id: first, ...DIFF_MARK });
  assert.deepEqual(await reviewMarks(diffDir), marks, 'reloading and reopening the panel must not change review.json');
}

/** The id with the highest disagreement in images.jsonl (ties by id), which the review list shows first. */
async function mostDisagreeing(diffDir: string): Promise<string> {
  const lines = (await fs.readFile(path.join(diffDir, 'images.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const entries = lines.map((l) => JSON.parse(l) as { id: string; disagreement: number });
  entries.sort((x, y) => y.disagreement - x.disagreement || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  assert.ok(entries.length > 0, `${diffDir}/images.jsonl lists no image`);
  return entries[0].id;
}

async function reviewMarks(diffDir: string): Promise<Array<{ id: string; verdict: string; note: string }>> {
  const file = path.join(diffDir, 'review.json');
  const review = JSON.parse(await fs.readFile(file, 'utf8').catch(() => '{"marks":[]}')) as { marks?: Array<{ id: string; verdict: string; note: string }> };
  return review.marks ?? [];
}

/** The tab model reaches the extension host a little after a panel opens: polls for a few seconds. */
async function assertActiveDiffPanel(when: string): Promise<void> {
  const isDiff = (tab: vscode.Tab | undefined): boolean => tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('facegap.diff');
  const deadline = Date.now() + 5000;
  while (!isDiff(vscode.window.tabGroups.activeTabGroup.activeTab) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(isDiff(tab), `${when} the label-diff panel should be the active tab, got "${tab?.label ?? 'no tab'}"`);
}
