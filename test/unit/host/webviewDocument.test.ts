import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webviewDocument } from '../../../src/host/webviewDocument';

const parts = {
  title: 'Dataset: <img src=x onerror=alert(1)>',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abcDEF123_-',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/dataset.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/dataset.css',
  view: 'dataset',
};

test('the webview page allows scripts by nonce only, with no unsafe-inline, unsafe-eval or remote sources', () => {
  const html = webviewDocument(parts);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abcDEF123_-'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+\.vscode-resource)/);
  assert.match(html, /<script type="module" nonce="abcDEF123_-" src="https:\/\/file\+\.vscode-resource[^"]*dataset\.js"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script element, loaded by URI');
  assert.doesNotMatch(html, /<style|style="/, 'no inline styles');
});

test('the page title is escaped', () => {
  const html = webviewDocument(parts);
  assert.match(html, /<title>Dataset: &lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
  assert.doesNotMatch(html, /<img/);
});
