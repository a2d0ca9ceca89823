import { joinPath } from '../util/paths';

/** File names inside a run folder. */
export const RUN_FILES = {
  run: 'run.json',
  journal: 'images.jsonl',
  confusion: 'confusion.json',
  confusionCsv: 'confusion.csv',
  predictions: 'pred',
} as const;

/** Paths of one run folder. */
export class RunLayout {
  constructor(readonly dir: string) {}

  /** Absolute path of a file in the run folder. */
  file(name: string): string {
    return joinPath(this.dir, name);
  }

  /** Relative path of an item's prediction PNG; ids keep their split folders, unsafe characters become "_" plus a hash. */
  predictionFile(itemId: string): string {
    const safe = itemId
      .split('/')
      .map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_'))
      .join('/');
    const unique = safe === itemId ? safe : `${safe}~${fnv1a(itemId)}`;
    return `${RUN_FILES.predictions}/${unique}.png`;
  }
}

/** 32-bit FNV-1a of a string, as 8 hex digits; keeps sanitised file names apart. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
