import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportPanelEvents, ReportPanelRequests, ReportSnapshot } from '../../protocol/reportPanelMessages';
import { RpcEndpoint, type RpcHandlers } from '../../protocol/rpc';
import { Disposable } from '../dispose';
import type { FaceGapServices } from '../faceGapServices';
import { renderWebviewHtml, webviewOptions, webviewTransport } from '../webviewHtml';
import { checkClassId, checkKnownId, checkKnownRun } from './requestChecks';

/** What the report panel asks the rest of the extension to do. */
export interface ReportPanelActions {
  /** Opens the gallery of the run's dataset filtered to one confusion. */
  openConfusion(run: string, gt: number, pred: number, snapshot: ReportSnapshot): Promise<void>;
  /** Opens one image of the run's dataset in the detail view. */
  openImage(run: string, id: string): Promise<void>;
  /** Asks for another run to compare with; undefined when dismissed. */
  pickRunToCompare(exclude: readonly string[]): Promise<string | undefined>;
}

/** The report of one run, or of several side by side (the first is the reference). */
export class ReportPanel extends Disposable {
  /** The panel's webview type. */
  static readonly viewType = 'facegap.report';
  private readonly panel: vscode.WebviewPanel;
  private readonly rpc: RpcEndpoint<ReportPanelRequests, ReportPanelEvents>;
  private lastSnapshot: ReportSnapshot | undefined;

  constructor(
    private readonly services: FaceGapServices,
    private runDirs: readonly string[],
    private readonly actions: ReportPanelActions,
  ) {
    super();
    const title = ReportPanel.title(runDirs);
    this.panel = this.register(
      vscode.window.createWebviewPanel(ReportPanel.viewType, title, vscode.ViewColumn.Active, webviewOptions(services.extensionUri, [vscode.Uri.file(services.reportThumbnailDir)])),
    );
    this.panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'facegap.svg');
    this.rpc = new RpcEndpoint(webviewTransport(this.panel.webview));
    this.register({ dispose: () => this.rpc.dispose() });
    this.rpc.serve(this.handlers());
    this.panel.webview.html = renderWebviewHtml(this.panel.webview, services.extensionUri, 'report', title);
    this.register(this.panel.onDidDispose(() => this.dispose()));
  }

  /** The run folders shown, reference first. */
  get runs(): readonly string[] {
    return this.runDirs;
  }

  /** Shows other runs (e.g. after a rerun) and resends the snapshot. */
  async show(runDirs: readonly string[]): Promise<void> {
    this.runDirs = runDirs;
    this.panel.title = ReportPanel.title(runDirs);
    this.panel.reveal();
    const snapshot = await this.snapshot();
    if (!this.isDisposed) this.rpc.emit({ type: 'didChangeSnapshot', snapshot });
  }

  private static title(runDirs: readonly string[]): string {
    return runDirs.length === 1 ? `Report: ${path.basename(runDirs[0])}` : `Report: ${runDirs.length} runs`;
  }

  private async snapshot(): Promise<ReportSnapshot> {
    const { browse, reportThumbnailDir } = this.services;
    const read = await browse.reportSnapshot({ runDirs: this.runDirs, title: ReportPanel.title(this.runDirs), worst: 12, thumbnailDir: reportThumbnailDir });
    this.lastSnapshot = withThumbnailUris(read, (file) => this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString());
    return this.lastSnapshot;
  }

  private handlers(): RpcHandlers<ReportPanelRequests> {
    const known = (): Set<string> => new Set(this.runDirs);
    return {
      ready: () => this.snapshot(),
      openConfusion: async ({ run, gt, pred }) => {
        const snapshot = this.lastSnapshot ?? (await this.snapshot());
        await this.actions.openConfusion(checkKnownRun(run, known()), checkClassId(gt), checkClassId(pred), snapshot);
      },
      openImage: async ({ run, id }) => {
        const dir = checkKnownRun(run, known());
        // Only an image the report offered (one of that run's worst images) may be opened.
        const snapshot = this.lastSnapshot ?? (await this.snapshot());
        const offered = new Set(snapshot.runs.find((r) => r.dir === dir)?.worst.map((w) => w.id) ?? []);
        await this.actions.openImage(dir, checkKnownId(id, offered));
      },
      compareWith: async () => {
        const other = await this.actions.pickRunToCompare(this.runDirs);
        if (other && !this.isDisposed) await this.show([...this.runDirs, other]);
      },
    };
  }
}

/** The snapshot with each worst image's thumbnail file (as the browse worker gives it) turned into a webview URI. */
function withThumbnailUris(snapshot: ReportSnapshot, toUri: (file: string) => string): ReportSnapshot {
  const runs = snapshot.runs.map((run) => ({
    ...run,
    worst: run.worst.map((image) => (image.thumbnailUri === undefined ? image : { ...image, thumbnailUri: toUri(image.thumbnailUri) })),
  }));
  return { ...snapshot, runs };
}
