// Types of vsixTargets.mjs, for the unit tests.

/** A VS Code platform target such as "linux-x64". */
export type VsixTarget = 'linux-x64' | 'linux-arm64' | 'darwin-x64' | 'darwin-arm64' | 'win32-x64' | 'win32-arm64';
/** The platforms a VSIX can be built for. */
export declare const TARGETS: readonly VsixTarget[];
/** The usage line of scripts/packageVsix.mjs. */
export declare const USAGE: string;
/** Splits "darwin-arm64" into its OS and CPU. */
export declare function targetParts(target: string): { os: string; arch: string };
/** Reads --target and --out; throws with the usage on anything else. */
export declare function parsePackageArgs(argv: readonly string[], host?: { platform: string; arch: string }): { target: VsixTarget; outDir: string; help: boolean };
/** The sharp packages a target needs. */
export declare function sharpPackages(target: string): string[];
/** What to say when a native package of the target is not installed. */
export declare function missingPackageMessage(pkg: string, target: string): string;
/** The ignore file for one target. */
export declare function ignoreFileFor(base: string, target: string): string;
/** Whether vsce packages `file` under the ignore file's lines; `match` is minimatch with { dot: true }. */
export declare function packagedBy(ignoreText: string, file: string, match: (file: string, pattern: string) => boolean): boolean;
/** Entries that belong to another platform. */
export declare function foreignEntries(entries: readonly string[], target: string): string[];
/** The target's binaries missing from the entries. */
export declare function missingNativeEntries(entries: readonly string[], target: string): string[];
