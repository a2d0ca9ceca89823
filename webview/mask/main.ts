import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../shared/theme.css';
import './mask.css';
import type { MaskViewEvents, MaskViewRequests } from '../../src/protocol/maskViewMessages';
import { RpcEndpoint } from '../../src/protocol/rpc';
import { showLoadError } from '../shared/loadError';
import { hostTransport } from '../shared/vscodeApi';
import { MaskView } from './maskView';

const rpc = new RpcEndpoint<MaskViewRequests, MaskViewEvents>(hostTransport());
const root = document.getElementById('app') ?? document.body;
let view: MaskView | undefined;

rpc.onEvent((event) => {
  if (event.type !== 'didChangeMask') return;
  view ??= new MaskView(root);
  view.show(event.snapshot);
});
rpc.request({ type: 'ready' }).then(
  (snapshot) => {
    view ??= new MaskView(root);
    view.show(snapshot);
  },
  (error: unknown) => showLoadError(root, 'The mask could not be shown', error),
);
