import * as vscode from 'vscode';
import { requireTrust } from './trustGate';

/** The trust gate on VS Code's own surface: true in a trusted workspace; otherwise warns, offering the trust editor, and returns false. */
export function trustedForModels(): boolean {
  return requireTrust({
    isTrusted: vscode.workspace.isTrusted,
    warn: (message, action) => vscode.window.showWarningMessage(message, action),
    manageTrust: () => void vscode.commands.executeCommand('workbench.trust.manage'),
  });
}
