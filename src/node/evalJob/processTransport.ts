import type { RpcTransport } from '../../protocol/rpc';

/** The part of a forked ChildProcess (parent side) or of `process` (child side) that the RPC transport needs. */
export interface IpcChannel {
  readonly connected: boolean;
  send?(message: unknown, callback: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Adapts an IPC channel to the RPC transport. Messages are copied (fork's 'advanced' serialization keeps typed
 * arrays and NaN); transfer lists do not apply between processes and are ignored.
 */
export function processTransport(channel: IpcChannel): RpcTransport {
  return {
    postMessage: (msg) => {
      if (!channel.send || !channel.connected) throw new Error('the IPC channel is closed');
      // Without a callback a failed send surfaces as an 'error' event that would crash a process with no listener.
      channel.send(msg, () => undefined);
    },
    onMessage: (handler) => {
      channel.on('message', handler);
      return { dispose: () => void channel.off('message', handler) };
    },
  };
}
