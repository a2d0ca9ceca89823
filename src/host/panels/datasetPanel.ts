import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DatasetBrowser } from '../../node/browse/datasetBrowser';
import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot, ItemDetail } from '../../protocol/datasetPanelMessages';
import { RpcEndpoint, type RpcHandlers } from '../../protocol/rpc';
import type { ConfusionFilter } from '../../protocol/viewTypes';
import { Disposable } from '../dispose';
import type { FaceGapServices } from '../faceGapServices';
import { knownRuns } from '../runFolders';
import { readSettings } from '../settings';
import { renderWebviewHtml, webviewOptions, webviewTransport } from '../webviewHtml';
import { checkId, checkIds, checkKnownRun, checkClassId } from './requestChecks';

/** What the panel should show when it is (re)opened. */
export interface DatasetView {
  readonly run?: string;
  readonly filter?: ConfusionFilter;
  readonly openItem?: string;
}

/** The webview panel of one dataset folder: gallery, detail view and the runs of that folder. */
export class DatasetPanel extends Disposable {
  /** The panel's webview type, for `when` clauses and tests. */
  static readonly viewType = 'facegap.dataset';
  private readonly rpc: RpcEndpoint<DatasetPanelRequests, DatasetPanelEvents>;
  private readonly panel: vscode.WebviewPanel;
  private runDirs = new Set<string>();
  private pendingView: DatasetView;

  constructor(
    private readonly services: FaceGapServices,
    readonly browser: DatasetBrowser,
    view: DatasetView,
  ) {
    super();
    this.pendingView = view;
    const root = browser.index.root;
    const panel = this.register(
      vscode.window.createWebviewPanel(DatasetPanel.viewType, `Dataset: ${path.basename(root)}`, vscode.ViewColumn.Active, {
        ...webviewOptions(services.extensionUri, [vscode.Uri.file(root), vscode.Uri.file(services.thumbnails.cacheDir)]),
        retainContextWhenHidden: false,
      }),
    );
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'facegap.svg');
    this.rpc = new RpcEndpoint(webviewTransport(panel.webview));
    this.register({ dispose: () => this.rpc.dispose() });
    this.rpc.serve(this.handlers());
    panel.webview.html = renderWebviewHtml(panel.webview, services.extensionUri, 'dataset', `Dataset: ${path.basename(root)}`);
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  /** The dataset folder. */
  get root(): string {
    return this.browser.index.root;
  }

  /** Brings the panel forward and applies a view (a run, a confusion filter, an image to open). */
  reveal(view: DatasetView): void {
    this.pendingView = { ...this.pendingView, ...view };
    this.panel.reveal();
    this.rpc.emit({ type: 'didRequestView', ...view });
  }

  /** Resends the snapshot, e.g. after a run of this dataset finished. */
  async refresh(run?: string): Promise<void> {
    if (run) this.browser.forgetRun(run);
    if (run) this.pendingView = { ...this.pendingView, run };
    const snapshot = await this.snapshot();
    if (!this.isDisposed) this.rpc.emit({ type: 'didChangeSnapshot', snapshot });
  }

  private async snapshot(): Promise<DatasetSnapshot> {
    const { runs, notes } = await knownRuns(this.services.context, this.root);
    notes.forEach((n) => this.services.output.warn(n));
    this.runDirs = new Set(runs.map((r) => r.dir));
    const view = this.pendingView;
    const run = view.run && this.runDirs.has(view.run) ? view.run : runs[0]?.dir;
    return {
      root: this.root,
      title: path.basename(this.root),
      formatTitle: this.browser.index.formatTitle,
      schema: this.browser.schemaView(),
      schemaReason: this.browser.schemaReason,
      items: this.browser.galleryItems(),
      problems: this.browser.index.problems,
      runs,
      run,
      filter: view.filter,
      openItem: view.openItem,
      overlayOpacity: readSettings(vscode.Uri.file(this.root)).overlayOpacity,
      trusted: vscode.workspace.isTrusted,
    };
  }

  private handlers(): RpcHandlers<DatasetPanelRequests> {
    return {
      ready: () => this.snapshot(),
      thumbnails: ({ ids }, ctx) => this.thumbnails(checkIds(ids), ctx.signal),
      runMetrics: ({ run }) => this.browser.runMetrics(checkKnownRun(run, this.runDirs)),
      confusionImages: ({ run, gt, pred }) => this.browser.confusionImages(checkKnownRun(run, this.runDirs), checkClassId(gt), checkClassId(pred)),
      detail: ({ id, run }) => this.detail(checkId(id), run === undefined ? undefined : checkKnownRun(run, this.runDirs)),
      evaluate: () => void vscode.commands.executeCommand('facegap.evaluateFolder', vscode.Uri.file(this.root)),
      openReport: ({ run }) => void vscode.commands.executeCommand('facegap.openReport', vscode.Uri.file(checkKnownRun(run, this.runDirs))),
    };
  }

  private async thumbnails(ids: readonly string[], signal: AbortSignal): Promise<Array<{ id: string; uri?: string; error?: string }>> {
    return Promise.all(
      ids.map(async (id) => {
        try {
          const file = await this.services.thumbnails.get(this.browser.item(id).imagePath, signal);
          return { id, uri: this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString() };
        } catch (error) {
          return { id, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  private async detail(id: string, run: string | undefined): Promise<ItemDetail> {
    const item = this.browser.item(id);
    const detail = await this.browser.detail(id, run);
    const pixels = (map: { width: number; height: number; data: Uint8Array } | undefined) =>
      map && { width: map.width, height: map.height, ids: new Uint8Array(map.data) };
    return {
      id,
      imageUri: this.panel.webview.asWebviewUri(vscode.Uri.file(item.imagePath)).toString(),
      width: detail.width,
      height: detail.height,
      gt: pixels(detail.gt),
      pred: pixels(detail.pred),
      metrics: detail.metrics,
      notes: detail.notes,
    };
  }
}
