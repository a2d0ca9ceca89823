import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIST_FILES } from '../../core/distribution/distTypes';
import { distributionsRoot } from '../runLocations';

interface DistItem extends vscode.QuickPickItem {
  /** The distribution folder; '' for the Browse… entry. */
  readonly dir: string;
}

/** Asks for a distribution folder: those under the results location's distributions/ (newest first), or Browse…. */
export async function pickDistributionFolder(context: vscode.ExtensionContext): Promise<string | undefined> {
  const items: DistItem[] = await knownDistributions(distributionsRoot(context));
  items.push({ label: '$(folder-opened) Browse for a distribution folder…', dir: '', alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, { title: 'FaceGap: open which distribution comparison?', matchOnDetail: true });
  if (!picked || picked.dir) return picked?.dir;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: `A distribution folder (holds ${DIST_FILES.record})` });
  return chosen?.[0]?.fsPath;
}

/** The distribution folders directly under the root, newest first, described by their sides. */
async function knownDistributions(root: string): Promise<DistItem[]> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const found: Array<DistItem & { at: string }> = [];
  for (const name of names) {
    const item = await describeDistribution(path.join(root, name));
    if (item) found.push(item);
  }
  return found.sort((x, y) => y.at.localeCompare(x.at)).map(({ at: _at, ...item }) => item);
}

async function describeDistribution(dir: string): Promise<(DistItem & { at: string }) | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(path.join(dir, DIST_FILES.record), 'utf8')) as { kind?: unknown; createdAt?: unknown; a?: { description?: unknown }; b?: { description?: unknown } };
    if (record.kind !== 'facegap-distribution') return undefined;
    const at = typeof record.createdAt === 'string' ? record.createdAt : '';
    const sides = `${String(record.a?.description ?? 'A')} vs ${String(record.b?.description ?? 'B')}`;
    return { label: path.basename(dir), description: at.slice(0, 16).replace('T', ' '), detail: `${sides} · ${dir}`, dir, at };
  } catch {
    return undefined;
  }
}
