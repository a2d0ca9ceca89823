// Entry of the inference worker thread (bundled to dist/inferenceWorker.js): serves the inference protocol over parentPort.
import { parentPort } from 'node:worker_threads';
import type { InferenceEvents, InferenceRequests } from '../../protocol/inferenceMessages';
import { RpcEndpoint } from '../../protocol/rpc';
import { createInferenceHandlers } from './inferenceHandlers';
import { portTransport } from '../portTransport';

if (!parentPort) throw new Error('inferenceWorker must run in a worker thread');

const endpoint = new RpcEndpoint<InferenceRequests, InferenceEvents>(portTransport(parentPort));
endpoint.serve(createInferenceHandlers());
