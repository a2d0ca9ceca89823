import { idCounts, readMaskInSchema } from '../../core/browse/maskSchema';
import type { FileAccess } from '../../core/ports/fileAccess';
import type { ImageDecoder } from '../../core/ports/imageDecoder';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { baseName } from '../../core/util/paths';
import type { MaskSnapshot } from '../../protocol/maskViewMessages';
import { schemaView } from './schemaView';

/**
 * Reads a label PNG for the mask viewer: class ids, palette indices or schema colours, read in the schema that fits it
 * best (registry order breaks ties, built-ins first). Throws an Error naming the file when it cannot be read or is a
 * picture rather than a mask.
 */
export async function readMaskFile(file: string, registry: SchemaRegistry, adapters: { files: FileAccess; decoder: ImageDecoder }): Promise<MaskSnapshot> {
  const decoded = await adapters.decoder.decodeMask(await adapters.files.readBytes(file), file);
  const reading = readMaskInSchema(decoded, registry.list(), file);
  const { width, height, data } = reading.map;
  return {
    file: baseName(file),
    pixels: { width, height, ids: data },
    schema: schemaView(reading.schema),
    schemaReason: reading.reason,
    counts: idCounts(data),
    notes: reading.notes,
  };
}
