import type { RpcTransport } from '../protocol/rpc';

/** The part of a worker_threads Worker or MessagePort that the RPC transport needs. */
export interface NodeMessagePort {
  postMessage(value: unknown, transferList?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  off(event: 'message', listener: (value: unknown) => void): unknown;
}

/** Adapts a Worker (parent side) or parentPort (worker side), for every worker thread FaceGap runs, to the RPC transport. */
export function portTransport(port: NodeMessagePort): RpcTransport {
  return {
    postMessage: (msg, transfer) => port.postMessage(msg, transfer ?? []),
    onMessage: (handler) => {
      port.on('message', handler);
      return { dispose: () => void port.off('message', handler) };
    },
  };
}
