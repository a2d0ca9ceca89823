import type { FaceGapServices } from '../faceGapServices';
import { DiffPanel } from './diffPanel';
import { FolderPanels } from './folderPanels';

/** The open label-diff panels, one per diff folder. */
export type DiffPanels = FolderPanels<DiffPanel>;

/** Registers the label-diff panels (and their restoring after a window reload). */
export function createDiffPanels(services: FaceGapServices): DiffPanels {
  return new FolderPanels(DiffPanel.viewType, (dir, restored) => new DiffPanel(services, dir, restored));
}
