import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

type Targets = typeof import('../../../scripts/packaging/vsixTargets.mjs', { with: { 'resolution-mode': 'import' } });
type Zip = typeof import('../../../scripts/packaging/zipEntries.mjs', { with: { 'resolution-mode': 'import' } });

const REPO = path.join(__dirname, '../../..');
let t: Targets;
let zip: Zip;
let match: (file: string, pattern: string) => boolean;
before(async () => {
  // The scripts are plain ESM for Node 20, so they are imported, not required.
  t = await import('../../../scripts/packaging/vsixTargets.mjs');
  zip = await import('../../../scripts/packaging/zipEntries.mjs');
  // vsce's own minimatch, so the rules are checked the way vsce applies them.
  const { minimatch } = createRequire(require.resolve('@vscode/vsce/package.json'))('minimatch') as typeof import('minimatch');
  match = (file, pattern) => minimatch(file, pattern, { dot: true });
});

describe('package arguments', () => {
  it('defaults to this machine and dist-vsix, and reads --target and --out in both spellings', () => {
    assert.deepEqual(t.parsePackageArgs([], { platform: 'darwin', arch: 'arm64' }), { target: 'darwin-arm64', outDir: 'dist-vsix', help: false });
    assert.deepEqual(t.parsePackageArgs(['--target', 'win32-x64', '--out=out'], { platform: 'linux', arch: 'x64' }), { target: 'win32-x64', outDir: 'out', help: false });
    assert.deepEqual(t.targetParts('linux-arm64'), { os: 'linux', arch: 'arm64' });
  });

  it('rejects unknown targets, unknown arguments and missing values with the usage', () => {
    assert.throws(() => t.parsePackageArgs(['--target', 'linux-ia32']), /target linux-ia32 is not one of linux-x64, .*\nusage: /);
    assert.throws(() => t.parsePackageArgs([], { platform: 'freebsd', arch: 'x64' }), /target freebsd-x64 is not one of/);
    assert.throws(() => t.parsePackageArgs(['--out']), /--out needs a value/);
    assert.throws(() => t.parsePackageArgs(['--frobnicate']), /unknown argument --frobnicate/);
  });

  it('names the missing sharp package and the npm command that fetches it', () => {
    assert.deepEqual(t.sharpPackages('darwin-arm64'), ['@img/sharp-darwin-arm64', '@img/sharp-libvips-darwin-arm64']);
    assert.deepEqual(t.sharpPackages('win32-x64'), ['@img/sharp-win32-x64'], 'the Windows binding package holds libvips itself');
    assert.match(t.missingPackageMessage('@img/sharp-darwin-arm64', 'darwin-arm64'), /^@img\/sharp-darwin-arm64 is not installed; run npm install --os=darwin --cpu=arm64 .*sharp/);
  });
});

describe('the generated ignore file', () => {
  const packaged = (target: string, files: readonly string[]): string[] => {
    const text = t.ignoreFileFor(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), target);
    return files.filter((f) => t.packagedBy(text, f, match));
  };
  const ort = (os: string, arch: string) => `node_modules/onnxruntime-node/bin/napi-v6/${os}/${arch}/onnxruntime_binding.node`;

  it('for linux-x64 keeps the linux/x64 onnxruntime binaries and sharp packages and excludes every other platform', () => {
    const own = [ort('linux', 'x64'), 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1', 'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node', 'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7'];
    const foreign = [ort('darwin', 'arm64'), ort('win32', 'x64'), ort('win32', 'arm64'), ort('linux', 'arm64'), 'node_modules/@img/sharp-darwin-arm64/lib/sharp.node', 'node_modules/@img/sharp-linuxmusl-x64/lib/sharp.node', 'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll'];
    assert.deepEqual(packaged('linux-x64', [...own, ...foreign]), own);
    const text = t.ignoreFileFor('**\n', 'linux-x64');
    for (const line of ['node_modules/onnxruntime-node/bin/napi-v*/darwin/arm64/**', 'node_modules/onnxruntime-node/bin/napi-v*/win32/x64/**', 'node_modules/@img/sharp-darwin-arm64/**']) {
      assert.ok(text.split('\n').includes(line), `excludes ${line}`);
    }
  });

  it('for win32-arm64 keeps only the win32/arm64 binaries', () => {
    const files = [ort('win32', 'arm64'), ort('win32', 'x64'), ort('linux', 'x64'), 'node_modules/@img/sharp-win32-arm64/lib/sharp.node', 'node_modules/@img/sharp-linux-x64/lib/sharp.node'];
    assert.deepEqual(packaged('win32-arm64', files), [ort('win32', 'arm64'), 'node_modules/@img/sharp-win32-arm64/lib/sharp.node']);
  });

  it('keeps the runtime files and leaves out sources, source maps, dev and install-only modules', () => {
    const kept = ['package.json', 'README.md', 'media/screenshot-report.png', 'dist/cli.js', 'dist/evalProcess.js', 'dist/browseWorker.js', 'dist/webview/report.js', 'models/facegap-parser-small.onnx', 'models/facegap-parser-small.facegap.json',
      'node_modules/onnxruntime-node/package.json', 'node_modules/onnxruntime-node/dist/index.js', 'node_modules/onnxruntime-common/dist/cjs/index.js', 'node_modules/sharp/dist/index.cjs', 'node_modules/@img/colour/index.cjs',
      'node_modules/detect-libc/lib/detect-libc.js', 'node_modules/semver/index.js', 'node_modules/fast-png/lib/index.js', 'node_modules/iobuffer/lib/IOBuffer.js', 'node_modules/fflate/lib/index.cjs'];
    const dropped = ['dist/cli.js.map', 'src/cli/main.ts', 'test/unit/x.test.ts', 'models/facegap-parser-small.training.json', 'models/README.md', 'package-lock.json', 'node_modules/adm-zip/adm-zip.js',
      'node_modules/global-agent/package.json', 'node_modules/esbuild/package.json', 'node_modules/@vscode/vsce/package.json', 'samples/README.md', '.facegap-demo/report.html', 'dist-vsix/facegap-0.1.0-linux-x64.vsix'];
    assert.deepEqual(packaged('linux-x64', [...kept, ...dropped]), kept);
  });
});

describe('checks on the VSIX listing', () => {
  const own = ['extension/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node', 'extension/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node', 'extension/node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7'];

  it('finds foreign binaries and stray native files, and the target binaries that are missing', () => {
    const stray = ['extension/node_modules/onnxruntime-node/bin/napi-v6/darwin/arm64/libonnxruntime.1.dylib', 'extension/node_modules/@img/sharp-libvips-darwin-arm64/package.json', 'extension/node_modules/other/prebuilt/thing.node'];
    assert.deepEqual(t.foreignEntries([...own, 'extension/dist/cli.js', ...stray], 'linux-x64'), stray);
    assert.deepEqual(t.missingNativeEntries(own, 'linux-x64'), []);
    assert.deepEqual(t.missingNativeEntries(own.slice(1), 'linux-x64'), ["onnxruntime-node's linux-x64 binding"]);
    assert.deepEqual(t.missingNativeEntries(own, 'win32-x64'), ["onnxruntime-node's win32-x64 binding", '@img/sharp-win32-x64']);
  });

  it('lists a zip from its central directory', () => {
    const entries = zip.zipEntries(centralDirectoryOnly([{ name: 'extension/package.json', size: 1619, compressedSize: 700 }, { name: 'extension/dist/cli.js', size: 199013, compressedSize: 50000 }]));
    assert.deepEqual(entries, [{ name: 'extension/package.json', compressedSize: 700, size: 1619 }, { name: 'extension/dist/cli.js', compressedSize: 50000, size: 199013 }]);
    assert.throws(() => zip.zipEntries(Buffer.from('not a zip at all, just some text that is long enough')), /not a zip file/);
  });
});

/** A zip reduced to what the lister reads: central directory entries and the end record. */
function centralDirectoryOnly(files: ReadonlyArray<{ name: string; size: number; compressedSize: number }>): Buffer {
  const central = files.map((f) => {
    const name = Buffer.from(f.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt32LE(f.compressedSize, 20);
    header.writeUInt32LE(f.size, 24);
    header.writeUInt16LE(name.length, 28);
    return Buffer.concat([header, name]);
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(0, 16);
  return Buffer.concat([...central, end]);
}
