import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import type { ReportPanels } from '../panels/reportPanels';
import { pickRun } from '../runPicker';

/** "Open Run Report" (run folders or run.json, palette) and "Compare Two Runs". */
export function registerReportCommands(services: FaceGapServices, reports: ReportPanels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.openReport', async (uri?: vscode.Uri) => {
      const dir = uri ? runDirOf(uri) : await pickRun(services.context, 'FaceGap: open the report of which run?');
      if (!dir) return undefined;
      await reports.show([dir]);
      return dir;
    }),
    vscode.commands.registerCommand('facegap.compareRuns', async (first?: vscode.Uri, selected?: vscode.Uri[]) => {
      const chosen = selected && selected.length >= 2 ? selected.map(runDirOf) : undefined;
      const a = chosen?.[0] ?? (first ? runDirOf(first) : await pickRun(services.context, 'FaceGap: reference run'));
      const b = chosen?.[1] ?? (a && (await pickRun(services.context, 'FaceGap: compare with which run?', { exclude: [a] })));
      if (a && b) await reports.show([a, b]);
    }),
    vscode.commands.registerCommand('facegap.showOutput', () => services.output.show()),
  );
}

function runDirOf(uri: vscode.Uri): string {
  return path.basename(uri.fsPath) === 'run.json' ? path.dirname(uri.fsPath) : uri.fsPath;
}
