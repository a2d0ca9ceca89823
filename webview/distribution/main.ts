// The distribution panel's webview: how two datasets differ, attribute by attribute, over the host's snapshot.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/theme.css';
import '../shared/page.css';
import '../shared/resultPage.css';
import '../shared/plots.css';
import './distribution.css';
import type { DistributionPanelEvents, DistributionPanelRequests } from '../../src/protocol/distributionPanelMessages';
import { RpcEndpoint } from '../../src/protocol/rpc';
import { showLoadError } from '../shared/loadError';
import { hostTransport } from '../shared/vscodeApi';
import { distFigures, encodeFigure } from './distFigures';
import { DistributionApp } from './distributionApp';
import { loadDistUiState, saveDistUiState } from './distUiState';

const rpc = new RpcEndpoint<DistributionPanelRequests, DistributionPanelEvents>(hostTransport());
const root = document.getElementById('app') ?? document.body;
const app = new DistributionApp(root, rpc, distFigures(), encodeFigure, loadDistUiState(), saveDistUiState);

rpc.onEvent((event) => {
  if (event.type === 'didChangeSnapshot') app.show(event.snapshot);
});
rpc.request({ type: 'ready' }).then(
  (snapshot) => app.show(snapshot),
  (error: unknown) => showLoadError(root, 'The distribution comparison could not be loaded', error),
);
