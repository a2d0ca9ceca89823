import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabelSideSpec } from '../../core/diff/diffTypes';
import { detectSideKind } from '../../node/diff/detectSideKind';
import { NodeFileAccess } from '../../node/files/nodeFileAccess';
import { knownRuns } from '../runFolders';

/** The two sides of a diff: B is compared against A (the reference). */
export interface DiffSides {
  readonly a: LabelSideSpec;
  readonly b: LabelSideSpec;
}

interface SideItem extends vscode.QuickPickItem {
  /** Asks what more is needed (a folder) and answers with the sides; undefined when dismissed. */
  readonly choose: () => Promise<DiffSides | undefined>;
}

/** A folder as a diff side: a run folder's predictions, a dataset's labels, or a bare mask folder (its schema recognised). */
export async function sideOfFolder(folder: string): Promise<LabelSideSpec> {
  const kind = await detectSideKind(folder, new NodeFileAccess());
  return { kind: kind === 'run' ? 'run-predictions' : kind, path: folder };
}

/**
 * Asks what to compare the folder (side A) with: a run FaceGap knows (its predictions), another dataset or mask
 * folder, or, when the folder is a run, its own predictions against its ground truth. Undefined when dismissed.
 */
export async function pickOtherSide(context: vscode.ExtensionContext, folder: string): Promise<DiffSides | undefined> {
  const a = await sideOfFolder(folder);
  const items: SideItem[] = [];
  if (a.kind === 'run-predictions') {
    items.push({
      label: "$(arrow-swap) This run's predictions vs its ground truth",
      detail: 'how the model labels differ from the dataset annotation, class by class',
      choose: async () => ({ a: { kind: 'run-ground-truth', path: folder }, b: { kind: 'run-predictions', path: folder } }),
    });
  }
  const { runs } = await knownRuns(context);
  for (const run of runs.filter((r) => path.resolve(r.dir) !== path.resolve(folder))) {
    items.push({ label: `$(beaker) ${run.label}`, description: 'predictions of a run', detail: run.dir, choose: async () => ({ a, b: { kind: 'run-predictions', path: run.dir } }) });
  }
  items.push({ label: '$(folder-opened) A dataset, mask or run folder…', alwaysShow: true, choose: () => browseForSide(a) });
  const picked = await vscode.window.showQuickPick(items, { title: `FaceGap: diff the labels of ${path.basename(folder)} against…`, matchOnDetail: true });
  return picked?.choose();
}

async function browseForSide(a: LabelSideSpec): Promise<DiffSides | undefined> {
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'A dataset folder, a mask folder or a run folder to compare with' });
  const folder = chosen?.[0]?.fsPath;
  return folder ? { a, b: await sideOfFolder(folder) } : undefined;
}
