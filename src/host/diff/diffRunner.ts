import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvalProgress } from '../../core/eval/evalTypes';
import { errorMessage } from '../../core/util/errors';
import type { DiffJob, DiffJobResult, EvalJobEvents } from '../../protocol/evalJobMessages';
import { isAbortError } from '../../protocol/rpc';
import { toAbortSignal } from '../cancellation';
import { progressMessage } from '../evaluation/progressMessage';
import type { FaceGapServices } from '../faceGapServices';

/**
 * Computes a label diff in the evaluation process (off the extension host's thread) under a cancellable progress
 * notification; resolves with the result, or undefined when the user cancelled. Errors are logged and rethrown.
 */
export async function runDiffWithProgress(services: FaceGapServices, job: DiffJob): Promise<DiffJobResult | undefined> {
  const title = `FaceGap: diffing ${path.basename(job.b.path)} against ${path.basename(job.a.path)}`;
  const log = services.output;
  log.info(`${title} → ${job.outDir}`);
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = toAbortSignal(token);
      let reported = 0;
      const onEvent = (event: EvalJobEvents): void => {
        if (event.type === 'log') log.info(event.line);
        else if (event.type === 'progress') {
          const fraction = event.total > 0 ? event.done / event.total : 0;
          progress.report({ message: progressMessage(event as EvalProgress), increment: Math.max(0, (fraction - reported) * 100) });
          reported = fraction;
        }
      };
      try {
        const result = await services.evalClient.diff(job, { signal: abort.signal, onEvent });
        log.info(`diff finished: ${result.record.summary.images} images, pixel agreement ${result.record.summary.pixelAgreement.toFixed(3)} → ${result.dir}`);
        return result;
      } finally {
        abort.dispose();
      }
    });
  } catch (error) {
    if (isAbortError(error)) {
      log.info(`diff cancelled; the images compared so far stay in ${job.outDir} and are reused next time`);
      return undefined;
    }
    log.error(`diff of ${job.b.path} against ${job.a.path} failed: ${errorMessage(error)}`);
    throw error;
  }
}
