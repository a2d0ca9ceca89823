import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MaskViewEvents, MaskViewRequests } from '../../protocol/maskViewMessages';
import { RpcEndpoint } from '../../protocol/rpc';
import type { FaceGapServices } from '../faceGapServices';
import { renderWebviewHtml, webviewOptions, webviewTransport } from '../webviewHtml';

/** A read-only viewer for label PNGs: the mask in its schema's colours, a legend and a hover readout. Opened with "Open With…". */
export class LabelMaskEditorProvider implements vscode.CustomReadonlyEditorProvider {
  /** The custom editor's view type (package.json customEditors). */
  static readonly viewType = 'facegap.labelMask';

  constructor(private readonly services: FaceGapServices) {}

  /** Registers the provider. */
  static register(services: FaceGapServices): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(LabelMaskEditorProvider.viewType, new LabelMaskEditorProvider(services), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const { services } = this;
    panel.webview.options = webviewOptions(services.extensionUri, []);
    const rpc = new RpcEndpoint<MaskViewRequests, MaskViewEvents>(webviewTransport(panel.webview));
    const read = () => {
      if (document.uri.scheme !== 'file') throw new Error(`${document.uri.toString()}: FaceGap reads label masks from files on the extension host only`);
      return services.browse.maskFile(document.uri.fsPath);
    };
    rpc.serve({ ready: read });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(document.uri.fsPath)), path.basename(document.uri.fsPath)));
    const onChange = async (): Promise<void> => {
      try {
        rpc.emit({ type: 'didChangeMask', snapshot: await read() });
      } catch (error) {
        services.output.warn(error instanceof Error ? error.message : String(error));
      }
    };
    const subscriptions = [watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange)];
    panel.onDidDispose(() => {
      rpc.dispose();
      subscriptions.forEach((s) => s.dispose());
    });
    panel.webview.html = renderWebviewHtml(panel.webview, services.extensionUri, 'mask', path.basename(document.uri.fsPath));
  }
}
