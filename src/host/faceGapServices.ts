import * as path from 'node:path';
import * as vscode from 'vscode';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import { BrowseWorkerClient, defaultBrowseWorkerPath } from '../node/browse/browseWorkerClient';
import { pruneCache } from '../node/browse/cachePruning';
import { defaultEvalProcessPath, EvalProcessClient } from '../node/evalJob/evalProcessClient';
import { readSettings } from './settings';

/** What the commands and panels share: the schema registry, caches, the browse worker, the evaluation process and the output channel. */
export class FaceGapServices implements vscode.Disposable {
  readonly registry = new SchemaRegistry();
  readonly output: vscode.LogOutputChannel;
  /** Where the gallery's thumbnails are cached (the browse worker writes them). */
  readonly thumbnailDir: string;
  /** Where report thumbnails (error maps of the worst images) are cached. */
  readonly reportThumbnailDir: string;
  /** Dataset, report and mask reading, off the extension host's thread. */
  readonly browse: BrowseWorkerClient;
  readonly evalClient: EvalProcessClient;

  constructor(readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('FaceGap', { log: true });
    const cacheRoot = context.globalStorageUri.fsPath;
    const dist = path.join(context.extensionUri.fsPath, 'dist');
    this.thumbnailDir = path.join(cacheRoot, 'thumbnails');
    this.reportThumbnailDir = path.join(cacheRoot, 'report-thumbnails');
    this.browse = new BrowseWorkerClient(defaultBrowseWorkerPath(dist), { thumbnailDir: this.thumbnailDir, thumbnailMaxSide: 192, thumbnailConcurrency: 2 });
    this.evalClient = new EvalProcessClient(defaultEvalProcessPath(dist));
  }

  /** Keeps the thumbnail caches within facegap.thumbnailCacheMB (the gallery's get most of it), in the background. */
  pruneCaches(): void {
    const limit = readSettings().thumbnailCacheMB * 2 ** 20;
    const caches: Array<[string, number]> = [[this.thumbnailDir, limit * 0.8], [this.reportThumbnailDir, limit * 0.2]];
    for (const [dir, bytes] of caches) {
      pruneCache(dir, bytes).then(
        (r) => r.removedFiles > 0 && this.output.info(`thumbnail cache ${dir}: removed ${r.removedFiles} least recently used file(s), ${(r.removedBytes / 2 ** 20).toFixed(1)} MiB`),
        (error: unknown) => this.output.warn(`thumbnail cache ${dir}: could not prune (${error instanceof Error ? error.message : String(error)})`),
      );
    }
  }

  /** The extension's own folder. */
  get extensionUri(): vscode.Uri {
    return this.context.extensionUri;
  }

  /** The bundled sample parser model. */
  get bundledModel(): string {
    return path.join(this.context.extensionUri.fsPath, 'models', 'facegap-parser-small.onnx');
  }

  dispose(): void {
    void this.browse.dispose();
    void this.evalClient.dispose();
    this.output.dispose();
  }
}
