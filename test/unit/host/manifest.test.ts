import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { type: string; minimum?: number; maximum?: number; enum?: string[] }> };
    customEditors: Array<{ viewType: string; priority: string }>;
  };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

const hostSource = sourceFiles(join(root, 'src', 'host')).map((f) => readFileSync(f, 'utf8')).join('\n');

test('every declared command is registered by the host, namespaced and categorised', () => {
  for (const { command, category } of manifest.contributes.commands) {
    assert.match(command, /^facegap\./);
    assert.equal(category, 'FaceGap', command);
    assert.ok(hostSource.includes(`registerCommand('${command}'`), `${command} is declared but never registered`);
  }
});

test('every registered command is declared', () => {
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const match of hostSource.matchAll(/registerCommand\('([^']+)'/g)) assert.ok(declared.has(match[1]), `${match[1]} is registered but not declared`);
});

test('menus name declared commands and gate folder and model entries', () => {
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const entries of Object.values(manifest.contributes.menus)) for (const e of entries) assert.ok(declared.has(e.command), e.command);
  const explorer = manifest.contributes.menus['explorer/context'];
  assert.match(explorer.find((e) => e.command === 'facegap.openDataset')?.when ?? '', /explorerResourceIsFolder/);
  assert.match(explorer.find((e) => e.command === 'facegap.evaluateFolder')?.when ?? '', /explorerResourceIsFolder && isWorkspaceTrusted/);
  assert.match(explorer.find((e) => e.command === 'facegap.evaluateModel')?.when ?? '', /resourceExtname == \.onnx/);
  assert.equal(explorer.find((e) => e.command === 'facegap.diffLabels')?.when, 'explorerResourceIsFolder');
  assert.match(explorer.find((e) => e.command === 'facegap.openDiff')?.when ?? '', /!explorerResourceIsFolder && resourceFilename == diff\.json/);
  assert.equal(explorer.find((e) => e.command === 'facegap.compareDistributions')?.when, 'explorerResourceIsFolder');
  assert.match(explorer.find((e) => e.command === 'facegap.openDistribution')?.when ?? '', /!explorerResourceIsFolder && resourceFilename == dist\.json/);
});

test('the diff panel comes back after a window reload: its serializer is registered and activates the extension', () => {
  const activation = (manifest as unknown as { activationEvents: string[] }).activationEvents;
  assert.ok(activation.includes('onWebviewPanel:facegap.diff'), `activationEvents: ${JSON.stringify(activation)}`);
  assert.ok(hostSource.includes('registerWebviewPanelSerializer(viewType'), 'FolderPanels registers no serializer');
  assert.ok(hostSource.includes('new FolderPanels(DiffPanel.viewType'), 'no serializer for the diff panel');
  assert.ok(hostSource.includes("viewType = 'facegap.diff'"), 'the diff panel has another view type');
});

test('the distribution panel comes back after a window reload: its serializer is registered and activates the extension', () => {
  const activation = (manifest as unknown as { activationEvents: string[] }).activationEvents;
  assert.ok(activation.includes('onWebviewPanel:facegap.distribution'), `activationEvents: ${JSON.stringify(activation)}`);
  assert.ok(hostSource.includes('registerWebviewPanelSerializer(viewType'), 'FolderPanels registers no serializer');
  assert.ok(hostSource.includes('new FolderPanels(DistributionPanel.viewType'), 'no serializer for the distribution panel');
  assert.ok(hostSource.includes("viewType = 'facegap.distribution'"), 'the distribution panel has another view type');
});

test('settings have types and ranges, and the label-mask editor is opt-in', () => {
  const props = manifest.contributes.configuration.properties;
  for (const [key, p] of Object.entries(props)) {
    assert.ok(p.type, key);
    if (p.type === 'integer' || p.type === 'number') assert.ok(p.minimum !== undefined && p.maximum !== undefined, `${key} has a range`);
  }
  assert.deepEqual(props['facegap.executionProvider'].enum, ['auto', 'cpu', 'cuda', 'webgpu', 'dml', 'coreml']);
  assert.deepEqual(manifest.contributes.customEditors.map((e) => [e.viewType, e.priority]), [['facegap.labelMask', 'option']]);
});
