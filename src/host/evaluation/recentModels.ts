import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import type { ModelSpecFlagValues } from '../../core/model/modelSpecFlags';

const RECENT_KEY = 'facegap.recentModels';
const SPEC_KEY = 'facegap.modelSpecAnswers';
const MAX_RECENT = 8;

/** Models used lately (newest first) and the spec values the user gave for each, kept in the extension's global state. */
export class RecentModels {
  constructor(private readonly state: vscode.Memento) {}

  /** Recent model files that still exist. */
  list(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []).filter((file) => fs.existsSync(file));
  }

  /** Puts a model first. */
  async remember(modelPath: string): Promise<void> {
    const rest = this.state.get<string[]>(RECENT_KEY, []).filter((file) => file !== modelPath);
    await this.state.update(RECENT_KEY, [modelPath, ...rest].slice(0, MAX_RECENT));
  }

  /** Spec values the user entered for a model earlier, so the form is not shown again. */
  specAnswers(modelPath: string): ModelSpecFlagValues {
    return this.state.get<Record<string, ModelSpecFlagValues>>(SPEC_KEY, {})[modelPath] ?? {};
  }

  /** Keeps the spec values the user entered for a model. */
  async rememberSpec(modelPath: string, values: ModelSpecFlagValues): Promise<void> {
    const all = this.state.get<Record<string, ModelSpecFlagValues>>(SPEC_KEY, {});
    await this.state.update(SPEC_KEY, { ...all, [modelPath]: values });
  }
}
