import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  BrowsedDetail,
  BrowseWorkerConfig,
  BrowseWorkerEvents,
  BrowseWorkerRequests,
  OpenedDataset,
  OpenedDiff,
  OpenedDistribution,
  RefreshedDataset,
  ThumbnailFile,
} from '../../protocol/browseWorkerMessages';
import type { DiffPairView, MarkUpdate } from '../../protocol/diffPanelMessages';
import type { MaskSnapshot } from '../../protocol/maskViewMessages';
import type { ReportSnapshot } from '../../protocol/reportPanelMessages';
import { RpcEndpoint, type RequestBody } from '../../protocol/rpc';
import { portTransport } from '../portTransport';

type BrowseEndpoint = RpcEndpoint<BrowseWorkerRequests, BrowseWorkerEvents>;
type Requests = BrowseWorkerRequests;

interface Connection {
  readonly worker: Worker;
  readonly rpc: BrowseEndpoint;
  /** Datasets open in this worker, by resolved root: a worker started after a crash opens them again on first use. */
  readonly datasets: Map<string, Promise<unknown>>;
}

/** Options of BrowseWorkerClient: the worker's configuration (passed as workerData, so a restarted worker gets it too) and its Node flags. */
export interface BrowseWorkerClientOptions extends BrowseWorkerConfig {
  /** Node flags for the worker; none by default, so the host's own flags (inspector, loaders) are not passed on. */
  readonly execArgv?: string[];
}

/** Where the bundled worker lies next to the bundled extension: `<distDir>/browseWorker.js`. */
export function defaultBrowseWorkerPath(distDir: string): string {
  return path.join(distDir, 'browseWorker.js');
}

/**
 * Browses datasets, runs, reports and masks in one lazily started worker thread, so that none of it blocks the
 * caller's thread. A worker that dies fails its pending requests; the next request starts a new one, which opens the
 * datasets opened before again (with the same schema choice) when a request names them.
 */
export class BrowseWorkerClient {
  private current: Connection | undefined;
  /** Every dataset opened and not closed, by resolved root, with the schema id it was opened with. */
  private readonly opened = new Map<string, string | undefined>();
  private disposed = false;

  constructor(
    private readonly scriptPath: string,
    private readonly options: BrowseWorkerClientOptions,
  ) {}

  /** The running worker, if one is started (for tests and diagnostics). */
  get worker(): Worker | undefined {
    return this.current?.worker;
  }

  /** Scans a dataset folder; rejects with an error naming the folder (its name kept, e.g. 'SchemaUnknownError'). */
  async openDataset(root: string, schemaId?: string, signal?: AbortSignal): Promise<OpenedDataset> {
    const conn = this.connection();
    const body = { type: 'openDataset' as const, root, ...(schemaId === undefined ? {} : { schemaId }) };
    const opened = await conn.rpc.request(body, signal ? { signal } : {});
    const key = path.resolve(opened.root);
    this.opened.set(key, schemaId);
    conn.datasets.set(key, Promise.resolve());
    return opened;
  }

  /** Checks an opened dataset's files and scans again what changed; `changed: false` when the gallery stays as it is. */
  refreshDataset(root: string, signal?: AbortSignal): Promise<RefreshedDataset> {
    return this.datasetRequest(root, { type: 'refreshDataset', root }, signal);
  }

  /** Forgets a dataset in the worker. */
  async closeDataset(root: string): Promise<void> {
    const key = path.resolve(root);
    this.opened.delete(key);
    const conn = this.current;
    if (!conn?.datasets.delete(key)) return;
    await conn.rpc.request({ type: 'closeDataset', root });
  }

  /** Thumbnail files of the items (cache paths), or an error naming the image, per id. */
  thumbnails(root: string, ids: readonly string[], signal?: AbortSignal): Promise<ThumbnailFile[]> {
    return this.datasetRequest(root, { type: 'thumbnails', root, ids }, signal);
  }

  /** The detail view's pixels of one item, with a run's prediction and scores when `run` is given. */
  detail(root: string, id: string, run?: string, signal?: AbortSignal): Promise<BrowsedDetail> {
    return this.datasetRequest(root, { type: 'detail', root, id, ...(run === undefined ? {} : { run }) }, signal);
  }

  /** Per-image scores of a run by item id. */
  runMetrics(root: string, run: string, signal?: AbortSignal): Promise<Requests['runMetrics']['result']> {
    return this.datasetRequest(root, { type: 'runMetrics', root, run }, signal);
  }

  /** Items where a run predicted `pred` for ground-truth `gt`, most pixels first. */
  confusionImages(root: string, run: string, gt: number, pred: number, signal?: AbortSignal): Promise<Requests['confusionImages']['result']> {
    return this.datasetRequest(root, { type: 'confusionImages', root, run, gt, pred }, signal);
  }

  /** Drops a run kept open for a dataset; a worker that has not opened the dataset keeps nothing to drop. */
  async forgetRun(root: string, run: string): Promise<void> {
    const conn = this.current;
    if (!conn?.datasets.has(path.resolve(root))) return;
    await this.datasetRequest(root, { type: 'forgetRun', root, run });
  }

  /** The report of runs; worst images' thumbnailUri fields hold file paths under `thumbnailDir`. */
  reportSnapshot(params: Requests['reportSnapshot']['params'], signal?: AbortSignal): Promise<ReportSnapshot> {
    return this.request({ type: 'reportSnapshot', ...params }, signal);
  }

  /** A label PNG for the mask viewer. */
  maskFile(file: string, signal?: AbortSignal): Promise<MaskSnapshot> {
    return this.request({ type: 'maskFile', file }, signal);
  }

  /** Reads a diff folder: diff.json, the review queue with its marks, the two schemas; rejects naming the file. */
  openDiff(dir: string, signal?: AbortSignal): Promise<OpenedDiff> {
    return this.request({ type: 'openDiff', dir }, signal);
  }

  /** Forgets a diff folder in the worker (a worker that is not running keeps nothing). */
  async closeDiff(dir: string): Promise<void> {
    if (this.current) await this.request({ type: 'closeDiff', dir });
  }

  /** The pixels of one compared pair of a diff. */
  diffPair(dir: string, id: string, signal?: AbortSignal): Promise<DiffPairView> {
    return this.request({ type: 'diffPair', dir, id }, signal);
  }

  /** Sets or (null verdict) clears a mark; resolves once review.json holds it. */
  setReviewMark(params: Requests['setReviewMark']['params']): Promise<MarkUpdate> {
    return this.request({ type: 'setReviewMark', ...params });
  }

  /** Writes review.csv beside the diff; resolves with its path. */
  async exportReviewCsv(dir: string): Promise<string> {
    return (await this.request({ type: 'exportReviewCsv', dir })).file;
  }

  /** Reads a distribution folder: dist.json and the matched subset's size; rejects naming the file. */
  openDistribution(dir: string, signal?: AbortSignal): Promise<OpenedDistribution> {
    return this.request({ type: 'openDistribution', dir }, signal);
  }

  /** Rejects pending requests and terminates the worker; later requests reject. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const conn = this.current;
    this.current = undefined;
    if (!conn) return;
    conn.rpc.dispose(new Error('the browse worker client was disposed'));
    await conn.worker.terminate();
  }

  private async request<K extends keyof Requests & string>(body: RequestBody<Requests, K>, signal?: AbortSignal): Promise<Requests[K]['result']> {
    return this.connection().rpc.request(body, signal ? { signal } : {});
  }

  private async datasetRequest<K extends keyof Requests & string>(root: string, body: RequestBody<Requests, K>, signal?: AbortSignal): Promise<Requests[K]['result']> {
    const conn = this.connection();
    await this.reopen(conn, path.resolve(root));
    return conn.rpc.request(body, signal ? { signal } : {});
  }

  /**
   * Opens a dataset again in a worker started after the one that opened it died; one not opened is left to the worker
   * to refuse. No signal: the opening is shared by every request that waits for it.
   */
  private reopen(conn: Connection, key: string): Promise<unknown> {
    if (!this.opened.has(key)) return Promise.resolve();
    let opening = conn.datasets.get(key);
    if (!opening) {
      const schemaId = this.opened.get(key);
      opening = conn.rpc.request({ type: 'openDataset', root: key, ...(schemaId === undefined ? {} : { schemaId }) });
      conn.datasets.set(key, opening);
      const failed = opening;
      failed.catch(() => conn.datasets.get(key) === failed && conn.datasets.delete(key));
    }
    return opening;
  }

  private connection(): Connection {
    if (this.disposed) throw new Error('the browse worker client is disposed');
    if (this.current) return this.current;
    const { execArgv, ...config } = this.options;
    const worker = new Worker(this.scriptPath, { workerData: config, execArgv: execArgv ?? [] });
    const rpc: BrowseEndpoint = new RpcEndpoint(portTransport(worker));
    const conn: Connection = { worker, rpc, datasets: new Map() };
    const stop = (reason: string): void => {
      if (this.current === conn) this.current = undefined;
      rpc.dispose(new Error(`the browse worker ${reason}; the next request starts a new one`));
    };
    worker.on('error', (e) => stop(`crashed: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => stop(`exited unexpectedly (exit code ${code})`));
    this.current = conn;
    return conn;
  }
}
