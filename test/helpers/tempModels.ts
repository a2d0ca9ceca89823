import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A temporary folder for test models, outside the repository, and a way to remove it. */
export interface TempDir {
  readonly dir: string;
  /** Writes a file into the folder and returns its path. */
  write(name: string, data: Uint8Array | string): string;
  remove(): void;
}

/** Creates a fresh temporary folder under the OS temp dir. */
export function makeTempDir(prefix = 'facegap-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write: (name, data) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
