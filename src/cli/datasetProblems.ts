import type { DatasetProblem } from '../core/dataset/datasetIndex';
import type { TerminalOutput } from './terminalOutput';

/** Problems printed one by one; the rest are counted, since facegap info lists them all. */
const SHOWN = 20;

/** Warns on stderr about files the dataset's layout leaves out (unpaired, duplicate stems, broken links), naming each. */
export function printDatasetProblems(problems: readonly DatasetProblem[], root: string, output: TerminalOutput): void {
  for (const p of problems.slice(0, SHOWN)) output.err(`warning: ${p.file}: ${p.problem}`);
  if (problems.length > SHOWN) output.err(`warning: … and ${problems.length - SHOWN} more problems in ${root}; facegap info ${root} lists them all`);
}
