import type { DatasetItem } from '../dataset/datasetIndex';
import { errorMessage, fileAndReason } from '../util/errors';
import type { SkippedItem } from './evalTypes';

/** Describes a failed item, naming the file its error message starts with (else the image). */
export function skippedFrom(item: DatasetItem, error: unknown): SkippedItem {
  return { id: item.id, ...fileAndReason(errorMessage(error), item.imagePath) };
}
