import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIST_FILES } from '../../core/distribution/distTypes';
import type { DistributionPanelEvents, DistributionPanelRequests, DistSnapshot } from '../../protocol/distributionPanelMessages';
import { RpcEndpoint, type RpcHandlers } from '../../protocol/rpc';
import { Disposable } from '../dispose';
import type { FaceGapServices } from '../faceGapServices';
import { renderWebviewHtml, webviewTransport } from '../webviewHtml';
import { resultWebviewPanel } from './resultWebviewPanel';
import { checkFigure, type CheckedFigure } from './requestChecks';

/** The distribution comparison of one folder: findings, attributes with their histograms, matching, features and slices. */
export class DistributionPanel extends Disposable {
  /** The panel's webview type (also the serializer's, so the panel comes back after a window reload). */
  static readonly viewType = 'facegap.distribution';
  private readonly panel: vscode.WebviewPanel;
  private readonly rpc: RpcEndpoint<DistributionPanelRequests, DistributionPanelEvents>;

  /** Opens a new panel, or (after a window reload) takes over the restored one. */
  constructor(
    private readonly services: FaceGapServices,
    readonly dir: string,
    restored?: vscode.WebviewPanel,
  ) {
    super();
    const title = `Distributions: ${path.basename(dir)}`;
    const panel = this.register(resultWebviewPanel(services, DistributionPanel.viewType, title, restored));
    this.panel = panel;
    this.rpc = new RpcEndpoint(webviewTransport(panel.webview));
    this.register({ dispose: () => this.rpc.dispose() });
    this.rpc.serve(this.handlers());
    panel.webview.html = renderWebviewHtml(panel.webview, services.extensionUri, 'distribution', title);
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  /** Brings the panel forward and resends the snapshot (the comparison may have been computed again). */
  async refresh(): Promise<void> {
    this.panel.reveal();
    const snapshot = await this.snapshot();
    if (!this.isDisposed) this.rpc.emit({ type: 'didChangeSnapshot', snapshot });
  }

  private async snapshot(): Promise<DistSnapshot> {
    const opened = await this.services.browse.openDistribution(this.dir);
    opened.notes.forEach((n) => this.services.output.warn(n));
    return { ...opened, title: `${opened.record.a.description} vs ${opened.record.b.description}` };
  }

  private handlers(): RpcHandlers<DistributionPanelRequests> {
    return {
      ready: () => this.snapshot(),
      exportSubset: () => this.exportSubset(),
      exportFigure: ({ name, format, data }) => this.exportFigure(checkFigure(name, format, data)),
    };
  }

  /** Asks where to put the matched subset of A (default: where it is), copies it there, and offers to open or reveal it. */
  private async exportSubset(): Promise<{ file?: string }> {
    const source = path.join(this.dir, DIST_FILES.subset);
    await fs.access(source).catch(() => Promise.reject(new Error(`${source}: not found; this comparison has no matched subset`)));
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(source),
      filters: { 'Image list': ['txt'] },
      title: 'Save the matched subset of A (one image path per line)',
    });
    if (!target) return {};
    if (path.resolve(target.fsPath) !== path.resolve(source)) await fs.copyFile(source, target.fsPath);
    this.services.output.info(`matched subset of A saved to ${target.fsPath}`);
    void vscode.window.showInformationMessage(`FaceGap: matched subset of A in ${target.fsPath}`, 'Open', 'Reveal').then((answer) => {
      if (answer === 'Open') void vscode.window.showTextDocument(target);
      else if (answer === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', target);
    });
    return { file: target.fsPath };
  }

  /** Asks where to save a figure (default: the distribution folder) and writes it. */
  private async exportFigure(figure: CheckedFigure): Promise<{ file?: string }> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(this.dir, `${figure.stem}.${figure.format}`)),
      filters: figure.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: `Save the figure as ${figure.format.toUpperCase()}`,
    });
    if (!target) return {};
    await fs.writeFile(target.fsPath, figure.bytes);
    this.services.output.info(`figure saved to ${target.fsPath}`);
    void vscode.window.setStatusBarMessage(`FaceGap: figure saved to ${path.basename(target.fsPath)}`, 8000);
    return { file: target.fsPath };
  }
}
