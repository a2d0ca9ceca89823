import type { FaceGapServices } from '../faceGapServices';
import { DistributionPanel } from './distributionPanel';
import { FolderPanels } from './folderPanels';

/** The open distribution panels, one per distribution folder. */
export type DistributionPanels = FolderPanels<DistributionPanel>;

/** Registers the distribution panels (and their restoring after a window reload). */
export function createDistributionPanels(services: FaceGapServices): DistributionPanels {
  return new FolderPanels(DistributionPanel.viewType, (dir, restored) => new DistributionPanel(services, dir, restored));
}
