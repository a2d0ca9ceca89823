import * as vscode from 'vscode';
import type { DatasetPanels } from '../panels/datasetPanels';
import type { SampleDatasets } from '../sampleDatasets';

/** "Open as Face-Parsing Dataset" (explorer folders, palette) and "Open Sample Dataset". */
export function registerDatasetCommands(datasets: DatasetPanels, samples: SampleDatasets): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.openDataset', async (uri?: vscode.Uri) => {
      const folder = uri ?? (await pickFolder('Open as Face-Parsing Dataset'));
      if (!folder) return undefined;
      const panel = await datasets.show(folder.fsPath);
      return panel?.root;
    }),
    vscode.commands.registerCommand('facegap.openSampleDataset', async (options?: { profile?: string }) => {
      const root = await samples.ensure(options?.profile);
      if (!root) return undefined;
      await datasets.show(root);
      return root;
    }),
  );
}

/** Asks for a folder; undefined when dismissed. */
export async function pickFolder(title: string): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return chosen?.[0];
}
