import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabelSideSpec } from '../core/diff/diffTypes';
import type { DistSideSpec } from '../core/distribution/distTypes';
import { readSettings } from './settings';

/** The folder that holds run folders: the setting when given (relative to the first workspace folder), else workspace storage. */
export function resultsRoot(context: vscode.ExtensionContext): string {
  const configured = readSettings().resultsLocation;
  if (configured) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return path.isAbsolute(configured) || !base ? path.resolve(configured) : path.resolve(base, configured);
  }
  return path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'runs');
}

/** The run folder of a dataset × model pair: stable, so that evaluating again resumes and reuses finished images. */
export function runFolderFor(context: vscode.ExtensionContext, datasetRoot: string, modelPath: string): string {
  const tag = createHash('sha256').update(path.resolve(datasetRoot)).update('\0').update(path.resolve(modelPath)).digest('hex').slice(0, 8);
  return path.join(resultsRoot(context), `${safeName(datasetRoot)}--${safeName(modelPath.replace(/\.onnx$/i, ''))}-${tag}`);
}

/** The folder that holds diff folders: `<results>/diffs`. */
export function diffsRoot(context: vscode.ExtensionContext): string {
  return path.join(resultsRoot(context), 'diffs');
}

/** The diff folder of two label sources: stable, so that diffing the same pair again reuses the compared images. */
export function diffFolderFor(context: vscode.ExtensionContext, a: LabelSideSpec, b: LabelSideSpec): string {
  const hash = createHash('sha256');
  for (const side of [a, b]) hash.update(side.kind).update('\0').update(path.resolve(side.path)).update('\0').update(side.schema ?? '').update('\0');
  const name = (side: LabelSideSpec): string => `${safeName(side.path)}${side.kind === 'run-ground-truth' ? '-gt' : side.kind === 'run-predictions' ? '-pred' : ''}`;
  return path.join(diffsRoot(context), `${name(a)}--vs--${name(b)}-${hash.digest('hex').slice(0, 8)}`);
}

/** The folder that holds distribution comparisons: `<results>/distributions`. */
export function distributionsRoot(context: vscode.ExtensionContext): string {
  return path.join(resultsRoot(context), 'distributions');
}

/**
 * The folder of a distribution comparison: stable for the same sides and feature extractor, so that comparing again
 * reuses the measured images; a different extractor gets its own folder, so neither comparison overwrites the other.
 */
export function distributionFolderFor(context: vscode.ExtensionContext, a: DistSideSpec, b: DistSideSpec, featureModel?: string): string {
  const hash = createHash('sha256');
  for (const side of [a, b]) {
    for (const part of [path.resolve(side.path), side.schema ?? '', side.model ? path.resolve(side.model) : '', side.modelSpec ?? '']) hash.update(part).update('\0');
  }
  hash.update(featureModel ? path.resolve(featureModel) : '');
  return path.join(distributionsRoot(context), `${safeName(a.path)}--vs--${safeName(b.path)}-${hash.digest('hex').slice(0, 8)}`);
}

function safeName(file: string): string {
  return path.basename(path.resolve(file)).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'x';
}
