import * as path from 'node:path';
import * as vscode from 'vscode';

/** A panel showing one result folder (a label diff, a distribution comparison). */
export interface FolderPanel {
  readonly dir: string;
  /** Resends the folder's snapshot (its results may have been computed again). */
  refresh(): Promise<void>;
  onDidDispose(listener: () => void): unknown;
  dispose(): void;
}

/** The open panels of one kind, one per result folder; panels open before a window reload come back with it. */
export class FolderPanels<P extends FolderPanel> implements vscode.Disposable {
  private readonly panels = new Map<string, P>();
  private readonly serializer: vscode.Disposable;

  /** `open` makes a panel for a folder, in a new webview panel or in one VS Code restored. */
  constructor(viewType: string, private readonly open: (dir: string, restored?: vscode.WebviewPanel) => P) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
    });
  }

  /** Shows the folder's panel, opening it or resending its snapshot. */
  async show(dir: string): Promise<P> {
    const key = path.resolve(dir);
    const existing = this.panels.get(key);
    if (existing) {
      await existing.refresh();
      return existing;
    }
    return this.track(this.open(key));
  }

  /** The panel of a folder, if open. */
  get(dir: string): P | undefined {
    return this.panels.get(path.resolve(dir));
  }

  dispose(): void {
    this.serializer.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  /**
   * Takes over a panel VS Code restored after a reload. The folder comes from the webview's saved state, so it is used
   * only when it is an absolute path (the worker then refuses a folder without its record file); else the panel closes.
   */
  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const dir = (state as { dir?: unknown } | undefined)?.dir;
    if (typeof dir !== 'string' || !path.isAbsolute(dir) || this.panels.has(path.resolve(dir))) {
      panel.dispose();
      return;
    }
    this.track(this.open(path.resolve(dir), panel));
  }

  private track(panel: P): P {
    this.panels.set(panel.dir, panel);
    panel.onDidDispose(() => this.panels.get(panel.dir) === panel && this.panels.delete(panel.dir));
    return panel;
  }
}
