import * as vscode from 'vscode';
import { ChangeDebouncer } from '../../core/browse/changeDebouncer';

/** Quiet time after the last file event before the dataset is scanned again: a copy of many files is one refresh. */
const SETTLE_MS = 500;
/** Files changed in place remembered per burst; beyond this the burst counts as "many files changed". */
const MAX_CHANGED = 1000;

/** What happened in one burst of file events. */
export interface DatasetChanges {
  /** Files whose contents changed in place (not created or deleted), absolute; undefined when there were too many to list. */
  readonly changedFiles: readonly string[] | undefined;
}

/** Watches a dataset folder's files and calls `changed` once per burst of creations, changes and deletions. */
export class DatasetWatcher implements vscode.Disposable {
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly debouncer: ChangeDebouncer;
  private readonly listeners: vscode.Disposable[];
  private changedFiles: string[] | undefined = [];

  constructor(root: string, changed: (changes: DatasetChanges) => Promise<void>, onError: (error: unknown) => void) {
    this.debouncer = new ChangeDebouncer(() => changed({ changedFiles: this.takeChangedFiles() }), SETTLE_MS, onError);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
    const notify = (): void => this.debouncer.notify();
    const contentChanged = (uri: vscode.Uri): void => {
      if (this.changedFiles && this.changedFiles.length < MAX_CHANGED) this.changedFiles.push(uri.fsPath);
      else this.changedFiles = undefined;
      notify();
    };
    this.listeners = [this.watcher.onDidCreate(notify), this.watcher.onDidChange(contentChanged), this.watcher.onDidDelete(notify)];
  }

  dispose(): void {
    this.debouncer.dispose();
    this.listeners.forEach((l) => l.dispose());
    this.watcher.dispose();
  }

  private takeChangedFiles(): readonly string[] | undefined {
    const files = this.changedFiles;
    this.changedFiles = [];
    return files;
  }
}
