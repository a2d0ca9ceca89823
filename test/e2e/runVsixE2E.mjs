// The same end-to-end scenario against the packaged extension: builds this platform's VSIX with npm run package,
// unpacks it, and runs runE2E.mjs with the unpacked folder as the extension under test, so what ships (the
// production bundles, the whitelisted runtime modules and native binaries) is what runs. Artefacts go to
// test-artifacts/e2e-vsix/. Usage: node test/e2e/runVsixE2E.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, say } from './driverCommon.mjs';

const WORK = join(REPO, '.facegap-tmp', 'vsix-e2e');

function step(what, command, args, env = {}) {
  say(what);
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (${result.signal ?? `exit code ${result.status}`})`);
}

function main() {
  if (!['/usr/bin/chromium', process.env.FACEGAP_CHROMIUM].some((p) => p && existsSync(p)) && process.env.FACEGAP_REQUIRE_BROWSER !== '1') {
    say('SKIPPED: no Chromium; install Debian chromium to run the packaged-extension test');
    return;
  }
  rmSync(WORK, { recursive: true, force: true });
  step('packaging the VSIX for this platform (npm run package)', process.execPath, [join(REPO, 'scripts', 'packageVsix.mjs'), '--out', WORK]);
  const vsix = readdirSync(WORK).find((name) => name.endsWith('.vsix'));
  if (!vsix) throw new Error(`no .vsix in ${WORK}`);
  const unpacked = join(WORK, 'unpacked');
  // A VSIX is a zip; Python's zipfile (python3 is on every CI image here) keeps this free of another npm dependency.
  step(`unpacking ${vsix}`, 'python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', join(WORK, vsix), unpacked]);
  step('end-to-end scenario against the unpacked VSIX', process.execPath, [join(REPO, 'test', 'e2e', 'runE2E.mjs')], {
    FACEGAP_E2E_EXTENSION: join(unpacked, 'extension'),
    FACEGAP_E2E_ARTIFACTS: join(REPO, 'test-artifacts', 'e2e-vsix'),
    FACEGAP_E2E_NO_BUILD: '1',
  });
  // npm run package leaves the minified production build in dist/; put the development build back.
  step('restoring the development build', process.execPath, [join(REPO, 'esbuild.mjs')]);
}

try {
  main();
} catch (error) {
  console.error(`[vsix-e2e] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
