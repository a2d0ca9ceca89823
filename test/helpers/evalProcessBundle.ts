import { buildNodeBundle } from './nodeBundle';

/** The evaluation process and the inference worker bundled side by side, as in dist/. */
export interface EvalProcessBundle {
  readonly dir: string;
  readonly scriptPath: string;
  remove(): void;
}

/** Bundles both entries into a fresh folder under .facegap-tmp/ (see buildNodeBundle). */
export async function buildEvalProcessBundle(): Promise<EvalProcessBundle> {
  const bundle = await buildNodeBundle('eval-process-', {
    evalProcess: 'src/node/evalJob/evalProcess.ts',
    inferenceWorker: 'src/node/inference/inferenceWorker.ts',
  });
  return { dir: bundle.dir, scriptPath: bundle.file('evalProcess'), remove: () => bundle.remove() };
}
