import * as path from 'node:path';
import * as vscode from 'vscode';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import { pruneCache } from '../node/browse/cachePruning';
import { ThumbnailCache } from '../node/browse/thumbnailCache';
import { defaultEvalProcessPath, EvalProcessClient } from '../node/evalJob/evalProcessClient';
import type { NodeAdapters } from '../node/nodeAdapters';
import { createNodeAdapters } from '../node/nodeAdapters';
import { readSettings } from './settings';

/** What the commands and panels share: adapters, the schema registry, caches, the evaluation process and the output channel. */
export class FaceGapServices implements vscode.Disposable {
  readonly adapters: NodeAdapters = createNodeAdapters();
  readonly registry = new SchemaRegistry();
  readonly output: vscode.LogOutputChannel;
  readonly thumbnails: ThumbnailCache;
  /** Where report thumbnails (error maps of the worst images) are cached. */
  readonly reportThumbnailDir: string;
  readonly evalClient: EvalProcessClient;

  constructor(readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('FaceGap', { log: true });
    const cacheRoot = context.globalStorageUri.fsPath;
    this.thumbnails = new ThumbnailCache(path.join(cacheRoot, 'thumbnails'), { maxSide: 192, concurrency: 2 });
    this.reportThumbnailDir = path.join(cacheRoot, 'report-thumbnails');
    this.evalClient = new EvalProcessClient(defaultEvalProcessPath(path.join(context.extensionUri.fsPath, 'dist')));
  }

  /** Keeps the thumbnail caches within facegap.thumbnailCacheMB (the gallery's get most of it), in the background. */
  pruneCaches(): void {
    const limit = readSettings().thumbnailCacheMB * 2 ** 20;
    const caches: Array<[string, number]> = [[this.thumbnails.cacheDir, limit * 0.8], [this.reportThumbnailDir, limit * 0.2]];
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
    void this.evalClient.dispose();
    this.output.dispose();
  }
}
