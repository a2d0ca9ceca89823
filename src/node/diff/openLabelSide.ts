import type { LabelSideSpec } from '../../core/diff/diffTypes';
import { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { baseName } from '../../core/util/paths';
import { openDatasetFolder, resolveSchemaRef } from '../dataset/openDatasetFolder';
import type { NodeAdapters } from '../nodeAdapters';
import { datasetLabelSide } from './datasetSide';
import type { LabelSide } from './labelSide';
import { maskFolderSide } from './maskFolderSide';
import { runGroundTruthSide, runPredictionsSide } from './runSides';

export type { LabelSide, SideLabel } from './labelSide';

/** Opens one side of a diff: a dataset's labels, a run's ground truth or predictions, or a bare mask folder. */
export async function openLabelSide(spec: LabelSideSpec, adapters: NodeAdapters, signal?: AbortSignal): Promise<LabelSide> {
  const registry = new SchemaRegistry();
  switch (spec.kind) {
    case 'dataset': {
      const { index, choice } = await openDatasetFolder(spec.path, { schema: spec.schema }, adapters, signal);
      const description = `labels of dataset ${baseName(spec.path)} (${index.formatTitle.split(' (')[0]}, ${choice.schema.id})`;
      return datasetLabelSide(spec, index, choice.schema, { description, schemaReason: choice.reason }, adapters);
    }
    case 'run-ground-truth':
      return runGroundTruthSide(spec, registry, adapters, signal);
    case 'run-predictions':
      return runPredictionsSide(spec, registry, adapters);
    case 'masks': {
      const schema = await resolveSchemaRef(spec.schema, registry, adapters.files);
      return maskFolderSide(spec, registry, adapters, schema ? { schema, schemaReason: 'given by the user' } : {});
    }
  }
}
