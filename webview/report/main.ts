import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/theme.css';
import '../shared/page.css';
import './report.css';
import type { ReportPanelEvents, ReportPanelRequests, ReportSnapshot } from '../../src/protocol/reportPanelMessages';
import { RpcEndpoint } from '../../src/protocol/rpc';
import { el } from '../shared/dom';
import { showLoadError } from '../shared/loadError';
import { hostTransport } from '../shared/vscodeApi';
import { renderReport, type ReportActions } from './reportView';
import { loadReportUiState, saveReportUiState } from './reportUiState';

const rpc = new RpcEndpoint<ReportPanelRequests, ReportPanelEvents>(hostTransport());
const root = document.getElementById('app') ?? document.body;
const state = loadReportUiState();
const failure = el('p', 'action-error');
failure.setAttribute('role', 'alert');
failure.hidden = true;

/** Shows a failed request's message (it names what went wrong) until the next one succeeds. */
function reportFailure(error: unknown): void {
  failure.textContent = error instanceof Error ? error.message : String(error);
  failure.hidden = false;
}

function send(request: Promise<void>): void {
  request.then(() => (failure.hidden = true), reportFailure);
}

const actions: ReportActions = {
  openConfusion: (run, gt, pred) => send(rpc.request({ type: 'openConfusion', run: run.dir, gt, pred })),
  openImage: (run, id) => send(rpc.request({ type: 'openImage', run: run.dir, id })),
  compareWith: () => send(rpc.request({ type: 'compareWith' })),
  stateChanged: () => saveReportUiState(state),
};

function show(snapshot: ReportSnapshot): void {
  renderReport(root, snapshot, state, actions);
  root.prepend(failure);
  root.setAttribute('aria-busy', 'false');
  window.scrollTo(0, state.scrollY);
}

let scrollSave: number | undefined;
window.addEventListener('scroll', () => {
  state.scrollY = window.scrollY;
  // Scroll fires per frame; persisting once it settles is enough.
  window.clearTimeout(scrollSave);
  scrollSave = window.setTimeout(() => saveReportUiState(state), 200);
}, { passive: true });

rpc.onEvent((event) => {
  if (event.type === 'didChangeSnapshot') show(event.snapshot);
});
rpc.request({ type: 'ready' }).then(show, (error: unknown) => showLoadError(root, 'The report could not be loaded', error));
