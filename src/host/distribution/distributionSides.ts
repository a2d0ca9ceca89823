import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';

interface FolderItem extends vscode.QuickPickItem {
  /** The folder; '' for the Browse… entry. */
  readonly folder: string;
}

interface HowItem extends vscode.QuickPickItem {
  readonly features: boolean;
}

/** Asks which dataset to compare folder A with: a generated sample dataset, or Browse…; undefined when dismissed. */
export async function pickOtherDataset(services: FaceGapServices, a: string): Promise<string | undefined> {
  const items: FolderItem[] = sampleFolders(services).filter((dir) => path.resolve(dir) !== path.resolve(a)).map((dir) => ({
    label: `$(beaker) ${path.basename(dir)}`,
    description: 'FaceGap sample dataset',
    detail: dir,
    folder: dir,
  }));
  items.push({ label: '$(folder-opened) A dataset folder…', alwaysShow: true, folder: '' });
  const picked = await vscode.window.showQuickPick(items, { title: `FaceGap: compare the distribution of ${path.basename(a)} (A) with… (B)`, matchOnDetail: true });
  if (!picked || picked.folder) return picked?.folder;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'The dataset folder to compare with (B)' });
  return chosen?.[0]?.fsPath;
}

/**
 * Asks whether to compare in a feature extractor's space too, and which ONNX model: the path, null for attributes
 * only, or undefined when dismissed.
 */
export async function pickFeatureExtractor(): Promise<string | null | undefined> {
  const items: HowItem[] = [
    { label: '$(graph) Compare attributes', detail: 'pose, face size and framing, skin tone, accessories, class areas, image quality; matching weights and subset', features: false },
    { label: '$(symbol-misc) Compare attributes, and in a feature extractor\'s space…', detail: 'also Fréchet distance, KID, precision/recall and coverage from an ONNX model with a pooled output', features: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'FaceGap: compare how?' });
  if (!picked) return undefined;
  if (!picked.features) return null;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'ONNX models': ['onnx'] }, title: 'An ONNX feature extractor (a model with a pooled output)' });
  return chosen?.[0]?.fsPath;
}

/** The sample datasets generated in the extension's storage so far. */
function sampleFolders(services: FaceGapServices): string[] {
  const root = path.join(services.context.globalStorageUri.fsPath, 'samples');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, e.name));
}
