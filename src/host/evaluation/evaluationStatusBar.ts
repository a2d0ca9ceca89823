import * as vscode from 'vscode';
import type { EvalProgress } from '../../core/eval/evalTypes';
import { progressMessage } from './progressMessage';

/** One status bar item per running evaluation: "$(pulse) FaceGap 34/120"; a click shows the output channel. */
export class EvaluationStatusBar implements vscode.Disposable {
  private provider: string | null = null;
  private readonly items = new Set<vscode.StatusBarItem>();

  /** Shows an item for an evaluation of `dataset`; dispose the handle when it ends. */
  start(dataset: string): { update(p: EvalProgress): void; dispose(): void } {
    const item = vscode.window.createStatusBarItem('facegap.evaluation', vscode.StatusBarAlignment.Left, 10);
    item.name = 'FaceGap evaluation';
    item.command = 'facegap.showOutput';
    item.text = `$(sync~spin) FaceGap: ${dataset}`;
    item.tooltip = `FaceGap is evaluating ${dataset}`;
    item.show();
    this.items.add(item);
    return {
      update: (p) => {
        item.text = `$(sync~spin) FaceGap ${p.done}/${p.total}`;
        item.tooltip = `${dataset}: ${progressMessage(p)}${this.provider ? ` · ${this.provider}` : ''}`;
      },
      dispose: () => {
        this.items.delete(item);
        item.dispose();
      },
    };
  }

  /** The execution provider that really runs, shown in the tooltips. */
  setProvider(provider: string | null): void {
    this.provider = provider;
  }

  dispose(): void {
    this.items.forEach((item) => item.dispose());
    this.items.clear();
  }
}
