import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { runSearchRoots } from '../runFolders';
import { diffsRoot } from '../runLocations';

interface DiffItem extends vscode.QuickPickItem {
  /** The diff folder; '' for the Browse… entry. */
  readonly dir: string;
}

/** Asks for a diff folder: those under the results location's diffs/ and the workspace's facegap-runs/ (newest first), or Browse…. */
export async function pickDiffFolder(context: vscode.ExtensionContext): Promise<string | undefined> {
  const items: DiffItem[] = await knownDiffs([diffsRoot(context), ...runSearchRoots(context)]);
  items.push({ label: '$(folder-opened) Browse for a diff folder…', dir: '', alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, { title: 'FaceGap: open which label diff?', matchOnDetail: true });
  if (!picked || picked.dir) return picked?.dir;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: `A diff folder (holds ${DIFF_FILES.diff})` });
  return chosen?.[0]?.fsPath;
}

/** The diff folders directly under the roots, newest first, described by their sides. */
async function knownDiffs(roots: readonly string[]): Promise<DiffItem[]> {
  const found = new Map<string, DiffItem & { at: string }>();
  for (const root of roots) {
    const names = await fs.readdir(root).catch(() => [] as string[]);
    for (const name of names) {
      const dir = path.join(root, name);
      const item = await describeDiff(dir);
      if (item && !found.has(dir)) found.set(dir, item);
    }
  }
  return [...found.values()].sort((x, y) => y.at.localeCompare(x.at)).map(({ at: _at, ...item }) => item);
}

async function describeDiff(dir: string): Promise<(DiffItem & { at: string }) | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(path.join(dir, DIFF_FILES.diff), 'utf8')) as { kind?: unknown; createdAt?: unknown; a?: { description?: unknown }; b?: { description?: unknown } };
    if (record.kind !== 'facegap-label-diff') return undefined;
    const at = typeof record.createdAt === 'string' ? record.createdAt : '';
    const sides = `${String(record.b?.description ?? 'B')} against ${String(record.a?.description ?? 'A')}`;
    return { label: path.basename(dir), description: at.slice(0, 16).replace('T', ' '), detail: `${sides} · ${dir}`, dir, at };
  } catch {
    return undefined;
  }
}
