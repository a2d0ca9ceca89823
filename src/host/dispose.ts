import type * as vscode from 'vscode';

/** Disposes every item, ignoring items that throw so one bad disposable cannot leak the rest. */
export function disposeAll(items: Iterable<vscode.Disposable>): void {
  for (const item of items) {
    try {
      item.dispose();
    } catch {
      // A failing dispose must not keep the others alive.
    }
  }
}

/** Base class for objects that own disposables: register them once, release them together. */
export abstract class Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private readonly disposeListeners = new Set<() => void>();
  private disposedFlag = false;

  /** True once dispose() ran; check it after every await that touches a webview. */
  protected get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** Takes ownership of a disposable and returns it. */
  protected register<T extends vscode.Disposable>(item: T): T {
    if (this.disposedFlag) item.dispose();
    else this.owned.push(item);
    return item;
  }

  /** Calls the listener once, when this object is disposed (at once if it already is). */
  onDidDispose(listener: () => void): vscode.Disposable {
    if (this.disposedFlag) listener();
    else this.disposeListeners.add(listener);
    return { dispose: () => this.disposeListeners.delete(listener) };
  }

  /** Tells the dispose listeners, then releases everything registered; safe to call twice. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    const listeners = [...this.disposeListeners];
    this.disposeListeners.clear();
    listeners.forEach((listener) => listener());
    disposeAll(this.owned.splice(0));
  }
}
