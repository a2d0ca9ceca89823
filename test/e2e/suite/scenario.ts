// The end-to-end scenario, shared by both harnesses: the code-server driver (index.ts, through runE2E.mjs) and desktop
// VS Code (desktop.ts, through @vscode/test-cli). Each step asserts with a message that says what was expected.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpoint } from './checkpoint';
import { diffAndReview } from './diffStep';
import { compareSampleDistributions } from './distributionStep';
import { hostileNames } from './hostileNamesStep';
import { cancelMidRun, type LifetimeTarget } from './lifetimeStep';

const EXTENSION_ID = 'facegap.facegap';
const SAMPLE_IMAGES = 120;

/** What the steps hand to each other. */
export interface ScenarioState {
  extensionPath?: string;
  sampleRoot?: string;
  runDir?: string;
  /** The run of the spec-form step (b4). */
  secondRunDir?: string;
  /** The large dataset and run folder of step (h), resumed (and reloaded) in step (i). */
  lifetime?: LifetimeTarget;
  /** Facts worth recording in the summary (counts, paths, timings). */
  readonly facts: Record<string, unknown>;
}

/** One step of the scenario. */
export interface ScenarioStep {
  readonly name: string;
  run(state: ScenarioState): Promise<void>;
}

export function newScenarioState(): ScenarioState {
  return { facts: {} };
}

/** The steps, in order; a step that needs an earlier step's result fails with "skipped" when that result is missing. */
export const scenarioSteps: readonly ScenarioStep[] = [
  { name: 'activate the extension', run: activateExtension },
  { name: '(a) open the synthetic sample dataset', run: openSample },
  { name: '(b) evaluate the bundled model on the sample', run: evaluateSample },
  { name: '(b2) review the run: heatmap cell → filtered gallery → error map; worst image → detail', run: reviewRun },
  { name: '(b3) evaluate again, choosing the model in the quick pick: the run resumes and reuses every image', run: evaluateThroughPicker },
  { name: '(b4) a model without a spec: the short form asks for what is missing, and the run scores as the sidecar does', run: evaluateWithSpecForm },
  { name: '(b5) compare the two runs side by side in one report', run: compareRuns },
  { name: '(c) open a ground-truth mask with the label mask viewer', run: openMask },
  { name: "(e) diff the run's predictions against its ground truth, mark an image, reload and reopen the panel: the mark stays", run: diffRun },
  { name: "(f) compare the synthetic and real-style samples' distributions: findings, the attributes table and plots in the panel", run: compareDistributions },
  { name: '(g) hostile file names: shown as text in the report, gallery, detail view and diff review, nothing they spell runs', run: openHostileNames },
  { name: '(h) an evaluation mid-run: its dataset panel closed, then cancelled: run folder interrupted and consistent, no extra process', run: cancelEvaluation },
  { name: '(d) every contributed command is registered', run: checkCommands },
];

async function activateExtension(state: ScenarioState): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this extension host (is extensionDevelopmentPath the repo root?)`);
  await extension.activate();
  assert.ok(extension.isActive, `extension ${EXTENSION_ID} did not activate`);
  state.extensionPath = extension.extensionPath;
  Object.assign(state.facts, {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.UIKind[vscode.env.uiKind],
    remoteName: vscode.env.remoteName ?? null,
    node: process.version,
    workspaceTrusted: vscode.workspace.isTrusted,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? null,
  });
}

async function openSample(state: ScenarioState): Promise<void> {
  const started = Date.now();
  const root = await vscode.commands.executeCommand<unknown>('facegap.openSampleDataset', { profile: 'synthetic' });
  assert.equal(typeof root, 'string', `facegap.openSampleDataset should resolve with the sample folder, got ${JSON.stringify(root)}`);
  const folder = root as string;
  assert.ok(existsSync(folder), `the sample folder ${folder} does not exist`);
  const images = await sampleImages(folder);
  assert.equal(images.length, SAMPLE_IMAGES, `the synthetic sample ${folder} should hold ${SAMPLE_IMAGES} images, found ${images.length}`);
  state.sampleRoot = folder;
  state.facts.sampleRoot = folder;
  state.facts.sampleSeconds = (Date.now() - started) / 1000;
  await checkpoint('dataset', { root: folder });
}

async function evaluateSample(state: ScenarioState): Promise<void> {
  const root = need(state.sampleRoot, 'the sample folder from step (a)');
  const extensionPath = need(state.extensionPath, 'the extension path');
  assert.ok(vscode.workspace.isTrusted, 'the workspace is not trusted: facegap.evaluateFolder refuses to run a model in restricted mode');
  const model = path.join(extensionPath, 'models', 'facegap-parser-small.onnx');
  assert.ok(existsSync(model), `the bundled model ${model} is missing`);
  const started = Date.now();
  const runDir = await vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(root), { model });
  assert.equal(typeof runDir, 'string', `facegap.evaluateFolder should resolve with the run folder, got ${JSON.stringify(runDir)} (see the FaceGap output log)`);
  const dir = runDir as string;
  state.runDir = dir;
  state.facts.runDir = dir;
  state.facts.evaluateSeconds = (Date.now() - started) / 1000;

  const run = JSON.parse(await fs.readFile(path.join(dir, 'run.json'), 'utf8')) as { status?: unknown; executionProvider?: unknown };
  assert.equal(run.status, 'complete', `run.json status should be "complete", got ${JSON.stringify(run.status)}`);
  assert.equal(run.executionProvider, 'cpu', `run.json executionProvider should be "cpu", got ${JSON.stringify(run.executionProvider)}`);
  const lines = (await fs.readFile(path.join(dir, 'images.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, SAMPLE_IMAGES, `images.jsonl should have one line per image (${SAMPLE_IMAGES}), has ${lines.length}`);
  assert.ok(existsSync(path.join(dir, 'confusion.json')), `${dir}/confusion.json is missing`);
  const predictions = (await fs.readdir(path.join(dir, 'pred'))).filter((f) => f.endsWith('.png'));
  assert.equal(predictions.length, SAMPLE_IMAGES, `pred/ should hold ${SAMPLE_IMAGES} PNG predictions, holds ${predictions.length}`);
  state.facts.predictions = predictions.length;
  await checkpoint('report', { runDir: dir });
}

/**
 * The driver reviews the run by clicking in the webviews (test/e2e/reviewChecks.mjs): a heatmap cell of the report opens
 * the dataset panel filtered to that confusion, then a worst-image card of the report opens its image there.
 */
async function reviewRun(state: ScenarioState): Promise<void> {
  const runDir = need(state.runDir, 'the run folder from step (b)');
  // The report of step (b) is the active editor; showing it again is a no-op then, and brings it back otherwise.
  await vscode.commands.executeCommand('facegap.openReport', vscode.Uri.file(runDir));
  if ((await checkpoint('review', { runDir, images: SAMPLE_IMAGES })) === 'skipped') return;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  assert.ok(input instanceof vscode.TabInputWebview && input.viewType.endsWith('facegap.dataset'), `after the review clicks the dataset panel should be the active tab, got ${describeTab(tab)}`);
}

/**
 * The interactive path: the command without a model asks with a quick pick, which the driver answers by typing the
 * model's name. The run folder of a dataset × model pair is stable, so this second run resumes the first one.
 */
async function evaluateThroughPicker(state: ScenarioState): Promise<void> {
  const root = need(state.sampleRoot, 'the sample folder from step (a)');
  const firstRun = need(state.runDir, 'the run folder from step (b)');
  const pending = Promise.resolve(vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(root)));
  if ((await checkpoint('pickModel', { pick: 'facegap-parser-small.onnx' })) === 'skipped') {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    return;
  }
  const runDir = await pending;
  assert.equal(runDir, firstRun, `the second evaluation should resume the first run folder ${firstRun}, got ${JSON.stringify(runDir)}`);
  const run = JSON.parse(await fs.readFile(path.join(firstRun, 'run.json'), 'utf8')) as { status?: unknown; summary?: { counts?: { reused?: unknown; scored?: unknown } } };
  assert.equal(run.status, 'complete', `run.json status should be "complete" after the second run, got ${JSON.stringify(run.status)}`);
  const counts = run.summary?.counts;
  assert.equal(counts?.reused, SAMPLE_IMAGES, `the second run should reuse all ${SAMPLE_IMAGES} finished images, counts: ${JSON.stringify(counts)}`);
  state.facts.secondRunCounts = counts;
}

/** What the short form must be answered with for a copy of the bundled model without its sidecar: the sidecar's values. */
const SPEC_ANSWERS = { 'model-schema': 'facesynthetics', 'color-order': 'RGB', scale: '1/255', mean: '0.485,0.456,0.406', std: '0.229,0.224,0.225' };

/**
 * A copy of the bundled model without its sidecar spec: the probe cannot tell the schema or the normalisation, so the
 * command asks (the driver answers with the sidecar's values) and the run must score exactly as step (b) did.
 */
async function evaluateWithSpecForm(state: ScenarioState): Promise<void> {
  const root = need(state.sampleRoot, 'the sample folder from step (a)');
  const firstRun = need(state.runDir, 'the run folder from step (b)');
  const extensionPath = need(state.extensionPath, 'the extension path');
  const workspace = need(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, 'a workspace folder');
  const copy = path.join(workspace, 'parser-without-spec.onnx');
  await fs.copyFile(path.join(extensionPath, 'models', 'facegap-parser-small.onnx'), copy);
  const pending = Promise.resolve(vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(root), { model: copy, openReport: false }));
  if ((await checkpoint('specForm', { answers: SPEC_ANSWERS })) === 'skipped') {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await pending;
    return;
  }
  const runDir = await pending;
  assert.equal(typeof runDir, 'string', `the evaluation with the short form's answers should resolve with a run folder, got ${JSON.stringify(runDir)}`);
  const score = async (dir: string): Promise<unknown> => (JSON.parse(await fs.readFile(path.join(dir, 'run.json'), 'utf8')) as { summary?: { meanF1?: unknown } }).summary?.meanF1;
  const [withForm, withSidecar] = [await score(runDir as string), await score(firstRun)];
  assert.equal(withForm, withSidecar, `scored with the form's answers the mean F1 should equal the sidecar run's (${String(withSidecar)}), got ${String(withForm)}`);
  state.facts.specFormMeanF1 = withForm;
  state.secondRunDir = runDir as string;
}

/** The two runs of steps (b) and (b4) in one report: the driver checks that both runs have columns and ΔF1 is shown. */
async function compareRuns(state: ScenarioState): Promise<void> {
  const first = need(state.runDir, 'the run folder from step (b)');
  const second = need(state.secondRunDir, 'the run folder from step (b4)');
  await vscode.commands.executeCommand('facegap.compareRuns', vscode.Uri.file(first), [vscode.Uri.file(first), vscode.Uri.file(second)]);
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab?.label.includes('2 runs'), `the active tab should be the two-run report, got ${describeTab(tab)}`);
  await checkpoint('compare', { runs: [first, second] });
}

async function openMask(state: ScenarioState): Promise<void> {
  const root = need(state.sampleRoot, 'the sample folder from step (a)');
  const masks = (await fs.readdir(root)).filter((f) => f.endsWith('_seg.png')).sort();
  assert.ok(masks.length > 0, `no ground-truth mask (*_seg.png) in ${root}`);
  const uri = vscode.Uri.file(path.join(root, masks[0]));
  await vscode.commands.executeCommand('vscode.openWith', uri, 'facegap.labelMask');
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  assert.ok(input instanceof vscode.TabInputCustom, `the active tab should be a custom editor, got ${describeTab(tab)}`);
  assert.equal(input.viewType, 'facegap.labelMask', `the active custom editor should be facegap.labelMask, got ${input.viewType}`);
  assert.equal(input.uri.fsPath, uri.fsPath, `the label mask viewer shows ${input.uri.fsPath}, expected ${uri.fsPath}`);
  state.facts.mask = uri.fsPath;
  await checkpoint('mask', { file: uri.fsPath });
}

async function diffRun(state: ScenarioState): Promise<void> {
  await diffAndReview(need(state.runDir, 'the run folder from step (b)'), SAMPLE_IMAGES, state.facts);
}

async function compareDistributions(state: ScenarioState): Promise<void> {
  await compareSampleDistributions(need(state.sampleRoot, 'the sample folder from step (a)'), SAMPLE_IMAGES, state.facts);
}

async function openHostileNames(state: ScenarioState): Promise<void> {
  const model = path.join(need(state.extensionPath, 'the extension path'), 'models', 'facegap-parser-small.onnx');
  const workspace = need(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, 'a workspace folder');
  await hostileNames(need(state.sampleRoot, 'the sample folder from step (a)'), model, workspace, state.facts);
}

async function cancelEvaluation(state: ScenarioState): Promise<void> {
  const model = path.join(need(state.extensionPath, 'the extension path'), 'models', 'facegap-parser-small.onnx');
  const workspace = need(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, 'a workspace folder');
  const target = { root: path.join(workspace, 'lifetime-faces'), outDir: path.join(workspace, 'lifetime-run'), model };
  state.lifetime = await cancelMidRun(need(state.sampleRoot, 'the sample folder from step (a)'), target, state.facts);
}

async function checkCommands(state: ScenarioState): Promise<void> {
  const extensionPath = need(state.extensionPath, 'the extension path');
  const manifest = JSON.parse(await fs.readFile(path.join(extensionPath, 'package.json'), 'utf8')) as { contributes?: { commands?: { command: string }[] } };
  const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
  assert.ok(contributed.length > 0, 'package.json contributes no commands');
  const registered = new Set(await vscode.commands.getCommands(true));
  const missing = contributed.filter((c) => !registered.has(c));
  assert.deepEqual(missing, [], `contributed commands that are not registered: ${missing.join(', ')}`);
  state.facts.commands = contributed.length;
}

/** The images of a FaceSynthetics-layout sample: {id}.png beside {id}_seg.png. */
async function sampleImages(root: string): Promise<string[]> {
  return (await fs.readdir(root)).filter((f) => /^\d+\.png$/.test(f));
}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`skipped: ${what} is missing (an earlier step failed)`);
  return value;
}

function describeTab(tab: vscode.Tab | undefined): string {
  if (!tab) return 'no active tab';
  const input = tab.input as { constructor?: { name?: string }; viewType?: string } | undefined;
  return `"${tab.label}" (${input?.constructor?.name ?? typeof input}${input?.viewType ? ` ${input.viewType}` : ''})`;
}
