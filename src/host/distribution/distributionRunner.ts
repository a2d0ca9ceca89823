import * as path from 'node:path';
import type { DistJob, DistJobResult } from '../../protocol/evalJobMessages';
import { runJobWithProgress } from '../evaluation/jobWithProgress';
import type { FaceGapServices } from '../faceGapServices';

/** Compares two datasets' distributions in the evaluation process under a cancellable progress notification; undefined when cancelled. */
export function runDistributionWithProgress(services: FaceGapServices, job: DistJob): Promise<DistJobResult | undefined> {
  return runJobWithProgress(services, {
    title: `FaceGap: comparing the distributions of ${path.basename(job.a.path)} and ${path.basename(job.b.path)}`,
    outDir: job.outDir,
    run: (signal, onEvent) => services.evalClient.distribution(job, { signal, onEvent }),
    finished: ({ record, dir }) => `distribution comparison finished: ${record.summary.imagesA} images in A, ${record.summary.imagesB} in B, ${record.summary.attributes.length} attributes compared → ${dir}`,
    cancelled: `distribution comparison cancelled; the images measured so far stay in ${job.outDir} and are reused next time`,
    failed: `distribution comparison of ${job.a.path} and ${job.b.path} failed`,
  });
}
