// The same scenario as mocha tests for desktop VS Code through @vscode/test-cli (.vscode-test.mjs), bundled to
// .facegap-tmp/e2e/desktop/scenario.test.js. There is no driver there, so the webview checkpoints do nothing.
import * as vscode from 'vscode';
import { newScenarioState, scenarioSteps } from './scenario';

// The runner provides mocha's tdd globals; declared here so the root tsconfig needs no @types/mocha.
declare function suite(name: string, body: () => void): void;
declare function suiteSetup(body: () => Promise<void>): void;
declare function test(name: string, body: () => Promise<void>): void;

suite('FaceGap end to end', () => {
  // The code-server driver sets this in the remote machine settings; here the test profile's user settings say it.
  suiteSetup(() => Promise.resolve(vscode.workspace.getConfiguration('facegap').update('executionProvider', 'cpu', vscode.ConfigurationTarget.Global)));
  const state = newScenarioState();
  for (const step of scenarioSteps) test(step.name, () => step.run(state));
});
