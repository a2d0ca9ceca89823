import * as path from 'node:path';
import type { DiffJob, DiffJobResult } from '../../protocol/evalJobMessages';
import { runJobWithProgress } from '../evaluation/jobWithProgress';
import type { FaceGapServices } from '../faceGapServices';

/** Computes a label diff in the evaluation process under a cancellable progress notification; undefined when cancelled. */
export function runDiffWithProgress(services: FaceGapServices, job: DiffJob): Promise<DiffJobResult | undefined> {
  return runJobWithProgress(services, {
    title: `FaceGap: diffing ${path.basename(job.b.path)} against ${path.basename(job.a.path)}`,
    outDir: job.outDir,
    run: (signal, onEvent) => services.evalClient.diff(job, { signal, onEvent }),
    finished: (result) => `diff finished: ${result.record.summary.images} images, pixel agreement ${result.record.summary.pixelAgreement.toFixed(3)} → ${result.dir}`,
    cancelled: `diff cancelled; the images compared so far stay in ${job.outDir} and are reused next time`,
    failed: `diff of ${job.b.path} against ${job.a.path} failed`,
  });
}
