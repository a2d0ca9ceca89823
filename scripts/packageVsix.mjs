// `npm run package`: builds for production and packages a platform-specific VSIX holding only that platform's
// native binaries. Usage: node scripts/packageVsix.mjs [--target linux-x64|…] [--out dir]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foreignEntries, ignoreFileFor, missingNativeEntries, missingPackageMessage, parsePackageArgs, sharpPackages, targetParts, USAGE } from './packaging/vsixTargets.mjs';
import { zipEntries } from './packaging/zipEntries.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Fails before building when the target's sharp or onnxruntime binaries are not installed. */
function checkNativePackages(target) {
  const sharp = readJson(path.join(REPO, 'node_modules/sharp/package.json'));
  for (const pkg of sharpPackages(target)) {
    const manifest = path.join(REPO, 'node_modules', pkg, 'package.json');
    if (!fs.existsSync(manifest)) throw new Error(missingPackageMessage(pkg, target));
    const want = sharp.optionalDependencies?.[pkg];
    const have = readJson(manifest).version;
    if (want && /^\d+\.\d+\.\d+$/.test(want) && want !== have) {
      throw new Error(`${pkg} ${have} is installed, but sharp ${sharp.version} needs ${want}; run npm install again`);
    }
  }
  const { os: targetOs, arch } = targetParts(target);
  const bin = path.join(REPO, 'node_modules/onnxruntime-node/bin');
  const napis = fs.existsSync(bin) ? fs.readdirSync(bin).filter((d) => d.startsWith('napi-v')) : [];
  if (!napis.some((d) => fs.existsSync(path.join(bin, d, targetOs, arch, 'onnxruntime_binding.node')))) {
    const shipped = napis.flatMap((d) => fs.readdirSync(path.join(bin, d)).flatMap((o) => fs.readdirSync(path.join(bin, d, o)).map((a) => `${o}-${a}`)));
    const version = readJson(path.join(REPO, 'node_modules/onnxruntime-node/package.json')).version;
    throw new Error(`onnxruntime-node ${version} has no binary for ${target} (it ships ${[...new Set(shipped)].join(', ') || 'none'}); choose another target`);
  }
}

function run(what, args) {
  console.log(`> ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status ?? result.signal})`);
}

/** Runs vsce with a generated ignore file: npm's dependency list decides which node_modules it sees, the file which it keeps. */
function packageWithVsce(target, vsix) {
  const ignoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'facegap-vsix-'));
  const ignoreFile = path.join(ignoreDir, `.vscodeignore-${target}`);
  try {
    fs.writeFileSync(ignoreFile, ignoreFileFor(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), target));
    const require = createRequire(path.join(REPO, 'package.json'));
    const vscePackage = require.resolve('@vscode/vsce/package.json');
    const vsce = path.join(path.dirname(vscePackage), readJson(vscePackage).bin.vsce);
    fs.mkdirSync(path.dirname(vsix), { recursive: true });
    // --no-dependencies would leave node_modules out entirely (vsce then globs the root with node_modules/** ignored).
    run(`vsce package --target ${target}`, [
      vsce, 'package', '--target', target, '--out', vsix, '--ignoreFile', ignoreFile, '--no-yarn',
      '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links',
    ]);
  } finally {
    fs.rmSync(ignoreDir, { recursive: true, force: true });
  }
}

/** Lists the VSIX; deletes it and fails when another platform's binary slipped in or the target's is missing. */
function verify(vsix, target) {
  const entries = zipEntries(fs.readFileSync(vsix));
  const names = entries.map((e) => e.name);
  const foreign = foreignEntries(names, target);
  const missing = missingNativeEntries(names, target);
  if (foreign.length > 0 || missing.length > 0) {
    fs.rmSync(vsix, { force: true });
    const lines = [...foreign.slice(0, 10).map((f) => `  foreign: ${f}`), ...missing.map((m) => `  missing: ${m}`)];
    throw new Error(`the VSIX for ${target} is wrong and was deleted:\n${lines.join('\n')}`);
  }
  return entries;
}

function report(vsix, entries) {
  const groups = new Map();
  for (const e of entries) {
    const parts = e.name.replace(/^extension\//, '').split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : parts.length > 1 ? `${parts[0]}/` : parts[0];
    groups.set(key, (groups.get(key) ?? 0) + e.size);
  }
  console.log(`\n${path.relative(process.cwd(), vsix)}: ${MB(fs.statSync(vsix).size)}, ${entries.length} files, ${MB(entries.reduce((s, e) => s + e.size, 0))} unpacked`);
  console.log('\ncontents (unpacked size):');
  for (const [key, size] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${MB(size).padStart(9)}  ${key}`);
  console.log('\nbiggest files:');
  for (const e of [...entries].sort((a, b) => b.size - a.size).slice(0, 10)) console.log(`  ${MB(e.size).padStart(9)}  ${e.name}`);
}

function main() {
  const options = parsePackageArgs(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const manifest = readJson(path.join(REPO, 'package.json'));
  const vsix = path.resolve(options.outDir, `${manifest.name}-${manifest.version}-${options.target}.vsix`);
  checkNativePackages(options.target);
  run('node esbuild.mjs --production', [path.join(REPO, 'esbuild.mjs'), '--production']);
  packageWithVsce(options.target, vsix);
  report(vsix, verify(vsix, options.target));
}

try {
  main();
} catch (error) {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
