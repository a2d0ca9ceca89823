import { UnrecognisedDatasetError } from '../core/dataset/openDataset';
import { SchemaUnknownError } from '../core/dataset/inferDatasetSchema';
import { ModelSpecError } from '../core/model/resolveModelSpec';
import { errorMessage, isAbortError } from '../core/util/errors';
import { facegapPackageJson } from '../node/environmentInfo';
import { EXIT, UsageError } from './cliErrors';
import { diffCommand } from './commands/diffCommand';
import { distCommand } from './commands/distCommand';
import { evalCommand } from './commands/evalCommand';
import { infoCommand } from './commands/infoCommand';
import { mergeCommand } from './commands/mergeCommand';
import { presetsCommand } from './commands/presetsCommand';
import { sampleCommand } from './commands/sampleCommand';
import { reportCommand } from './commands/reportCommand';
import { schemasCommand } from './commands/schemasCommand';
import type { TerminalOutput } from './terminalOutput';
import { processOutput } from './terminalOutput';

const HELP = `FaceGap: how far a face-parsing model or dataset is from another, and why.

Usage: facegap <command> [options]

Commands:
  info <dataset>                 detect the layout and schema; classes, sizes, landmarks, problems
  eval <dataset> --model m.onnx  evaluate an ONNX face-parsing model (or --pred <folder>)
  diff <A> [<B>]                 how two label sources' annotation conventions differ (a run: gt vs predictions)
  dist <A> <B>                   how two datasets' content differs: attributes, matching weights, feature distances
  report <run>... --out r.html   one self-contained HTML page comparing eval run folders
  merge <shard>... --out <dir>   combine the folders of eval or dist --shard i/n into one result
  schemas [id]                   list the label schemas, or show one with its classes
  crosswalk <from> <to>          show how classes of one schema map onto another
  presets                        list the model presets
  sample <out>                   generate a labelled sample with FaceGap's face generator

Run "facegap <command> --help" for the options of a command.`;

type Command = (argv: readonly string[], output: TerminalOutput, signal: AbortSignal) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  info: infoCommand,
  eval: evalCommand,
  diff: diffCommand,
  dist: distCommand,
  report: reportCommand,
  merge: mergeCommand,
  schemas: schemasCommand,
  crosswalk: (argv, output) => schemasCommand(['--crosswalk', ...argv], output),
  presets: presetsCommand,
  sample: sampleCommand,
};

/** Runs the CLI with arguments (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], output: TerminalOutput = processOutput(), signal: AbortSignal = new AbortController().signal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return output.out(HELP), EXIT.ok;
  if (name === '--version' || name === '-v') return output.out(facegapPackageJson().version), EXIT.ok;
  const command = COMMANDS[name];
  if (!command) return output.err(`facegap: unknown command "${name}"\n\n${HELP}`), EXIT.usage;
  try {
    return await command(rest, output, signal);
  } catch (error) {
    return reportError(error, name, output, signal);
  }
}

function reportError(error: unknown, command: string, output: TerminalOutput, signal: AbortSignal): number {
  if (isAbortError(error) && signal.aborted) {
    output.err('facegap: stopped; finished results are kept. Run the same command again to resume.');
    return EXIT.interrupted;
  }
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (usage) {
    output.err(`facegap ${command}: ${errorMessage(error)}\nRun "facegap ${command} --help" for the options.`);
    return EXIT.usage;
  }
  const known = error instanceof UnrecognisedDatasetError || error instanceof SchemaUnknownError || error instanceof ModelSpecError;
  output.err(`facegap ${command}: error: ${errorMessage(error)}`);
  if (!known && process.env.FACEGAP_DEBUG && error instanceof Error && error.stack) output.err(error.stack);
  return EXIT.failed;
}

/** Ctrl-C once stops after the current batch; twice quits at once (finished results are already on disk). */
function installInterruptHandler(output: TerminalOutput): AbortSignal {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    output.err('\nstopping after the current batch… (Ctrl-C again to quit now)');
    controller.abort(new DOMException('interrupted by the user', 'AbortError'));
  });
  return controller.signal;
}

if (require.main === module) {
  // A closed pipe (facegap … | head) ends the output, not the program with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  });
  const output = processOutput();
  main(process.argv.slice(2), output, installInterruptHandler(output)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      output.err(`facegap: internal error: ${errorMessage(error)}`);
      process.exitCode = EXIT.failed;
    },
  );
}
