// Bundles each runtime separately: the CLI, the extension host, the evaluation process, the inference and browse workers and the webviews.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Native modules load their .node binaries from node_modules at run time, so they stay external. */
const nativeExternals = ['sharp', 'onnxruntime-node', 'vscode'];

const nodeTargets = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/node/evalJob/evalProcess.ts'], outfile: 'dist/evalProcess.js' },
  { entryPoints: ['src/node/inference/inferenceWorker.ts'], outfile: 'dist/inferenceWorker.js' },
  { entryPoints: ['src/node/browse/browseWorker.ts'], outfile: 'dist/browseWorker.js' },
].filter((t) => existsSync(t.entryPoints[0]));

const webviewTargets = ['dataset', 'report', 'mask', 'diff', 'distribution']
  .map((view) => ({ entryPoints: { [view]: `webview/${view}/main.ts` }, outdir: 'dist/webview' }))
  .filter((t) => existsSync(Object.values(t.entryPoints)[0]));

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const nodeCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: nativeExternals };
const webviewCommon = { ...common, platform: 'browser', format: 'esm', target: 'es2022', loader: { '.css': 'css' } };

const contexts = await Promise.all([
  ...nodeTargets.map((t) => esbuild.context({ ...nodeCommon, ...t })),
  ...webviewTargets.map((t) => esbuild.context({ ...webviewCommon, ...t })),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
