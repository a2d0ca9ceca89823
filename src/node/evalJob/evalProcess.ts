// Entry of the evaluation child process (bundled to dist/evalProcess.js, forked by EvalProcessClient): serves the
// evaluation-job protocol over the IPC channel and exits when the parent disconnects.
import type { EvalJobEvents, EvalJobRequests } from '../../protocol/evalJobMessages';
import { RpcEndpoint } from '../../protocol/rpc';
import { defaultInferenceWorkerPath } from '../inference/workerModelRunner';
import { createEvalJobService } from './evalJobHandler';
import { processTransport } from './processTransport';

/** How long a job aborted by the parent's disconnect may take to record itself as interrupted. */
const SHUTDOWN_GRACE_MS = 4000;

if (!process.send) throw new Error('evalProcess must be started with child_process.fork');

const endpoint = new RpcEndpoint<EvalJobRequests, EvalJobEvents>(processTransport(process));
const service = createEvalJobService({ workerPath: defaultInferenceWorkerPath(__dirname), emit: (event) => endpoint.emit(event) });
endpoint.serve(service.handlers);

process.on('disconnect', () => {
  // Disposing aborts the running job, which then marks its run folder interrupted before the process ends.
  endpoint.dispose(new Error('the parent process disconnected'));
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  void service.idle().then(() => process.exit(0));
});
