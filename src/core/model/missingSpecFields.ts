/** A spec field a model still needs, as a form asks for it. */
export interface MissingSpecField {
  /** The CLI flag name without dashes, e.g. "input-size" or "model-schema". */
  readonly flag: string;
  /** Where the answer goes in ModelSpecFlagValues: the flag name, except "schema" for --model-schema. */
  readonly key: string;
  /** An example value, e.g. "512x512". */
  readonly example: string;
  /** The problem line, e.g. "input size: the model's input is [1,3,h,w]…". */
  readonly problem: string;
}

/**
 * Reads the fields a ModelSpecError message asks for ("… pass --input-size 512x512 …", one problem per "  - " line),
 * so a UI can ask for exactly those; the first flag a line names is the one asked for.
 */
export function missingSpecFields(message: string): MissingSpecField[] {
  const fields: MissingSpecField[] = [];
  for (const line of message.split('\n')) {
    const match = /^\s*-\s+(.*\bpass --([a-z][a-z-]*) (\S+?)[,;)]?(?:\s.*)?)$/.exec(line);
    if (!match) continue;
    const [, problem, flag, example] = match;
    if (!fields.some((f) => f.flag === flag)) fields.push({ flag, key: flagValueKey(flag), example, problem: problem.trim() });
  }
  return fields;
}

/** The ModelSpecFlagValues key a CLI flag sets (parseModelSpecFlags reads the model's schema as "schema"). */
export function flagValueKey(flag: string): string {
  return flag === 'model-schema' ? 'schema' : flag;
}
