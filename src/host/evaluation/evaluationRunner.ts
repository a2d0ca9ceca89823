import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvalProgress } from '../../core/eval/evalTypes';
import type { ModelSpecFlagValues } from '../../core/model/modelSpecFlags';
import { errorMessage } from '../../core/util/errors';
import type { EvalJob, EvalJobEvents, EvalJobResult } from '../../protocol/evalJobMessages';
import { isAbortError } from '../../protocol/rpc';
import { toAbortSignal } from '../cancellation';
import type { FaceGapServices } from '../faceGapServices';
import { runFolderFor } from '../runLocations';
import { readSettings } from '../settings';
import { progressMessage } from './progressMessage';
import type { RecentModels } from './recentModels';
import { askMissingSpec } from './specForm';
import { EvaluationStatusBar } from './evaluationStatusBar';

/** What to evaluate, and where the run folder goes (default: the results location). */
export interface EvaluationTarget {
  readonly datasetRoot: string;
  /** The schema the user chose for this folder (its dataset panel asked), if any. */
  readonly schema?: string;
  readonly modelPath: string;
  readonly outDir?: string;
}

/** Runs evaluations in the evaluation process with a cancellable progress notification, a status bar item and the output channel. */
export class EvaluationRunner implements vscode.Disposable {
  private readonly statusBar = new EvaluationStatusBar();

  constructor(
    private readonly services: FaceGapServices,
    private readonly recent: RecentModels,
  ) {}

  /** Evaluates; resolves with the result, or undefined when the user cancelled or dismissed a question. Errors are shown and rethrown. */
  async evaluate(target: EvaluationTarget): Promise<EvalJobResult | undefined> {
    let answers: { preset?: string; flags: ModelSpecFlagValues } = { flags: this.recent.specAnswers(target.modelPath) };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.runWithProgress(this.job(target, answers));
      } catch (error) {
        if (isAbortError(error)) return undefined;
        if (!(error instanceof Error) || error.name !== 'ModelSpecError') throw this.report(target, error);
        const answer = await askMissingSpec(path.basename(target.modelPath), error.message, this.services.registry);
        if (!answer) return undefined;
        answers = 'preset' in answer ? { preset: answer.preset, flags: answers.flags } : { preset: answers.preset, flags: { ...answers.flags, ...answer.flags } };
        await this.recent.rememberSpec(target.modelPath, answers.flags);
      }
    }
    return undefined;
  }

  dispose(): void {
    this.statusBar.dispose();
  }

  private job(target: EvaluationTarget, answers: { preset?: string; flags: ModelSpecFlagValues }): EvalJob {
    const settings = readSettings(vscode.Uri.file(target.datasetRoot));
    const flags: Record<string, string | undefined> = { ...answers.flags };
    if (settings.batchSize > 0) flags['batch-size'] = String(settings.batchSize);
    return {
      datasetRoot: target.datasetRoot,
      schema: target.schema,
      modelPath: target.modelPath,
      preset: answers.preset,
      specFlags: flags,
      executionProvider: settings.executionProvider,
      threads: settings.threads > 0 ? settings.threads : undefined,
      boundaryK: settings.boundaryTolerance,
      outDir: target.outDir ?? runFolderFor(this.services.context, target.datasetRoot, target.modelPath),
    };
  }

  private runWithProgress(job: EvalJob): Promise<EvalJobResult> {
    const title = `FaceGap: evaluating ${path.basename(job.modelPath)} on ${path.basename(job.datasetRoot)}`;
    const log = this.services.output;
    log.info(`${title} → ${job.outDir}`);
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const abort = toAbortSignal(token);
        const status = this.statusBar.start(path.basename(job.datasetRoot));
        let reported = 0;
        const onEvent = (event: EvalJobEvents): void => {
          if (event.type === 'log') log.info(event.line);
          else if (event.type === 'ready') this.onReady(event.executionProvider, event.warnings);
          else {
            const fraction = event.total > 0 ? event.done / event.total : 0;
            progress.report({ message: progressMessage(event as EvalProgress), increment: Math.max(0, (fraction - reported) * 100) });
            reported = fraction;
            status.update(event);
          }
        };
        try {
          const result = await this.services.evalClient.run(job, { signal: abort.signal, onEvent });
          result.warnings.forEach((w) => log.warn(w));
          log.info(`finished: ${result.summary.images} images, mean F1 ${result.summary.meanF1?.toFixed(3) ?? '–'} → ${result.runDir}`);
          return result;
        } finally {
          abort.dispose();
          status.dispose();
        }
      }),
    );
  }

  private onReady(provider: string | null, warnings: readonly string[]): void {
    this.services.output.info(`execution provider: ${provider ?? 'none (prediction folder)'}`);
    warnings.forEach((w) => this.services.output.warn(w));
    this.statusBar.setProvider(provider);
  }

  private report(target: EvaluationTarget, error: unknown): Error {
    const message = errorMessage(error);
    this.services.output.error(`evaluation of ${target.modelPath} on ${target.datasetRoot} failed: ${message}`);
    return error instanceof Error ? error : new Error(message);
  }
}
