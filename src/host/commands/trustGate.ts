// The workspace-trust gate of the commands that run a model. Kept free of the vscode module so that unit tests can
// drive it with a fake surface.

/** What the gate needs from VS Code: whether the workspace is trusted, a warning with one action, and the trust editor. */
export interface TrustSurface {
  readonly isTrusted: boolean;
  warn(message: string, action: string): PromiseLike<string | undefined>;
  manageTrust(): void;
}

/** What an untrusted workspace is told when a command would run a model. */
export const UNTRUSTED_MESSAGE = 'FaceGap runs models only in a trusted workspace. Browsing datasets and reports works in restricted mode.';

/** The warning's action, which opens the workspace trust editor. */
export const MANAGE_TRUST = 'Manage Workspace Trust';

/** True in a trusted workspace; otherwise warns (offering the trust editor) and returns false, having started nothing. */
export function requireTrust(surface: TrustSurface): boolean {
  if (surface.isTrusted) return true;
  void Promise.resolve(surface.warn(UNTRUSTED_MESSAGE, MANAGE_TRUST)).then((answer) => {
    if (answer === MANAGE_TRUST) surface.manageTrust();
  });
  return false;
}
