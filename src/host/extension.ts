// Entry of the extension host bundle (dist/extension.js): wires services, panels and commands; nothing else lives here.
import type * as vscode from 'vscode';
import { registerDatasetCommands } from './commands/datasetCommands';
import { registerDiffCommands } from './commands/diffCommands';
import { registerDistributionCommands } from './commands/distributionCommands';
import { registerEvaluateCommands } from './commands/evaluateCommands';
import { registerReportCommands } from './commands/reportCommands';
import { EvaluationRunner } from './evaluation/evaluationRunner';
import { RecentModels } from './evaluation/recentModels';
import { FaceGapServices } from './faceGapServices';
import { DatasetPanels } from './panels/datasetPanels';
import { createDiffPanels } from './panels/diffPanels';
import { createDistributionPanels } from './panels/distributionPanels';
import { LabelMaskEditorProvider } from './panels/labelMaskEditor';
import { ReportPanels } from './panels/reportPanels';
import { SampleDatasets } from './sampleDatasets';

/** Called by VS Code on the first FaceGap command, custom editor or view. */
export function activate(context: vscode.ExtensionContext): void {
  const services = new FaceGapServices(context);
  services.pruneCaches();
  const recent = new RecentModels(context.globalState);
  const datasets = new DatasetPanels(services);
  const reports = new ReportPanels(services, datasets);
  const runner = new EvaluationRunner(services, recent);
  const diffs = createDiffPanels(services);
  const distributions = createDistributionPanels(services);
  context.subscriptions.push(
    services,
    datasets,
    reports,
    runner,
    diffs,
    distributions,
    registerDatasetCommands(datasets, new SampleDatasets(services)),
    registerEvaluateCommands({ services, runner, recent, datasets, reports }),
    registerReportCommands(services, reports),
    registerDiffCommands(services, diffs),
    registerDistributionCommands(services, distributions),
    LabelMaskEditorProvider.register(services),
  );
}

/** Nothing to do: everything is in context.subscriptions. */
export function deactivate(): void {}
