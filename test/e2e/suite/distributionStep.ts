// The distribution step of the end-to-end scenario: the synthetic sample's distribution compared with the real-style
// sample's through the command, and the panel checked by the driver (findings, the attributes table, the plots, a
// clicked row's histogram).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpoint } from './checkpoint';

interface DistJson {
  complete?: unknown;
  summary?: { imagesA?: unknown; imagesB?: unknown; findings?: unknown[]; attributes?: Array<{ name: string; effect: number }> };
}

/** Step (f): real-style sample → compareDistributions → panel. */
export async function compareSampleDistributions(syntheticRoot: string, images: number, facts: Record<string, unknown>): Promise<void> {
  const realStyle = await vscode.commands.executeCommand<unknown>('facegap.openSampleDataset', { profile: 'real-style' });
  assert.equal(typeof realStyle, 'string', `facegap.openSampleDataset real-style should resolve with the sample folder, got ${JSON.stringify(realStyle)}`);
  const started = Date.now();
  const dir = await vscode.commands.executeCommand<unknown>('facegap.compareDistributions', vscode.Uri.file(syntheticRoot), { b: realStyle });
  assert.equal(typeof dir, 'string', `facegap.compareDistributions should resolve with the distribution folder, got ${JSON.stringify(dir)} (see the FaceGap output log)`);
  const distDir = dir as string;
  facts.distributionDir = distDir;
  facts.distributionSeconds = (Date.now() - started) / 1000;
  assert.ok(path.basename(path.dirname(distDir)) === 'distributions', `the folder should lie under <results>/distributions, got ${distDir}`);
  const record = JSON.parse(await fs.readFile(path.join(distDir, 'dist.json'), 'utf8')) as DistJson;
  assert.equal(record.complete, true, `${distDir}/dist.json should say complete: true`);
  assert.deepEqual([record.summary?.imagesA, record.summary?.imagesB], [images, images], `both samples should be measured whole (${images} images each)`);
  const attributes = record.summary?.attributes ?? [];
  assert.ok(attributes.length >= 2 && (record.summary?.findings?.length ?? 0) > 0, `dist.json should hold attributes and findings, has ${attributes.length} attributes`);
  facts.distributionTop = attributes.slice(0, 5).map((a) => `${a.name} ${a.effect.toFixed(2)}`);
  await assertActiveDistributionPanel('after facegap.compareDistributions');
  await checkpoint('distribution', { dir: distDir, top: attributes[0].name, click: attributes[1].name });
}

/** The tab model reaches the extension host a little after a panel opens: polls for a few seconds. */
async function assertActiveDistributionPanel(when: string): Promise<void> {
  const isDistribution = (tab: vscode.Tab | undefined): boolean => tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('facegap.distribution');
  const deadline = Date.now() + 5000;
  while (!isDistribution(vscode.window.tabGroups.activeTabGroup.activeTab) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(isDistribution(tab), `${when} the distribution panel should be the active tab, got "${tab?.label ?? 'no tab'}"`);
}
