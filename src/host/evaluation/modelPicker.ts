import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import { readSettings } from '../settings';
import type { RecentModels } from './recentModels';

interface ModelItem extends vscode.QuickPickItem {
  readonly file?: string;
  readonly browse?: boolean;
}

/** Asks which ONNX model to evaluate: the default model, recent ones, the workspace's .onnx files, the bundled sample parser, or Browse…. */
export async function pickModel(services: FaceGapServices, recent: RecentModels): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(modelItems(services, recent), {
    title: 'FaceGap: Evaluate with which model?',
    placeHolder: 'An ONNX face-parsing model',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (!picked.browse) return picked.file;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'ONNX models': ['onnx'] }, title: 'ONNX face-parsing model' });
  return chosen?.[0]?.fsPath;
}

async function modelItems(services: FaceGapServices, recent: RecentModels): Promise<ModelItem[]> {
  const seen = new Set<string>();
  const items: ModelItem[] = [];
  const add = (file: string, detail: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    items.push({ label: path.basename(file), description: vscode.workspace.asRelativePath(file), detail, file });
  };
  const configured = readSettings().defaultModel;
  if (configured) add(configured, 'facegap.defaultModel');
  recent.list().forEach((file) => add(file, 'recently used'));
  const found = await vscode.workspace.findFiles('**/*.onnx', '**/node_modules/**', 200);
  found.filter((uri) => uri.scheme === 'file').forEach((uri) => add(uri.fsPath, 'in the workspace'));
  add(services.bundledModel, 'FaceGap sample parser (bundled; trained on FaceGap synthetic faces)');
  items.push({ label: '$(folder-opened) Browse…', browse: true, alwaysShow: true });
  return items;
}
