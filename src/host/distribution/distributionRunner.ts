import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvalProgress } from '../../core/eval/evalTypes';
import { errorMessage } from '../../core/util/errors';
import type { DistJob, DistJobResult, EvalJobEvents } from '../../protocol/evalJobMessages';
import { isAbortError } from '../../protocol/rpc';
import { toAbortSignal } from '../cancellation';
import { progressMessage } from '../evaluation/progressMessage';
import type { FaceGapServices } from '../faceGapServices';

/**
 * Compares two datasets' distributions in the evaluation process (off the extension host's thread) under a cancellable
 * progress notification; resolves with the result, or undefined when the user cancelled. Errors are logged and rethrown.
 */
export async function runDistributionWithProgress(services: FaceGapServices, job: DistJob): Promise<DistJobResult | undefined> {
  const title = `FaceGap: comparing the distributions of ${path.basename(job.a.path)} and ${path.basename(job.b.path)}`;
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
        const result = await services.evalClient.distribution(job, { signal: abort.signal, onEvent });
        const { imagesA, imagesB, attributes } = result.record.summary;
        log.info(`distribution comparison finished: ${imagesA} images in A, ${imagesB} in B, ${attributes.length} attributes compared → ${result.dir}`);
        return result;
      } finally {
        abort.dispose();
      }
    });
  } catch (error) {
    if (isAbortError(error)) {
      log.info(`distribution comparison cancelled; the images measured so far stay in ${job.outDir} and are reused next time`);
      return undefined;
    }
    log.error(`distribution comparison of ${job.a.path} and ${job.b.path} failed: ${errorMessage(error)}`);
    throw error;
  }
}
