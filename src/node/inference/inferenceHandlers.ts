import type { ModelOutput } from '../../core/ports/modelRunner';
import type { InferenceRequests, OpenedModel } from '../../protocol/inferenceMessages';
import type { RpcHandlers } from '../../protocol/rpc';
import { openOnnxSession, type OnnxModelSession } from './onnxSession';

/** Creates the handlers that serve the inference protocol inside the worker; they own the sessions they open. */
export function createInferenceHandlers(): RpcHandlers<InferenceRequests> {
  const sessions = new Map<number, OnnxModelSession>();
  let nextId = 1;
  // ORT runs a call synchronously from a setImmediate, so two calls let in together would block each other and each
  // one's timing would include the other's: they run one after the other instead.
  let lane: Promise<unknown> | undefined;
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
    run: ({ sessionId, inputName, tensor, outputName }, ctx) => {
      const session = find(sessionId);
      const timed = async (): Promise<ModelOutput> => {
        const started = performance.now();
        const output = await session.run(inputName, tensor, outputName, ctx.signal);
        ctx.transfer(output.data.buffer as ArrayBuffer);
        return { ...output, runSeconds: (performance.now() - started) / 1000 };
      };
      // An idle lane starts the call at once, so a close that follows waits for it rather than refusing it.
      const turn = lane ? lane.then(timed) : timed();
      const settled: Promise<unknown> = turn.catch(() => undefined);
      lane = settled;
      void settled.then(() => {
        if (lane === settled) lane = undefined;
      });
      return turn;
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
