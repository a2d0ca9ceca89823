import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorMessage } from '../../core/util/errors';
import type { EvaluationRunner } from '../evaluation/evaluationRunner';
import { pickModel } from '../evaluation/modelPicker';
import type { RecentModels } from '../evaluation/recentModels';
import type { FaceGapServices } from '../faceGapServices';
import type { DatasetPanels } from '../panels/datasetPanels';
import type { ReportPanels } from '../panels/reportPanels';
import { pickFolder } from './datasetCommands';
import { trustedForModels } from './trustedWorkspace';

/** Options a caller (a test, another extension, a keybinding) may pass to skip the questions. */
export interface EvaluateOptions {
  readonly model?: string;
  readonly outDir?: string;
  /** Open the report when the run finishes (default true). */
  readonly openReport?: boolean;
}

interface EvaluateDeps {
  readonly services: FaceGapServices;
  readonly runner: EvaluationRunner;
  readonly recent: RecentModels;
  readonly datasets: DatasetPanels;
  readonly reports: ReportPanels;
}

/** "Evaluate Model on This Folder…" (folders) and "Evaluate This Model on…" (.onnx files); both resolve with the run folder. */
export function registerEvaluateCommands(deps: EvaluateDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.evaluateFolder', async (uri?: vscode.Uri, options: EvaluateOptions = {}) => {
      if (!trustedForModels()) return undefined; // running a model needs a trusted workspace
      const folder = uri ?? (await pickFolder('Evaluate a model on which dataset folder?'));
      const model = options.model ?? (folder && (await pickModel(deps.services, deps.recent)));
      return folder && model ? evaluate(deps, folder.fsPath, model, options) : undefined;
    }),
    vscode.commands.registerCommand('facegap.evaluateModel', async (uri?: vscode.Uri, options: EvaluateOptions = {}) => {
      if (!trustedForModels()) return undefined; // running a model needs a trusted workspace
      const model = uri?.fsPath ?? options.model ?? (await pickModel(deps.services, deps.recent));
      const folder = model && (await pickFolder(`Evaluate ${path.basename(model)} on which dataset folder?`));
      return folder && model ? evaluate(deps, folder.fsPath, model, options) : undefined;
    }),
  );
}

async function evaluate(deps: EvaluateDeps, datasetRoot: string, modelPath: string, options: EvaluateOptions): Promise<string | undefined> {
  try {
    await deps.recent.remember(modelPath);
    const schema = deps.datasets.get(datasetRoot)?.chosenSchema;
    const result = await deps.runner.evaluate({ datasetRoot, modelPath, schema, outDir: options.outDir });
    if (!result) return undefined;
    await deps.datasets.runFinished(datasetRoot, result.runDir);
    const score = result.summary.meanF1 === null ? '' : `: mean F1 ${result.summary.meanF1.toFixed(3)}`;
    void vscode.window.setStatusBarMessage(`FaceGap: ${path.basename(modelPath)} on ${path.basename(datasetRoot)}${score}`, 10000);
    if (options.openReport !== false) await deps.reports.show([result.runDir]);
    return result.runDir;
  } catch (error) {
    const show = 'Show Output';
    void vscode.window.showErrorMessage(`FaceGap evaluation failed: ${errorMessage(error)}`, show).then((a) => a && deps.services.output.show());
    return undefined;
  }
}
