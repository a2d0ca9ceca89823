import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RpcTransport } from '../protocol/rpc';
import type { WebviewKind } from '../protocol/viewTypes';
import { webviewDocument } from './webviewDocument';

/** Webview options every FaceGap view uses: scripts on, only the given roots readable, no forms, no command links. */
export function webviewOptions(extensionUri: vscode.Uri, extraRoots: readonly vscode.Uri[]): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), ...extraRoots],
  };
}

/** The HTML of a FaceGap webview: the shared CSP template with a fresh nonce and this view's bundle. */
export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: WebviewKind, title: string): string {
  const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  return webviewDocument({
    title,
    view,
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64url'),
    scriptUri: asset(`${view}.js`),
    styleUri: asset(`${view}.css`),
  });
}

/** The RPC transport over a webview: host → page by postMessage, page → host by onDidReceiveMessage. */
export function webviewTransport(webview: vscode.Webview): RpcTransport {
  return {
    postMessage: (msg) => void webview.postMessage(msg),
    onMessage: (handler) => webview.onDidReceiveMessage(handler),
  };
}
