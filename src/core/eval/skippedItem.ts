import type { DatasetItem } from '../dataset/datasetIndex';
import { errorMessage } from '../util/errors';
import type { SkippedItem } from './evalTypes';

/** Describes a failed item, naming the file its error message starts with (else the image). */
export function skippedFrom(item: DatasetItem, error: unknown): SkippedItem {
  const message = errorMessage(error);
  const colon = message.indexOf(': ');
  const named = colon > 0 ? message.slice(0, colon) : '';
  const file = named.length > 0 && !/\s/.test(named.slice(-1)) && /[\\/.]/.test(named) ? named : item.imagePath;
  return { id: item.id, file, reason: file === named ? message.slice(colon + 2) : message };
}
