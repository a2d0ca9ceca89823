/** A stylesheet imported for its side effect: esbuild bundles it into dist/webview/<view>.css, which the page links. */
declare module '*.css';
