import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_PROFILES } from '../../core/synth/sampleProfiles';
import { writeSampleDataset } from '../../node/synth/writeSampleDataset';
import { EXIT, UsageError, wholeNumberOption } from '../cliErrors';
import { ProgressBar } from '../progressBar';
import type { TerminalOutput } from '../terminalOutput';

/** Help text of `facegap sample`. */
export const SAMPLE_HELP = `Usage: facegap sample <out-folder> [options]

Generates a labelled face-parsing sample with FaceGap's procedural face generator: the same
profile, seed, count and size always give the same files. An earlier sample in the
folder is replaced; any other non-empty folder is refused.

Profiles:
${[...SAMPLE_PROFILES.values()].map((p) => `  ${p.id.padEnd(17)} ${p.title}`).join('\n')}

Options:
  --profile <id>     synthetic (default), real-style or real-style-exact
  --count <n>        number of images (default 120)
  --seed <n>         seed (default 1)
  --size <px>        square image size (default 256)
  --json             print the manifest (what was drawn per image) as JSON
  --no-progress      no progress bar`;

const OPTIONS = {
  profile: { type: 'string', default: 'synthetic' },
  count: { type: 'string', default: '120' },
  seed: { type: 'string', default: '1' },
  size: { type: 'string', default: '256' },
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `facegap sample`. */
export async function sampleCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) return output.out(SAMPLE_HELP), EXIT.ok;
  if (positionals.length !== 1) throw new UsageError('facegap sample takes exactly one output folder');
  const profile = SAMPLE_PROFILES.get(values.profile);
  if (!profile) throw new UsageError(`unknown profile "${values.profile}"; choose ${[...SAMPLE_PROFILES.keys()].join(', ')}`);
  const request = {
    profile,
    count: wholeNumberOption('count', values.count, 1, 100_000),
    seed: wholeNumberOption('seed', values.seed, 0, 0xffffffff),
    size: wholeNumberOption('size', values.size, 64, 2048),
  };
  const out = path.resolve(positionals[0]);
  const bar = values['no-progress'] ? undefined : new ProgressBar(output, 'generating');
  const started = performance.now();
  const manifest = await writeSampleDataset(out, request, signal, (done) => bar?.update(done, request.count, (performance.now() - started) / 1000));
  if (values.json) return output.out(JSON.stringify(manifest, null, 2)), EXIT.ok;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.out(`${manifest.count} ${profile.id} images (${request.size}×${request.size}, seed ${request.seed}, ${profile.layout} layout) written to ${out} in ${seconds} s`);
  return EXIT.ok;
}
