import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import { DistributionPanel } from './distributionPanel';

/** The open distribution panels, one per distribution folder; panels open before a window reload come back with it. */
export class DistributionPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DistributionPanel>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly services: FaceGapServices) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(DistributionPanel.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
    });
  }

  /** Shows the distribution folder's panel, opening it or resending its snapshot (the comparison may have been computed again). */
  async show(dir: string): Promise<DistributionPanel> {
    const key = path.resolve(dir);
    const existing = this.panels.get(key);
    if (existing) {
      await existing.refresh();
      return existing;
    }
    return this.track(new DistributionPanel(this.services, key));
  }

  /** The panel of a distribution folder, if open. */
  get(dir: string): DistributionPanel | undefined {
    return this.panels.get(path.resolve(dir));
  }

  dispose(): void {
    this.serializer.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  /**
   * Takes over a panel VS Code restored after a reload. The folder comes from the webview's saved state, so it is used
   * only when it is an absolute path (the worker then refuses anything without a dist.json); else the panel closes.
   */
  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const dir = (state as { dir?: unknown } | undefined)?.dir;
    if (typeof dir !== 'string' || !path.isAbsolute(dir) || this.panels.has(path.resolve(dir))) {
      panel.dispose();
      return;
    }
    this.track(new DistributionPanel(this.services, path.resolve(dir), panel));
  }

  private track(panel: DistributionPanel): DistributionPanel {
    this.panels.set(panel.dir, panel);
    panel.onDidDispose(() => this.panels.get(panel.dir) === panel && this.panels.delete(panel.dir));
    return panel;
  }
}
