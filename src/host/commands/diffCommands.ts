import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { DEFAULT_DIFF_PROTOCOL } from '../../core/diff/diffDefaults';
import type { LabelSideSpec } from '../../core/diff/diffTypes';
import { errorMessage } from '../../core/util/errors';
import { pickDiffFolder } from '../diff/diffPicker';
import { runDiffWithProgress } from '../diff/diffRunner';
import { pickOtherSide, sideOfFolder, type DiffSides } from '../diff/diffSides';
import type { FaceGapServices } from '../faceGapServices';
import type { DiffPanels } from '../panels/diffPanels';
import { diffFolderFor } from '../runLocations';
import { pickFolder } from './datasetCommands';

/** How the extension compares labels: a 2 px band around A's edges, sided classes by the subject's side, B onto A's size. */

/** Options a caller (a test, a keybinding) may pass to skip the questions. */
export interface DiffLabelsOptions {
  /** Side B; "ground-truth" diffs a run folder's predictions against its own ground truth. */
  readonly b?: LabelSideSpec | 'ground-truth';
  readonly outDir?: string;
  /** Open the panel when the diff is done (default true). */
  readonly open?: boolean;
}

/** "Diff Labels Against…" (explorer folders, palette) and "Open Label Diff…" (diff folders, diff.json, palette); both resolve with the diff folder. */
export function registerDiffCommands(services: FaceGapServices, diffs: DiffPanels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.diffLabels', async (uri?: vscode.Uri, options: DiffLabelsOptions = {}) => {
      const folder = uri ?? (await pickFolder('Diff the labels of which folder?'));
      if (!folder) return undefined;
      const sides = await sidesOf(services, folder.fsPath, options);
      return sides ? diffLabels(services, diffs, sides, options) : undefined;
    }),
    vscode.commands.registerCommand('facegap.openDiff', async (uri?: vscode.Uri) => {
      const dir = uri ? diffDirOf(uri) : await pickDiffFolder(services.context);
      if (!dir) return undefined;
      await diffs.show(dir);
      return dir;
    }),
  );
}

async function sidesOf(services: FaceGapServices, folder: string, options: DiffLabelsOptions): Promise<DiffSides | undefined> {
  if (options.b === 'ground-truth') return { a: { kind: 'run-ground-truth', path: folder }, b: { kind: 'run-predictions', path: folder } };
  if (options.b) return { a: await sideOfFolder(folder), b: options.b };
  return pickOtherSide(services.context, folder);
}

async function diffLabels(services: FaceGapServices, diffs: DiffPanels, sides: DiffSides, options: DiffLabelsOptions): Promise<string | undefined> {
  try {
    const outDir = options.outDir ?? diffFolderFor(services.context, sides.a, sides.b);
    const result = await runDiffWithProgress(services, { ...sides, protocol: DEFAULT_DIFF_PROTOCOL, outDir });
    if (!result) return undefined;
    if (options.open !== false) await diffs.show(result.dir);
    return result.dir;
  } catch (error) {
    void vscode.window.showErrorMessage(`FaceGap label diff failed: ${errorMessage(error)}`, 'Show Output').then((a) => a && services.output.show());
    return undefined;
  }
}

function diffDirOf(uri: vscode.Uri): string {
  return path.basename(uri.fsPath) === DIFF_FILES.diff ? path.dirname(uri.fsPath) : uri.fsPath;
}
