import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import type { ReportPanels } from '../panels/reportPanels';
import { knownRuns } from '../runFolders';

/** "Open Run Report" (run folders or run.json, palette) and "Compare Two Runs". */
export function registerReportCommands(services: FaceGapServices, reports: ReportPanels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.openReport', async (uri?: vscode.Uri) => {
      const dir = uri ? runDirOf(uri) : await pickRun(services, 'FaceGap: open the report of which run?');
      if (!dir) return undefined;
      await reports.show([dir]);
      return dir;
    }),
    vscode.commands.registerCommand('facegap.compareRuns', async (first?: vscode.Uri, selected?: vscode.Uri[]) => {
      const chosen = selected && selected.length >= 2 ? selected.map(runDirOf) : undefined;
      const a = chosen?.[0] ?? (first ? runDirOf(first) : await pickRun(services, 'FaceGap: reference run'));
      const b = chosen?.[1] ?? (a && (await pickRun(services, 'FaceGap: compare with which run?', [a])));
      if (a && b) await reports.show([a, b]);
    }),
    vscode.commands.registerCommand('facegap.showOutput', () => services.output.show()),
  );
}

function runDirOf(uri: vscode.Uri): string {
  return path.basename(uri.fsPath) === 'run.json' ? path.dirname(uri.fsPath) : uri.fsPath;
}

async function pickRun(services: FaceGapServices, title: string, exclude: readonly string[] = []): Promise<string | undefined> {
  const { runs } = await knownRuns(services.context);
  const items = runs.filter((r) => !exclude.includes(r.dir)).map((r) => ({ label: r.label, description: r.meanF1 === null ? r.status : `mean F1 ${r.meanF1.toFixed(3)}`, detail: r.dir }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('FaceGap has no evaluation runs yet: right-click a dataset folder → FaceGap: Evaluate Model on This Folder…');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDetail: true }))?.detail;
}
