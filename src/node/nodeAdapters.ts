import type { ContentHasher } from '../core/ports/contentHasher';
import type { FileAccess, ResultStore } from '../core/ports/fileAccess';
import type { ImageDecoder, LabelEncoder } from '../core/ports/imageDecoder';
import { NodeFileAccess } from './files/nodeFileAccess';
import { NodeResultStore } from './files/nodeResultStore';
import { Sha256Hasher } from './files/sha256Hasher';
import { SharpImageDecoder } from './imaging/sharpImageDecoder';
import { SharpLabelEncoder } from './imaging/sharpLabelEncoder';

/** The Node implementations of the core's ports (except the model runner, which owns a worker). */
export interface NodeAdapters {
  readonly files: FileAccess;
  readonly decoder: ImageDecoder;
  readonly encoder: LabelEncoder;
  readonly store: ResultStore;
  readonly hasher: ContentHasher;
  readonly now: () => number;
}

/** Creates the Node adapters. */
export function createNodeAdapters(): NodeAdapters {
  return {
    files: new NodeFileAccess(),
    decoder: new SharpImageDecoder(),
    encoder: new SharpLabelEncoder(),
    store: new NodeResultStore(),
    hasher: new Sha256Hasher(),
    now: () => performance.now() / 1000,
  };
}
