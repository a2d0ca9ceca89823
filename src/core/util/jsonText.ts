/** Parses JSON text read from `file`; a syntax error becomes an Error "<file>: not valid JSON (…)". */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
