// Entry of the browse worker thread (bundled to dist/browseWorker.js): serves the browse protocol over parentPort, so
// parsing run folders, decoding labels and making thumbnails never block the extension host's thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { BrowseWorkerConfig, BrowseWorkerEvents, BrowseWorkerRequests } from '../../protocol/browseWorkerMessages';
import { RpcEndpoint } from '../../protocol/rpc';
import { portTransport } from '../portTransport';
import { createBrowseHandlers } from './browseHandlers';

if (!parentPort) throw new Error('browseWorker must run in a worker thread');

const config = workerData as Partial<BrowseWorkerConfig> | undefined;
if (typeof config?.thumbnailDir !== 'string' || config.thumbnailDir.length === 0) {
  throw new Error('browseWorker needs workerData { thumbnailDir }: the folder of the thumbnail cache');
}

const endpoint = new RpcEndpoint<BrowseWorkerRequests, BrowseWorkerEvents>(portTransport(parentPort));
endpoint.serve(createBrowseHandlers(config as BrowseWorkerConfig));
