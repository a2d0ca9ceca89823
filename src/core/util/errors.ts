/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when an error comes from an AbortSignal. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Splits "path/to/file.png: what went wrong" into the file and the reason; other messages keep `fallbackFile`. */
export function fileAndReason(message: string, fallbackFile: string): { file: string; reason: string } {
  const colon = message.indexOf(': ');
  const named = colon > 0 ? message.slice(0, colon) : '';
  const looksLikePath = named.length > 0 && /[\\/.]/.test(named) && !/\s$/.test(named);
  return looksLikePath ? { file: named, reason: message.slice(colon + 2) } : { file: fallbackFile, reason: message };
}
