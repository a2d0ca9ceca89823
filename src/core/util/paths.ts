/** Joins path parts with '/', which Node accepts on every platform. */
export function joinPath(...parts: string[]): string {
  const kept = parts.filter((p) => p.length > 0);
  return kept
    .map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') || p : p.replace(/^[\\/]+|[\\/]+$/g, '')))
    .join('/');
}

/** The last component of a path. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return trimmed.slice(cut + 1);
}

/** A file name without its last extension ("a.b.png" → "a.b"). */
export function stemOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The lower-case extension of a file name without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
