import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { manifestMatches, SAMPLE_MANIFEST } from '../core/synth/sampleManifest';
import type { FaceGapServices } from './faceGapServices';

/** The bundled samples: generated on first use by FaceGap's own face generator, the same as `npm run demo` makes. */
const PROFILES = [
  { id: 'synthetic', label: 'Synthetic faces', detail: 'FaceSynthetics layout: frontal, tightly framed, few accessories, precise labels' },
  { id: 'real-style', label: 'Real-style faces', detail: 'CelebAMask-HQ layout: varied pose, framing and accessories, coarser human-style labels' },
] as const;
const SAMPLE = { seed: 1, count: 120, size: 256 };

/** Generates (once) and finds the sample datasets in the extension's global storage. */
export class SampleDatasets {
  constructor(private readonly services: FaceGapServices) {}

  /** The folder of a sample profile, generated when missing or outdated; asks for the profile when none is given; undefined when dismissed or when generating failed (the error is shown). */
  async ensure(profile?: string): Promise<string | undefined> {
    const id = profile ?? (await this.pickProfile());
    if (!id) return undefined;
    if (!PROFILES.some((p) => p.id === id)) throw new Error(`unknown sample profile "${id}" (known: ${PROFILES.map((p) => p.id).join(', ')})`);
    const dir = path.join(this.services.context.globalStorageUri.fsPath, 'samples', id);
    if (isCurrent(dir, id)) return dir;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `FaceGap: generating the ${id} sample (${SAMPLE.count} faces)`, cancellable: false },
        () => this.generate(dir, id),
      );
      return dir;
    } catch (error) {
      const message = `FaceGap could not generate the ${id} sample in ${dir}: ${error instanceof Error ? error.message : String(error)}`;
      this.services.output.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((answer) => answer && this.services.output.show());
      return undefined;
    }
  }

  private async pickProfile(): Promise<string | undefined> {
    const picked = await vscode.window.showQuickPick(
      PROFILES.map((p) => ({ label: p.label, detail: p.detail, id: p.id })),
      { title: 'FaceGap: open which sample dataset?' },
    );
    return picked?.id;
  }

  /** Runs `facegap sample` in a child process so the extension host stays responsive. */
  private generate(dir: string, profile: string): Promise<void> {
    const cli = path.join(this.services.extensionUri.fsPath, 'dist', 'cli.js');
    const args = ['sample', dir, '--profile', profile, '--seed', String(SAMPLE.seed), '--count', String(SAMPLE.count), '--size', String(SAMPLE.size), '--no-progress'];
    return new Promise((resolve, reject) => {
      const child = fork(cli, args, { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => this.services.output.info(chunk.toString().trimEnd()));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`facegap sample ${profile} failed (${signal ?? `exit code ${code}`}): ${errors.trim().split('\n').slice(-5).join(' ')}`));
      });
    });
  }
}

function isCurrent(dir: string, profile: string): boolean {
  const file = path.join(dir, SAMPLE_MANIFEST);
  return fs.existsSync(file) && manifestMatches(fs.readFileSync(file, 'utf8'), { profile, ...SAMPLE });
}
