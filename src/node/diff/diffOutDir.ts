import { basename, join, resolve } from 'node:path';
import type { LabelSideSpec } from '../../core/diff/diffTypes';

/** facegap-runs/<A-name>--vs--<B-name>, so that a rerun of the same diff lands in the same folder and resumes. */
export function defaultDiffDir(a: LabelSideSpec, b: LabelSideSpec): string {
  return join('facegap-runs', `${sideName(a)}--vs--${sideName(b)}`);
}

/** A side's folder name, marked -gt or -pred for a run's two sides. */
function sideName(spec: LabelSideSpec): string {
  const name = basename(resolve(spec.path)).replace(/[^A-Za-z0-9._-]/g, '_');
  return spec.kind === 'run-ground-truth' ? `${name}-gt` : spec.kind === 'run-predictions' ? `${name}-pred` : name;
}
