import type { BrowseWorkerRequests } from '../../protocol/browseWorkerMessages';
import type { RpcHandlers } from '../../protocol/rpc';
import { readDistFolder } from '../distribution/distFolder';
import type { NodeAdapters } from '../nodeAdapters';

/** The browse worker's requests about distribution comparisons. */
export type DistributionRequests = Pick<BrowseWorkerRequests, 'openDistribution'>;

/** Handlers for the distribution panel: a folder is read afresh on every request (it is small and may have been computed again). */
export function createDistributionHandlers(adapters: NodeAdapters): RpcHandlers<DistributionRequests> {
  return {
    openDistribution: ({ dir }, ctx) => readDistFolder(dir, adapters.files, ctx.signal),
  };
}
