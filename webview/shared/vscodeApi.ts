import type { RpcTransport } from '../../src/protocol/rpc';

/** What VS Code gives a webview script (acquireVsCodeApi may be called once per page). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

/** The page's one VsCodeApi. */
export function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}

/** The RPC transport to the extension host: postMessage out, window "message" events in. */
export function hostTransport(): RpcTransport {
  return {
    postMessage: (msg) => vscodeApi().postMessage(msg),
    onMessage: (handler) => {
      const listener = (event: MessageEvent): void => handler(event.data);
      window.addEventListener('message', listener);
      return { dispose: () => window.removeEventListener('message', listener) };
    },
  };
}

/** Reads this view's saved UI state, or undefined when there is none or it is not an object. */
export function savedState<T extends object>(): Partial<T> | undefined {
  const state = vscodeApi().getState();
  return typeof state === 'object' && state !== null ? (state as Partial<T>) : undefined;
}
