// A stand-in inference worker for crash tests: 'open' succeeds without a model; 'run' with input name
// 'exit' calls process.exit(7), 'throw' throws an uncaught error, anything else never answers.
import { parentPort } from 'node:worker_threads';
import type { InferenceEvents, InferenceRequests } from '../../src/protocol/inferenceMessages';
import { RpcEndpoint } from '../../src/protocol/rpc';
import { portTransport } from '../../src/node/portTransport';

if (!parentPort) throw new Error('must run in a worker thread');

const endpoint = new RpcEndpoint<InferenceRequests, InferenceEvents>(portTransport(parentPort));
endpoint.serve({
  open: ({ modelPath }) => ({
    sessionId: 1,
    inputs: [{ name: modelPath, type: 'float32', dims: [1, 3, 1, 1] }],
    outputs: [],
    executionProvider: 'cpu',
    fallbacks: [],
  }),
  run: ({ inputName }) =>
    new Promise(() => {
      if (inputName === 'exit') setTimeout(() => process.exit(7), 10);
      if (inputName === 'throw') {
        setTimeout(() => {
          throw new Error('boom in the worker');
        }, 10);
      }
    }),
  close: () => undefined,
});
