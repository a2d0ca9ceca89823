import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listRuns, type RunCatalog } from '../node/browse/runCatalog';
import { resultsRoot } from './runLocations';

/** Folders that may hold run folders: the results location, and each workspace folder's facegap-runs (the CLI's default). */
export function runSearchRoots(context: vscode.ExtensionContext): string[] {
  const roots = [resultsRoot(context)];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const cliRuns = path.join(folder.uri.fsPath, 'facegap-runs');
    if (folder.uri.scheme === 'file' && fs.existsSync(cliRuns)) roots.push(cliRuns);
  }
  return roots;
}

/** The runs FaceGap knows of, newest first; only a dataset's runs when its root is given. */
export function knownRuns(context: vscode.ExtensionContext, datasetRoot?: string): Promise<RunCatalog> {
  return listRuns(runSearchRoots(context), datasetRoot);
}
