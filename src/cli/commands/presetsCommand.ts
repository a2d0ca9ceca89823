import { listModelPresets } from '../../core/model/modelPresets';
import { EXIT } from '../cliErrors';
import type { TerminalOutput } from '../terminalOutput';

/** Runs `facegap presets`: the model presets with what each sets. */
export async function presetsCommand(argv: readonly string[], output: TerminalOutput): Promise<number> {
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
