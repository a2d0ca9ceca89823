import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import type { DiffRecord } from '../../core/diff/diffTypes';
import { mappingFileJson } from '../../core/diff/mappingExport';
import type { DiffPanelEvents, DiffPanelRequests, DiffSnapshot, MappingDirection } from '../../protocol/diffPanelMessages';
import { RpcEndpoint, type RpcHandlers } from '../../protocol/rpc';
import { Disposable } from '../dispose';
import type { FaceGapServices } from '../faceGapServices';
import { renderWebviewHtml, webviewTransport } from '../webviewHtml';
import { resultWebviewPanel } from './resultWebviewPanel';
import { checkKnownId, checkNote, checkOneOf, checkVerdict } from './requestChecks';

const DIRECTIONS: readonly MappingDirection[] = ['aToB', 'bToA'];

/** The label diff of one diff folder: the summary, and the review of its images with marks saved in review.json. */
export class DiffPanel extends Disposable {
  /** The panel's webview type (also the serializer's, so the panel comes back after a window reload). */
  static readonly viewType = 'facegap.diff';
  private readonly panel: vscode.WebviewPanel;
  private readonly rpc: RpcEndpoint<DiffPanelRequests, DiffPanelEvents>;
  /** The compared image ids the last snapshot offered: the only ids the webview may name. */
  private ids: ReadonlySet<string> = new Set();
  private record: DiffRecord | undefined;

  /** Opens a new panel, or (after a window reload) takes over the restored one. */
  constructor(
    private readonly services: FaceGapServices,
    readonly dir: string,
    restored?: vscode.WebviewPanel,
  ) {
    super();
    const title = DiffPanel.title(dir);
    const panel = this.register(resultWebviewPanel(services, DiffPanel.viewType, title, restored));
    this.panel = panel;
    this.rpc = new RpcEndpoint(webviewTransport(panel.webview));
    this.register({ dispose: () => this.rpc.dispose() });
    // The worker keeps the diff open only while this panel is.
    this.register({ dispose: () => void services.browse.closeDiff(dir).catch(() => undefined) });
    this.rpc.serve(this.handlers());
    panel.webview.html = renderWebviewHtml(panel.webview, services.extensionUri, 'diff', title);
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  /** Brings the panel forward and resends the snapshot (the diff may have been computed again). */
  async refresh(): Promise<void> {
    this.panel.reveal();
    const snapshot = await this.snapshot();
    if (!this.isDisposed) this.rpc.emit({ type: 'didChangeSnapshot', snapshot });
  }

  private static title(dir: string): string {
    return `Label diff: ${path.basename(dir)}`;
  }

  private async snapshot(): Promise<DiffSnapshot> {
    const opened = await this.services.browse.openDiff(this.dir);
    opened.notes.forEach((n) => this.services.output.warn(n));
    this.ids = new Set(opened.queue.map((e) => e.id));
    this.record = opened.record;
    return { ...opened, title: `${opened.record.b.description} against ${opened.record.a.description}` };
  }

  private handlers(): RpcHandlers<DiffPanelRequests> {
    const { browse } = this.services;
    return {
      ready: () => this.snapshot(),
      pair: ({ id }, ctx) => browse.diffPair(this.dir, checkKnownId(id, this.ids), ctx.signal),
      setMark: ({ id, verdict, note }) => browse.setReviewMark({ dir: this.dir, id: checkKnownId(id, this.ids), verdict: checkVerdict(verdict), note: checkNote(note) }),
      exportCsv: async () => {
        const file = await browse.exportReviewCsv(this.dir);
        void vscode.window.showInformationMessage(`FaceGap: review marks saved to ${file}`, 'Open').then((a) => a && vscode.window.showTextDocument(vscode.Uri.file(file)));
        return { file };
      },
      exportMapping: ({ direction }) => this.exportMapping(checkOneOf(direction, DIRECTIONS)),
    };
  }

  /** Asks where to save a suggested crosswalk (default: the diff folder's suggested-mapping.json) and writes it. */
  private async exportMapping(direction: MappingDirection): Promise<{ file?: string }> {
    if (!this.record) await this.snapshot();
    const mapping = this.record!.summary.suggestedMapping[direction];
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(this.dir, DIFF_FILES.mapping)),
      filters: { 'FaceGap mapping file': ['json'] },
      title: `Save the suggested crosswalk ${mapping.from} → ${mapping.to}`,
    });
    if (!target) return {};
    await fs.writeFile(target.fsPath, `${JSON.stringify(mappingFileJson(mapping), null, 2)}\n`);
    this.services.output.info(`suggested crosswalk ${mapping.from} → ${mapping.to} saved to ${target.fsPath}`);
    void vscode.window.setStatusBarMessage(`FaceGap: crosswalk ${mapping.from} → ${mapping.to} saved to ${path.basename(target.fsPath)}`, 8000);
    return { file: target.fsPath };
  }
}
