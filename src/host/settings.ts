import * as vscode from 'vscode';
import type { ExecutionProviderChoice } from '../core/ports/modelRunner';

/** The facegap.* settings, typed and clamped to the ranges package.json declares. */
export interface FaceGapSettings {
  readonly executionProvider: ExecutionProviderChoice;
  /** 0 = the model's own (sidecar or default). */
  readonly batchSize: number;
  /** 0 = onnxruntime's default. */
  readonly threads: number;
  readonly overlayOpacity: number;
  /** Path of the model offered first; '' = none. */
  readonly defaultModel: string;
  /** Folder for run folders; '' = the extension's workspace storage. */
  readonly resultsLocation: string;
  /** Ground-truth boundary band (px) left out of the tolerant scores; 0 = strict only. */
  readonly boundaryTolerance: number;
  /** Most disk space (MiB) the thumbnail caches may take. */
  readonly thumbnailCacheMB: number;
}

const PROVIDERS: readonly ExecutionProviderChoice[] = ['auto', 'cpu', 'cuda', 'webgpu', 'dml', 'coreml'];

/** Reads the settings for a resource's scope (or the window's). */
export function readSettings(scope?: vscode.Uri): FaceGapSettings {
  const config = vscode.workspace.getConfiguration('facegap', scope);
  const provider = config.get<string>('executionProvider', 'auto');
  return {
    executionProvider: PROVIDERS.includes(provider as ExecutionProviderChoice) ? (provider as ExecutionProviderChoice) : 'auto',
    batchSize: clampInt(config.get<number>('batchSize', 0), 0, 256),
    threads: clampInt(config.get<number>('threads', 0), 0, 256),
    overlayOpacity: clamp(config.get<number>('overlayOpacity', 0.55), 0, 1),
    defaultModel: config.get<string>('defaultModel', '').trim(),
    resultsLocation: config.get<string>('resultsLocation', '').trim(),
    boundaryTolerance: clampInt(config.get<number>('boundaryTolerance', 0), 0, 32),
    thumbnailCacheMB: clampInt(config.get<number>('thumbnailCacheMB', 1024), 64, 65536),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.round(clamp(value, min, max));
}
