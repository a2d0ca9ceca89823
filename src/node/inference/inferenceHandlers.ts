import type { InferenceRequests, OpenedModel } from '../../protocol/inferenceMessages';
import type { RpcHandlers } from '../../protocol/rpc';
import { openOnnxSession, type OnnxModelSession } from './onnxSession';

/** Creates the handlers that serve the inference protocol inside the worker; they own the sessions they open. */
export function createInferenceHandlers(): RpcHandlers<InferenceRequests> {
  const sessions = new Map<number, OnnxModelSession>();
  let nextId = 1;
  const find = (sessionId: number): OnnxModelSession => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no open model session ${sessionId} (it was closed, or the worker restarted)`);
    return session;
  };
  return {
    open: async ({ modelPath, executionProvider, threads }): Promise<OpenedModel> => {
      const session = await openOnnxSession(modelPath, { executionProvider, ...(threads === undefined ? {} : { threads }) });
      const sessionId = nextId++;
      sessions.set(sessionId, session);
      const { inputs, outputs, fallbacks } = session;
      return { sessionId, inputs, outputs, executionProvider: session.executionProvider, fallbacks };
    },
    run: async ({ sessionId, inputName, tensor, outputName }, ctx) => {
      const output = await find(sessionId).run(inputName, tensor, outputName, ctx.signal);
      ctx.transfer(output.data.buffer as ArrayBuffer);
      return output;
    },
    close: async ({ sessionId }) => {
      const session = sessions.get(sessionId);
      sessions.delete(sessionId);
      await session?.dispose();
    },
    closeAll: async () => {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((s) => s.dispose()));
    },
  };
}
