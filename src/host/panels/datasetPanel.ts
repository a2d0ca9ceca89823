import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrowsedDetail, OpenedDataset } from '../../protocol/browseWorkerMessages';
import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot, ItemDetail } from '../../protocol/datasetPanelMessages';
import { RpcEndpoint, type RpcHandlers } from '../../protocol/rpc';
import type { ConfusionFilter } from '../../protocol/viewTypes';
import { errorMessage } from '../../core/util/errors';
import { Disposable } from '../dispose';
import type { FaceGapServices } from '../faceGapServices';
import { knownRuns } from '../runFolders';
import { readSettings } from '../settings';
import { renderWebviewHtml, webviewOptions, webviewTransport } from '../webviewHtml';
import { DatasetWatcher, type DatasetChanges } from './datasetWatcher';
import { checkIds, checkKnownId, checkKnownRun, checkClassId } from './requestChecks';

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
  /** The gallery's image files (relative, "/"), made when first needed. */
  private galleryFiles: Set<string> | undefined;
  /** The ids of the gallery's items, made when first needed: the only ids the webview may ask about. */
  private knownIds: Set<string> | undefined;
  private pendingView: DatasetView;

  constructor(
    private readonly services: FaceGapServices,
    private dataset: OpenedDataset,
    view: DatasetView,
    /** The label schema the user picked for this folder when FaceGap could not tell it; evaluations use it too. */
    readonly chosenSchema?: string,
  ) {
    super();
    this.pendingView = view;
    const root = dataset.root;
    // The worker keeps the dataset and its runs open only while this panel is.
    this.register({ dispose: () => void services.browse.closeDataset(root).catch(() => undefined) });
    const panel = this.register(
      vscode.window.createWebviewPanel(DatasetPanel.viewType, `Dataset: ${path.basename(root)}`, vscode.ViewColumn.Active, {
        ...webviewOptions(services.extensionUri, [vscode.Uri.file(root), vscode.Uri.file(services.thumbnailDir)]),
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
    // The host owns the data: when the folder's files change, the worker scans what changed and the webview gets the new gallery.
    this.register(new DatasetWatcher(root, (changes) => this.rescan(changes), (error) => services.output.warn(`${root}: could not scan the changed files again (${errorMessage(error)})`)));
  }

  /** The dataset folder. */
  get root(): string {
    return this.dataset.root;
  }

  /** Brings the panel forward and applies a view (a run, a confusion filter, an image to open). */
  reveal(view: DatasetView): void {
    this.pendingView = { ...this.pendingView, ...view };
    this.panel.reveal();
    this.rpc.emit({ type: 'didRequestView', ...view });
  }

  /** Resends the snapshot, e.g. after a run of this dataset finished. */
  async refresh(run?: string): Promise<void> {
    // A worker that died meanwhile keeps no run to forget.
    if (run) await this.services.browse.forgetRun(this.root, run).catch(() => undefined);
    if (run) this.pendingView = { ...this.pendingView, run };
    const snapshot = await this.snapshot();
    if (!this.isDisposed) this.rpc.emit({ type: 'didChangeSnapshot', snapshot });
  }

  /** Scans the folder again where its files changed and resends the snapshot when the gallery changed; images changed in place get new thumbnails. */
  async rescan(changes: DatasetChanges = { changedFiles: undefined }): Promise<void> {
    if (this.isDisposed) return;
    const refreshed = await this.services.browse.refreshDataset(this.root);
    if (this.isDisposed) return;
    if (!refreshed.changed) {
      if (this.showsAnyOf(changes.changedFiles)) this.rpc.emit({ type: 'didChangeFiles' });
      return;
    }
    const before = this.dataset.items.length;
    this.dataset = refreshed.dataset;
    this.galleryFiles = undefined;
    this.knownIds = undefined;
    this.services.output.info(
      `${this.root}: files changed; ${this.dataset.items.length} items (was ${before}); ${refreshed.listed} folder(s) listed again, ${refreshed.reused} unchanged`,
    );
    await this.refresh();
  }

  private itemIds(): ReadonlySet<string> {
    this.knownIds ??= new Set(this.dataset.items.map((i) => i.id));
    return this.knownIds;
  }

  /** True when one of the files (all of them when not listed) is an image of the gallery. */
  private showsAnyOf(files: readonly string[] | undefined): boolean {
    if (files === undefined) return true;
    if (files.length === 0) return false;
    this.galleryFiles ??= new Set(this.dataset.items.map((i) => i.file));
    return files.some((f) => this.galleryFiles!.has(path.relative(this.root, f).split(path.sep).join('/')));
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
      formatTitle: this.dataset.formatTitle,
      schema: this.dataset.schema,
      schemaReason: this.dataset.schemaReason,
      items: this.dataset.items,
      problems: this.dataset.problems,
      runs,
      run,
      filter: view.filter,
      openItem: view.openItem,
      overlayOpacity: readSettings(vscode.Uri.file(this.root)).overlayOpacity,
      trusted: vscode.workspace.isTrusted,
    };
  }

  private handlers(): RpcHandlers<DatasetPanelRequests> {
    const { browse } = this.services;
    return {
      ready: () => this.snapshot(),
      thumbnails: ({ ids }, ctx) => this.thumbnails(checkIds(ids).map((id) => checkKnownId(id, this.itemIds())), ctx.signal),
      runMetrics: ({ run }, ctx) => browse.runMetrics(this.root, checkKnownRun(run, this.runDirs), ctx.signal),
      confusionImages: ({ run, gt, pred }, ctx) => browse.confusionImages(this.root, checkKnownRun(run, this.runDirs), checkClassId(gt), checkClassId(pred), ctx.signal),
      detail: ({ id, run }, ctx) => this.detail(checkKnownId(id, this.itemIds()), run === undefined ? undefined : checkKnownRun(run, this.runDirs), ctx.signal),
      evaluate: () => void vscode.commands.executeCommand('facegap.evaluateFolder', vscode.Uri.file(this.root)),
      openReport: ({ run }) => void vscode.commands.executeCommand('facegap.openReport', vscode.Uri.file(checkKnownRun(run, this.runDirs))),
    };
  }

  private async thumbnails(ids: readonly string[], signal: AbortSignal): Promise<Array<{ id: string; uri?: string; error?: string }>> {
    const files = await this.services.browse.thumbnails(this.root, ids, signal);
    return files.map(({ id, file, error }) => (file === undefined ? { id, error: error ?? 'no thumbnail' } : { id, uri: this.webviewUri(file) }));
  }

  private async detail(id: string, run: string | undefined, signal: AbortSignal): Promise<ItemDetail> {
    const detail: BrowsedDetail = await this.services.browse.detail(this.root, id, run, signal);
    // The label buffers came transferred from the worker: they go on to the webview as they are.
    const { width, height, gt, pred, metrics, notes } = detail;
    return { id, imageUri: this.webviewUri(detail.imagePath), width, height, gt, pred, metrics, notes };
  }

  private webviewUri(file: string): string {
    return this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString();
  }
}
