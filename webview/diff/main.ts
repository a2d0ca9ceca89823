// The label-diff panel's webview: the summary and the review of one diff folder over the host's snapshot.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/theme.css';
import '../shared/page.css';
import '../shared/resultPage.css';
import './diff.css';
import type { DiffPanelEvents, DiffPanelRequests } from '../../src/protocol/diffPanelMessages';
import { RpcEndpoint } from '../../src/protocol/rpc';
import { showLoadError } from '../shared/loadError';
import { hostTransport } from '../shared/vscodeApi';
import { DiffApp } from './diffApp';
import { loadDiffUiState, saveDiffUiState } from './diffUiState';

const rpc = new RpcEndpoint<DiffPanelRequests, DiffPanelEvents>(hostTransport());
const root = document.getElementById('app') ?? document.body;
const app = new DiffApp(root, rpc, loadDiffUiState(), saveDiffUiState);

rpc.onEvent((event) => {
  if (event.type === 'didChangeSnapshot') app.show(event.snapshot);
});
rpc.request({ type: 'ready' }).then(
  (snapshot) => app.show(snapshot),
  (error: unknown) => showLoadError(root, 'The label diff could not be loaded', error),
);
