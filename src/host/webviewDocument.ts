import { html, rawHtml } from '../core/report/htmlEscape';

/** What one webview page needs: its bundle, its stylesheet and the CSP facts of the webview that shows it. */
export interface WebviewDocumentParts {
  readonly title: string;
  /** The webview's CSP source (webview.cspSource). */
  readonly cspSource: string;
  /** A fresh random nonce for this document. */
  readonly nonce: string;
  /** URIs of the page's script and stylesheet, as the webview can load them. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The webview's kind, for tests and styles: "dataset", "report" or "mask". */
  readonly view: string;
}

/**
 * The one HTML page every FaceGap webview uses: no inline script or style, scripts by nonce only, everything else from
 * the webview's own resource origin (the extension's dist/webview and the dataset folder), blob: for canvases' images.
 */
export function webviewDocument(parts: WebviewDocumentParts): string {
  const csp = [
    "default-src 'none'",
    `img-src ${parts.cspSource} blob: data:`,
    `style-src ${parts.cspSource}`,
    `font-src ${parts.cspSource}`,
    `script-src 'nonce-${parts.nonce}'`,
  ].join('; ');
  // The policy is built here from the webview's own source and our nonce, so it goes in verbatim (quotes and all).
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${rawHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${parts.styleUri}">
<title>${parts.title}</title>
</head>
<body data-view="${parts.view}">
<div id="app" role="application" aria-busy="true"></div>
<script type="module" nonce="${parts.nonce}" src="${parts.scriptUri}"></script>
</body>
</html>
`.value;
}
