import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { errorMessage } from '../../core/util/errors';
import type { OpenedDataset } from '../../protocol/browseWorkerMessages';
import type { FaceGapServices } from '../faceGapServices';
import { DatasetPanel, type DatasetView } from './datasetPanel';

/** The open dataset panels, one per dataset folder. */
export class DatasetPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DatasetPanel>();
  /** Folders being opened: a second show() waits for the first, so one folder never gets two panels. */
  private readonly opening = new Map<string, Promise<DatasetPanel | undefined>>();
  private readonly trustListener: vscode.Disposable;

  constructor(private readonly services: FaceGapServices) {
    // A panel opened in restricted mode greys out "Evaluate"; granting trust must enable it without a reopen.
    this.trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => this.panels.forEach((panel) => void panel.refresh()));
  }

  /** Shows the dataset folder's panel (opening it first), with an optional view; undefined when the folder cannot be opened. */
  async show(root: string, view: DatasetView = {}): Promise<DatasetPanel | undefined> {
    const key = path.resolve(root);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(view);
      return existing;
    }
    const pending = this.opening.get(key);
    if (pending) {
      const panel = await pending;
      panel?.reveal(view);
      return panel;
    }
    const opening = this.create(key, view).finally(() => this.opening.delete(key));
    this.opening.set(key, opening);
    return opening;
  }

  /** Tells the panel of a dataset folder, if open, that a run of it finished. */
  async runFinished(root: string, runDir: string): Promise<void> {
    await this.panels.get(path.resolve(root))?.refresh(runDir);
  }

  /** The panel of a folder, if open. */
  get(root: string): DatasetPanel | undefined {
    return this.panels.get(path.resolve(root));
  }

  dispose(): void {
    this.trustListener.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  private async create(key: string, view: DatasetView): Promise<DatasetPanel | undefined> {
    const opened = await this.openDataset(key);
    if (!opened) return undefined;
    const panel = new DatasetPanel(this.services, opened.dataset, view, opened.chosenSchema);
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    return panel;
  }

  private async openDataset(root: string, schema?: LabelSchema): Promise<{ dataset: OpenedDataset; chosenSchema?: string } | undefined> {
    const { browse, output } = this.services;
    try {
      const dataset = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `FaceGap: indexing ${path.basename(root)}` },
        () => browse.openDataset(root, schema?.id),
      );
      return { dataset, chosenSchema: schema?.id };
    } catch (error) {
      const message = errorMessage(error);
      output.error(`${root}: ${message}`);
      const choose = 'Choose Label Schema…';
      const answer = await vscode.window.showErrorMessage(`FaceGap cannot open ${root} as a face-parsing dataset: ${message}`, choose);
      if (answer !== choose) return undefined;
      const picked = await this.pickSchema();
      return picked ? this.openDataset(root, picked) : undefined;
    }
  }

  private async pickSchema(): Promise<LabelSchema | undefined> {
    const items = this.services.registry.list().map((schema) => ({ label: schema.title, description: schema.id, detail: `${schema.classes.length} classes`, schema }));
    return (await vscode.window.showQuickPick(items, { title: 'Label schema of the masks' }))?.schema;
  }
}
