import type { DatasetPanelEvents, DatasetPanelRequests } from '../../src/protocol/datasetPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import type { ConfusionFilter, ImageMetrics } from '../../src/protocol/viewTypes';
import { LatestRequest } from '../shared/latestRequest';

/** The dataset panel's end of the protocol. */
export type DatasetRpc = RpcEndpoint<DatasetPanelRequests, DatasetPanelEvents>;

/** The images of a confusion filter, most confused first. */
export type ConfusionImages = ReadonlyArray<{ readonly id: string; readonly pixels: number }>;

/** Data the gallery's order depends on, fetched from the host on demand: the chosen run's scores and a confusion filter's images. */
export class PanelData {
  private readonly metricsRequest = new LatestRequest();
  private readonly confusionRequest = new LatestRequest();
  private metricsRun: string | null = null;
  private metricsByImage: Readonly<Record<string, ImageMetrics>> | undefined;
  private confusionKey: string | null = null;
  private confusionImages: ConfusionImages | undefined;

  constructor(
    private readonly rpc: DatasetRpc,
    private readonly onChange: () => void,
    private readonly onError: (what: string, error: unknown) => void,
  ) {}

  /** The chosen run's per-image scores, once loaded. */
  metrics(run: string | null): Readonly<Record<string, ImageMetrics>> | undefined {
    return run !== null && run === this.metricsRun ? this.metricsByImage : undefined;
  }

  /** The filter's images, once loaded. */
  confusion(filter: ConfusionFilter): ConfusionImages | undefined {
    return filterKey(filter) === this.confusionKey ? this.confusionImages : undefined;
  }

  /** Fetches a run's scores (again, when `reload`), or forgets them when no run is chosen. */
  async loadRun(run: string | null, reload = false): Promise<void> {
    if (run === this.metricsRun && !reload && (run === null || this.metricsByImage)) return;
    this.metricsRun = run;
    this.metricsByImage = undefined;
    if (run === null) return void this.metricsRequest.cancel();
    try {
      const answer = await this.metricsRequest.run((signal) => this.rpc.request({ type: 'runMetrics', run }, { signal }));
      if (!answer) return;
      this.metricsByImage = answer.value;
      this.onChange();
    } catch (error) {
      this.onError('Could not load the run’s scores', error);
    }
  }

  /** Fetches a confusion filter's images (again, when `reload`), or forgets them when there is no filter. */
  async loadConfusion(filter: ConfusionFilter | null, reload = false): Promise<void> {
    const key = filter ? filterKey(filter) : null;
    if (key === this.confusionKey && !reload && (key === null || this.confusionImages)) return;
    this.confusionKey = key;
    this.confusionImages = undefined;
    if (!filter) return void this.confusionRequest.cancel();
    try {
      const { run, gt, pred } = filter;
      const answer = await this.confusionRequest.run((signal) => this.rpc.request({ type: 'confusionImages', run, gt, pred }, { signal }));
      if (!answer) return;
      this.confusionImages = answer.value;
      this.onChange();
    } catch (error) {
      this.onError('Could not load the confusion filter’s images', error);
    }
  }
}

function filterKey(filter: ConfusionFilter): string {
  return JSON.stringify([filter.run, filter.gt, filter.pred]);
}
