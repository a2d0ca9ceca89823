import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUN_FILES } from '../../core/eval/runLayout';
import { parseRunRecord } from '../../core/report/runFolderParsing';
import type { ReportSnapshot } from '../../protocol/reportPanelMessages';
import type { FaceGapServices } from '../faceGapServices';
import { pickRun } from '../runPicker';
import type { DatasetPanels } from './datasetPanels';
import { ReportPanel, type ReportPanelActions } from './reportPanel';

/** The open report panels, one per reference run, and what their clicks open. */
export class ReportPanels implements vscode.Disposable, ReportPanelActions {
  private readonly panels = new Map<string, ReportPanel>();

  constructor(
    private readonly services: FaceGapServices,
    private readonly datasets: DatasetPanels,
  ) {}

  /** Shows the report of these runs (the first is the reference), reusing the panel of the same reference run. */
  async show(runDirs: readonly string[]): Promise<ReportPanel> {
    const dirs = runDirs.map((d) => path.resolve(d));
    const key = dirs[0];
    const existing = this.panels.get(key);
    if (existing) {
      await existing.show(dirs.length > 1 ? dirs : existing.runs);
      return existing;
    }
    const panel = new ReportPanel(this.services, dirs, this);
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    return panel;
  }

  /** The open report panel whose reference is this run, if any. */
  get(runDir: string): ReportPanel | undefined {
    return this.panels.get(path.resolve(runDir));
  }

  async openConfusion(run: string, gt: number, pred: number, snapshot: ReportSnapshot): Promise<void> {
    const classes = snapshot.runs.find((r) => r.dir === run)?.confusion?.classes ?? [];
    const name = (id: number): string => classes.find((c) => c.id === id)?.name ?? `#${id}`;
    await this.datasets.show(await datasetRootOf(run), { run, filter: { run, gt, pred, gtName: name(gt), predName: name(pred) } });
  }

  async openImage(run: string, id: string): Promise<void> {
    await this.datasets.show(await datasetRootOf(run), { run, openItem: id });
  }

  pickRunToCompare(exclude: readonly string[]): Promise<string | undefined> {
    return pickRun(this.services.context, 'FaceGap: compare with which run?', { exclude, browse: true });
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

/** The dataset folder a run evaluated, from its run.json. */
export async function datasetRootOf(runDir: string): Promise<string> {
  const file = path.join(runDir, RUN_FILES.run);
  return parseRunRecord(await fs.readFile(file, 'utf8'), file).dataset.root;
}
