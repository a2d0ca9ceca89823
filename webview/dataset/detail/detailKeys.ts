/** What a key does in the detail view. */
export type DetailCommand = 'back' | 'previous' | 'next' | 'zoomIn' | 'zoomOut' | 'fit' | 'layerGt' | 'layerPred' | 'layerErrors' | 'toggleMode';

const COMMANDS: Readonly<Record<string, DetailCommand>> = {
  Escape: 'back',
  ArrowLeft: 'previous',
  k: 'previous',
  ArrowRight: 'next',
  j: 'next',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  _: 'zoomOut',
  '0': 'fit',
  g: 'layerGt',
  p: 'layerPred',
  e: 'layerErrors',
  s: 'toggleMode',
};

/** The detail view's command for a key press (modified keys are left to VS Code). */
export function detailCommand(event: KeyboardEvent): DetailCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return COMMANDS[event.key];
}
