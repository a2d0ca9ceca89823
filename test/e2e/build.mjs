// Bundles the in-host e2e suite: .facegap-tmp/e2e/suite.js (code-server harness, runE2E.mjs) and
// .facegap-tmp/e2e/desktop/scenario.test.js (desktop VS Code, .vscode-test.mjs). Run directly or import buildE2ESuites().
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE_BUNDLE = join(repo, '.facegap-tmp', 'e2e', 'suite.js');
export const DESKTOP_BUNDLE = join(repo, '.facegap-tmp', 'e2e', 'desktop', 'scenario.test.js');

export async function buildE2ESuites() {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning' };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(repo, 'test/e2e/suite/index.ts')], outfile: SUITE_BUNDLE }),
    esbuild.build({ ...common, entryPoints: [join(repo, 'test/e2e/suite/desktop.ts')], outfile: DESKTOP_BUNDLE }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildE2ESuites();
