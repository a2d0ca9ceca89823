// Bundles each runtime separately: the CLI, the inference worker (and later the extension host and webviews).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Native modules load their .node binaries from node_modules at run time, so they stay external. */
const nativeExternals = ['sharp', 'onnxruntime-node', 'vscode'];

const nodeTargets = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/node/inference/inferenceWorker.ts'], outfile: 'dist/inferenceWorker.js' },
];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: nativeExternals,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const contexts = await Promise.all(nodeTargets.map((t) => esbuild.context({ ...common, ...t })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
