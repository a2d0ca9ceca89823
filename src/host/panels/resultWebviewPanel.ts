import * as vscode from 'vscode';
import type { FaceGapServices } from '../faceGapServices';
import { webviewOptions } from '../webviewHtml';

/** A result panel's webview panel: a new one in the active column, or the one VS Code restored, with its options, title and icon. */
export function resultWebviewPanel(services: FaceGapServices, viewType: string, title: string, restored?: vscode.WebviewPanel): vscode.WebviewPanel {
  const options = webviewOptions(services.extensionUri, []);
  const panel = restored ?? vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, options);
  // A restored panel keeps the options it was saved with: set them again, roots included.
  panel.webview.options = options;
  panel.title = title;
  panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'facegap.svg');
  return panel;
}
