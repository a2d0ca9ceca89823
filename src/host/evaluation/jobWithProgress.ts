import * as vscode from 'vscode';
import type { EvalProgress } from '../../core/eval/evalTypes';
import { errorMessage } from '../../core/util/errors';
import type { EvalJobEvents } from '../../protocol/evalJobMessages';
import { isAbortError } from '../../protocol/rpc';
import { toAbortSignal } from '../cancellation';
import type { FaceGapServices } from '../faceGapServices';
import { progressMessage } from './progressMessage';

/** A job of the evaluation process shown with a progress notification, and what the log says when it ends. */
export interface ProgressJob<R> {
  readonly title: string;
  readonly outDir: string;
  run(signal: AbortSignal, onEvent: (event: EvalJobEvents) => void): Promise<R>;
  /** The log line of a finished job. */
  finished(result: R): string;
  /** The log lines of a cancelled job and of a failed one. */
  readonly cancelled: string;
  readonly failed: string;
}

/**
 * Runs a job of the evaluation process (off the extension host's thread) under a cancellable progress notification:
 * its log lines go to the output channel; resolves with the result, or undefined when the user cancelled; errors are
 * logged and rethrown.
 */
export async function runJobWithProgress<R>(services: FaceGapServices, job: ProgressJob<R>): Promise<R | undefined> {
  const log = services.output;
  log.info(`${job.title} → ${job.outDir}`);
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: job.title, cancellable: true }, async (progress, token) => {
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
        const result = await job.run(abort.signal, onEvent);
        log.info(job.finished(result));
        return result;
      } finally {
        abort.dispose();
      }
    });
  } catch (error) {
    if (isAbortError(error)) {
      log.info(job.cancelled);
      return undefined;
    }
    log.error(`${job.failed}: ${errorMessage(error)}`);
    throw error;
  }
}
