import type { DatasetItem } from '../dataset/datasetIndex';
import { filesByStem, MASK_EXTENSIONS } from '../dataset/filePairing';
import { interpretMask } from '../dataset/labelLoader';
import type { ContentHasher } from '../ports/contentHasher';
import type { FileAccess } from '../ports/fileAccess';
import type { ImageDecoder } from '../ports/imageDecoder';
import { resizeLabelsNearest } from '../raster/resizeLabels';
import { sameAspect } from '../raster/rgbImage';
import type { Size } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';
import { errorMessage } from '../util/errors';
import { joinPath } from '../util/paths';
import type { PredictionInput, PredictionOutput, PredictionSource } from './predictionSource';

/** Predictions made elsewhere: a folder of masks named like the dataset's images (split sub-folders allowed). */
export class FolderPredictions implements PredictionSource {
  readonly kind = 'folder';
  readonly storesPredictions = false;

  private constructor(
    readonly folder: string,
    readonly schema: LabelSchema,
    private readonly paths: ReadonlyMap<string, string>,
    private readonly deps: { files: FileAccess; decoder: ImageDecoder; hasher: ContentHasher },
  ) {}

  /** Indexes a prediction folder: <folder>/<stem>.png, or <folder>/<split>/<stem>.png for split datasets. */
  static async open(folder: string, schema: LabelSchema, deps: { files: FileAccess; decoder: ImageDecoder; hasher: ContentHasher }): Promise<FolderPredictions> {
    if ((await deps.files.kind(folder)) !== 'dir') throw new Error(`${folder}: prediction folder not found`);
    const paths = new Map<string, string>();
    const entries = await deps.files.list(folder);
    for (const [stem, path] of filesByStem(folder, entries, MASK_EXTENSIONS, [])) paths.set(stem, path);
    for (const sub of entries.filter((e) => e.kind === 'dir')) {
      const dir = joinPath(folder, sub.name);
      for (const [stem, path] of filesByStem(dir, await deps.files.list(dir), MASK_EXTENSIONS, [])) paths.set(`${sub.name}/${stem}`, path);
    }
    return new FolderPredictions(folder, schema, paths, deps);
  }

  /** Hash of the prediction file's bytes. */
  async key(item: DatasetItem, _imageKey: string, _target: Size, signal?: AbortSignal): Promise<string> {
    return this.deps.hasher.hash('pred-file', await this.deps.files.readBytes(this.pathOf(item), signal));
  }

  /** Decodes each item's prediction mask and brings it to the target size (nearest) when the aspect ratio agrees. */
  async predict(inputs: readonly PredictionInput[], signal?: AbortSignal): Promise<Array<PredictionOutput | Error>> {
    return Promise.all(
      inputs.map(async (input) => {
        try {
          const path = this.pathOf(input.item);
          const bytes = await this.deps.files.readBytes(path, signal);
          const { map } = interpretMask(await this.deps.decoder.decodeMask(bytes, path), this.schema, path);
          if (!sameAspect(map, input.target)) {
            throw new Error(`${path}: prediction is ${map.width}×${map.height} but scoring is at ${input.target.width}×${input.target.height} (different aspect ratio)`);
          }
          return { map: resizeLabelsNearest(map, input.target.width, input.target.height), nanPixels: 0 };
        } catch (error) {
          return error instanceof Error ? error : new Error(errorMessage(error));
        }
      }),
    );
  }

  /** Facts for the run record. */
  describe(): Record<string, unknown> {
    return { kind: 'folder', folder: this.folder, schema: this.schema.id, files: this.paths.size };
  }

  private pathOf(item: DatasetItem): string {
    const slash = item.id.lastIndexOf('/');
    const path = this.paths.get(item.id) ?? (slash >= 0 ? this.paths.get(item.id.slice(slash + 1)) : undefined);
    if (!path) throw new Error(`${joinPath(this.folder, item.id)}.png: no prediction file for this image in ${this.folder}`);
    return path;
  }
}
