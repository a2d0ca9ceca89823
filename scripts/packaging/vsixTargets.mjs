// The pure parts of `npm run package`: targets, arguments, the generated ignore file, and checks on the VSIX listing.

/** The platforms a VSIX can be built for (VS Code's target names). */
export const TARGETS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'];

/** The usage line of scripts/packageVsix.mjs. */
export const USAGE = `usage: node scripts/packageVsix.mjs [--target ${TARGETS.join('|')}] [--out dir]`;

/** Splits "darwin-arm64" into its OS and CPU. */
export function targetParts(target) {
  const [os, arch] = target.split('-');
  return { os, arch };
}

/** Reads --target and --out (default: this machine's target and dist-vsix); throws with the usage on anything else. */
export function parsePackageArgs(argv, host = { platform: process.platform, arch: process.arch }) {
  const options = { target: `${host.platform}-${host.arch}`, outDir: 'dist-vsix', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') options.help = true;
    else if (name === '--target' || name === '--out') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new Error(`${name} needs a value\n${USAGE}`);
      options[name === '--target' ? 'target' : 'outDir'] = value;
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!TARGETS.includes(options.target)) throw new Error(`target ${options.target} is not one of ${TARGETS.join(', ')}\n${USAGE}`);
  return options;
}

/** The sharp packages a target needs: its binding, and libvips except on Windows, where the binding package holds the DLLs. */
export function sharpPackages(target) {
  const { os } = targetParts(target);
  return os === 'win32' ? [`@img/sharp-${target}`] : [`@img/sharp-${target}`, `@img/sharp-libvips-${target}`];
}

/** What to say when a native package of the target is not installed. */
export function missingPackageMessage(pkg, target) {
  const { os, arch } = targetParts(target);
  return (
    `${pkg} is not installed; run npm install --os=${os} --cpu=${arch} --include=optional sharp (npm 10.1 or later) ` +
    `to package for ${target}, or package on a ${target} machine (afterwards npm install restores this machine's packages)`
  );
}

/**
 * The ignore file for one target: the repository's .vscodeignore (a whitelist) plus the target's native binaries.
 * vsce packages a file that matches any "!" line whatever else matches, so other platforms' binaries are kept out by
 * never being whitelisted; the exclusion lines for them document that and guard against a broader base file.
 */
export function ignoreFileFor(base, target) {
  const { os, arch } = targetParts(target);
  const others = TARGETS.filter((t) => t !== target);
  const lines = [
    base.trimEnd(),
    '',
    `# Added by scripts/packageVsix.mjs for ${target}: this platform's native binaries only.`,
    ...TARGETS.map((t) => targetParts(t)).filter((t) => t.os !== os || t.arch !== arch).map((t) => `node_modules/onnxruntime-node/bin/napi-v*/${t.os}/${t.arch}/**`),
    ...others.flatMap((t) => sharpPackages(t)).map((p) => `node_modules/${p}/**`),
    `!node_modules/onnxruntime-node/bin/napi-v*/${os}/${arch}/**`,
    ...sharpPackages(target).map((p) => `!node_modules/${p}/**`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Whether vsce packages `file` under the ignore file's lines, as vsce 3 decides: a file is left out when it matches
 * an ignore pattern and no "!" pattern; a pattern with no "*" in its last segment also covers a folder of that name.
 * `match(file, pattern)` is minimatch with { dot: true }.
 */
export function packagedBy(ignoreText, file, match) {
  const raw = ignoreText.split(/[\n\r]/).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
  const all = [...raw, ...raw.filter((p) => !/(^|\/)[^/]*\*[^/]*$/.test(p)).map((p) => (p.endsWith('/') ? `${p}**` : `${p}/**`))];
  const ignore = all.filter((p) => !p.startsWith('!'));
  const negate = all.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return !ignore.some((p) => match(file, p)) || negate.some((p) => match(file, p));
}

const NATIVE_FILE = /\.(node|so(\.\d+)*|dylib|dll)$/i;

/** Entries (paths inside the VSIX) that belong to another platform: other onnxruntime or sharp binaries, stray native files. */
export function foreignEntries(entries, target) {
  const { os, arch } = targetParts(target);
  const ownSharp = sharpPackages(target).map((p) => `node_modules/${p}/`);
  return entries.filter((entry) => {
    const path = entry.replace(/^extension\//, '');
    const ort = /^node_modules\/onnxruntime-node\/bin\/napi-v\d+\/([^/]+)\/([^/]+)\//.exec(path);
    if (ort) return ort[1] !== os || ort[2] !== arch;
    if (/^node_modules\/@img\/sharp-/.test(path)) return !ownSharp.some((p) => path.startsWith(p));
    return NATIVE_FILE.test(path);
  });
}

/** The target's binaries a VSIX must hold; returns the ones missing from the entries. */
export function missingNativeEntries(entries, target) {
  const { os, arch } = targetParts(target);
  const paths = entries.map((e) => e.replace(/^extension\//, ''));
  const wanted = [
    { what: `onnxruntime-node's ${target} binding`, test: (p) => new RegExp(`^node_modules/onnxruntime-node/bin/napi-v\\d+/${os}/${arch}/onnxruntime_binding\\.node$`).test(p) },
    ...sharpPackages(target).map((pkg) => ({ what: pkg, test: (p) => p.startsWith(`node_modules/${pkg}/`) && NATIVE_FILE.test(p) })),
  ];
  return wanted.filter((w) => !paths.some(w.test)).map((w) => w.what);
}
