// The dataset panel's webview: gallery, detail view and header over the host's snapshot.
import './dataset.css';
import { RpcEndpoint } from '../../src/protocol/rpc';
import type { DatasetPanelEvents, DatasetPanelRequests } from '../../src/protocol/datasetPanelMessages';
import { showLoadError } from '../shared/loadError';
import { hostTransport, savedState, vscodeApi } from '../shared/vscodeApi';
import { DatasetApp } from './app';
import { type DatasetUiState, restoreUiState } from './uiState';
import { UiStateStore } from './uiStateStore';

const root = document.getElementById('app')!;
const rpc = new RpcEndpoint<DatasetPanelRequests, DatasetPanelEvents>(hostTransport());
const store = new UiStateStore(restoreUiState(savedState<DatasetUiState>()), (state) => vscodeApi().setState(state));
const app = new DatasetApp(root, rpc, store);
app.start().catch((error: unknown) => showLoadError(root, 'The dataset could not be shown', error));
