import * as vscode from 'vscode';
import { knownRuns } from './runFolders';

interface RunItem extends vscode.QuickPickItem {
  /** The run folder; '' for the Browse… entry. */
  readonly dir: string;
}

/**
 * Asks for one of the runs FaceGap knows (newest first, `exclude` left out); with `browse`, also offers a folder dialog.
 * Without runs and without `browse`, says how to make one. Undefined when dismissed.
 */
export async function pickRun(context: vscode.ExtensionContext, title: string, options: { exclude?: readonly string[]; browse?: boolean } = {}): Promise<string | undefined> {
  const { runs } = await knownRuns(context);
  const items: RunItem[] = runs
    .filter((r) => !options.exclude?.includes(r.dir))
    .map((r) => ({ label: r.label, description: r.meanF1 === null ? r.status : `mean F1 ${r.meanF1.toFixed(3)}`, detail: r.dir, dir: r.dir }));
  if (options.browse) items.push({ label: '$(folder-opened) Browse for a run folder…', dir: '' });
  if (items.length === 0) {
    void vscode.window.showInformationMessage('FaceGap has no evaluation runs yet: right-click a dataset folder → FaceGap: Evaluate Model on This Folder…');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDetail: true });
  if (!picked || picked.dir) return picked?.dir;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'A run folder (holds run.json)' });
  return chosen?.[0]?.fsPath;
}
