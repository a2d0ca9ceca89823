import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import { DiffPanel } from './diffPanel';

/** The open label-diff panels, one per diff folder; panels open before a window reload come back with it. */
export class DiffPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DiffPanel>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly services: FaceGapServices) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(DiffPanel.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
    });
  }

  /** Shows the diff folder's panel, opening it or resending its snapshot (the diff may have been computed again). */
  async show(dir: string): Promise<DiffPanel> {
    const key = path.resolve(dir);
    const existing = this.panels.get(key);
    if (existing) {
      await existing.refresh();
      return existing;
    }
    return this.track(new DiffPanel(this.services, key));
  }

  /** The panel of a diff folder, if open. */
  get(dir: string): DiffPanel | undefined {
    return this.panels.get(path.resolve(dir));
  }

  dispose(): void {
    this.serializer.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  /**
   * Takes over a panel VS Code restored after a reload. The folder comes from the webview's saved state, so it is used
   * only when it is an absolute path (the worker then refuses anything without a diff.json); else the panel closes.
   */
  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const dir = (state as { dir?: unknown } | undefined)?.dir;
    if (typeof dir !== 'string' || !path.isAbsolute(dir) || this.panels.has(path.resolve(dir))) {
      panel.dispose();
      return;
    }
    this.track(new DiffPanel(this.services, path.resolve(dir), panel));
  }

  private track(panel: DiffPanel): DiffPanel {
    this.panels.set(panel.dir, panel);
    panel.onDidDispose(() => this.panels.get(panel.dir) === panel && this.panels.delete(panel.dir));
    return panel;
  }
}
