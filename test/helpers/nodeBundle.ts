import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../..');

/** Node entries bundled side by side into a fresh folder, as in dist/. */
export interface NodeBundle {
  readonly dir: string;
  /** The bundled file of an entry: `<dir>/<name>.js`. */
  file(name: string): string;
  remove(): void;
}

/**
 * Bundles the entries (name → source path relative to the repository) into a fresh folder under .facegap-tmp/ (inside
 * the repository, so the external native modules resolve from node_modules), without touching dist/, which other
 * tests rebuild concurrently.
 */
export async function buildNodeBundle(prefix: string, entries: Readonly<Record<string, string>>): Promise<NodeBundle> {
  const parent = path.join(REPO, '.facegap-tmp');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, path.join(REPO, source)])),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sharp', 'onnxruntime-node', 'vscode'],
    logLevel: 'error',
  });
  return { dir, file: (name) => path.join(dir, `${name}.js`), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
