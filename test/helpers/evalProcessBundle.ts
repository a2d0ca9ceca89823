import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../..');

/** The evaluation process and the inference worker bundled side by side, as in dist/. */
export interface EvalProcessBundle {
  readonly dir: string;
  readonly scriptPath: string;
  remove(): void;
}

/**
 * Bundles both entries into a fresh folder under .facegap-tmp/ (inside the repository, so the external native
 * modules resolve from node_modules), without touching dist/, which other tests rebuild concurrently.
 */
export async function buildEvalProcessBundle(): Promise<EvalProcessBundle> {
  const parent = path.join(REPO, '.facegap-tmp');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'eval-process-'));
  await esbuild.build({
    entryPoints: {
      evalProcess: path.join(REPO, 'src/node/evalJob/evalProcess.ts'),
      inferenceWorker: path.join(REPO, 'src/node/inference/inferenceWorker.ts'),
    },
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sharp', 'onnxruntime-node', 'vscode'],
    logLevel: 'error',
  });
  return { dir, scriptPath: path.join(dir, 'evalProcess.js'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
