import type { DiffProtocol } from './diffTypes';

/** The protocol the CLI and the extension both use unless told otherwise, so their diff folders reuse each other's results. */
export const DEFAULT_DIFF_PROTOCOL: DiffProtocol = { bandK: 3, match: 'sides', sizeRule: 'b-to-a' };
