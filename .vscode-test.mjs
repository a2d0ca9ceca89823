// @vscode/test-cli configuration for desktop VS Code (npm run test:desktop): the same scenario as the code-server
// end-to-end test (test/e2e/suite/scenario.ts) as mocha tests, bundled by test/e2e/build.mjs. It downloads VS Code
// from update.code.visualstudio.com unless FACEGAP_VSCODE points at an installed `code` binary. Needs a display
// (xvfb-run -a npm run test:desktop on headless Linux). See test/e2e/README.md.
import { defineConfig } from '@vscode/test-cli';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceFolder = mkdtempSync(join(tmpdir(), 'facegap-desktop-'));
writeFileSync(join(workspaceFolder, 'README.md'), 'FaceGap desktop test workspace\n');
process.on('exit', () => rmSync(workspaceFolder, { recursive: true, force: true }));

export default defineConfig({
  label: 'desktop',
  files: '.facegap-tmp/e2e/desktop/*.test.js',
  workspaceFolder,
  ...(process.env.FACEGAP_VSCODE ? { useInstallation: { fromPath: process.env.FACEGAP_VSCODE } } : {}),
  // Trust off, so that facegap.evaluateFolder may run the model; the user's other extensions off.
  launchArgs: ['--disable-workspace-trust', '--disable-extensions'],
  mocha: { ui: 'tdd', timeout: 180_000 },
});
