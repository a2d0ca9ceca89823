import { listModelPresets } from '../../core/model/modelPresets';
import { EXIT, UsageError } from '../cliErrors';
import type { TerminalOutput } from '../terminalOutput';

/** Runs `facegap presets`: the model presets with what each sets. */
export async function presetsCommand(argv: readonly string[], output: TerminalOutput): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.out('Usage: facegap presets [--json]\n\nLists the model presets that --preset accepts, with the spec fields each sets.');
    return EXIT.ok;
  }
  const unknown = argv.find((a) => a !== '--json');
  if (unknown !== undefined) throw new UsageError(`unknown argument "${unknown}"`);
  const presets = listModelPresets();
  if (argv.includes('--json')) {
    output.out(JSON.stringify(presets, null, 2));
    return EXIT.ok;
  }
  for (const preset of presets) {
    output.out(`${preset.name}`);
    output.out(`  ${preset.description}`);
  }
  return EXIT.ok;
}
