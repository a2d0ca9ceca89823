import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIST_FILES, type DistSideSpec } from '../../core/distribution/distTypes';
import { errorMessage } from '../../core/util/errors';
import type { DistJob } from '../../protocol/evalJobMessages';
import { pickDistributionFolder } from '../distribution/distributionPicker';
import { runDistributionWithProgress } from '../distribution/distributionRunner';
import { pickFeatureExtractor, pickOtherDataset } from '../distribution/distributionSides';
import type { FaceGapServices } from '../faceGapServices';
import type { DistributionPanels } from '../panels/distributionPanels';
import { distributionFolderFor } from '../runLocations';
import { readSettings } from '../settings';
import { pickFolder } from './datasetCommands';
import { trustedForModels } from './trustedWorkspace';

/** Options a caller (a test, a keybinding) may pass to skip the questions. */
export interface CompareDistributionsOptions {
  /** Side B: a folder, or a full side spec; when given, B is not asked for. */
  readonly b?: string | DistSideSpec;
  /** An ONNX feature extractor for the feature-space distances; null, or left out when `b` is given: attributes only. */
  readonly features?: string | null;
  readonly matchSize?: number;
  /** A run folder scored on one side, for performance by slice. */
  readonly run?: string;
  readonly outDir?: string;
  /** Open the panel when the comparison is done (default true). */
  readonly open?: boolean;
}

/** "Compare Dataset Distributions…" (explorer folders, palette) and "Open Distribution Comparison…" (folders, dist.json, palette); both resolve with the folder. */
export function registerDistributionCommands(services: FaceGapServices, panels: DistributionPanels): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('facegap.compareDistributions', async (uri?: vscode.Uri, options: CompareDistributionsOptions = {}) => {
      const folder = uri ?? (await pickFolder('Compare the distribution of which dataset folder (A)?'));
      if (!folder) return undefined;
      const job = await jobOf(services, folder.fsPath, options);
      return job ? compare(services, panels, job, options.open !== false) : undefined;
    }),
    vscode.commands.registerCommand('facegap.openDistribution', async (uri?: vscode.Uri) => {
      const dir = uri ? distDirOf(uri) : await pickDistributionFolder(services.context);
      if (!dir) return undefined;
      await panels.show(dir);
      return dir;
    }),
  );
}

/** The job the options or the user's answers describe; undefined when a question was dismissed. */
async function jobOf(services: FaceGapServices, folder: string, options: CompareDistributionsOptions): Promise<DistJob | undefined> {
  const a: DistSideSpec = { path: folder };
  let b: DistSideSpec | undefined;
  let features: string | null | undefined = options.features;
  if (options.b !== undefined) {
    b = typeof options.b === 'string' ? { path: options.b } : options.b;
    features ??= null;
  } else {
    const other = await pickOtherDataset(services, folder);
    if (!other) return undefined;
    b = { path: other };
  }
  if (features === undefined) features = await pickFeatureExtractor();
  if (features === undefined) return undefined;
  // Attributes are read in restricted mode too; a feature extractor is a model, and models run only in a trusted workspace.
  if (features !== null && !trustedForModels()) return undefined;
  const outDir = options.outDir ?? distributionFolderFor(services.context, a, b, features ?? undefined);
  return {
    a,
    b,
    outDir,
    executionProvider: readSettings().executionProvider,
    ...(features === null ? {} : { features: { model: features } }),
    ...(options.matchSize === undefined ? {} : { matchSize: options.matchSize }),
    ...(options.run === undefined ? {} : { run: options.run }),
  };
}

async function compare(services: FaceGapServices, panels: DistributionPanels, job: DistJob, open: boolean): Promise<string | undefined> {
  try {
    const result = await runDistributionWithProgress(services, job);
    if (!result) return undefined;
    if (open) await panels.show(result.dir);
    return result.dir;
  } catch (error) {
    void vscode.window.showErrorMessage(`FaceGap distribution comparison failed: ${errorMessage(error)}`, 'Show Output').then((a) => a && services.output.show());
    return undefined;
  }
}

function distDirOf(uri: vscode.Uri): string {
  return path.basename(uri.fsPath) === DIST_FILES.record ? path.dirname(uri.fsPath) : uri.fsPath;
}
