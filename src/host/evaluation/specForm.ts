import * as vscode from 'vscode';
import { listModelPresets } from '../../core/model/modelPresets';
import { missingSpecFields, type MissingSpecField } from '../../core/model/missingSpecFields';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';

/** What the user chose for a model the sidecar and the probe did not fully describe. */
export type SpecAnswer = { readonly preset: string } | { readonly flags: Readonly<Record<string, string>> };

/** Asks for what a model spec lacks: first a known preset, else a short form with one box per missing field; undefined if dismissed. */
export async function askMissingSpec(modelName: string, errorText: string, registry: SchemaRegistry): Promise<SpecAnswer | undefined> {
  const fields = missingSpecFields(errorText);
  if (fields.length === 0) return undefined;
  const manual = { label: '$(edit) Enter the missing values', detail: fields.map((f) => f.problem).join(' · '), preset: undefined };
  const presets = listModelPresets().map((p) => ({ label: p.name, detail: p.description, preset: p.name }));
  const choice = await vscode.window.showQuickPick([manual, ...presets], {
    title: `${modelName}: FaceGap needs more about this model`,
    placeHolder: 'Pick a known model family, or enter the missing values',
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  if (choice.preset) return { preset: choice.preset };
  const flags: Record<string, string> = {};
  for (const field of fields) {
    const value = await askField(modelName, field, registry);
    if (value === undefined) return undefined;
    flags[field.key] = value;
  }
  return { flags };
}

async function askField(modelName: string, field: MissingSpecField, registry: SchemaRegistry): Promise<string | undefined> {
  if (field.flag === 'model-schema') {
    const items = registry.list().map((s) => ({ label: s.id, description: s.title, detail: `${s.classes.length} classes` }));
    return (await vscode.window.showQuickPick(items, { title: `${modelName}: label schema of the model's output`, placeHolder: field.problem }))?.label;
  }
  return vscode.window.showInputBox({
    title: `${modelName}: --${field.flag}`,
    prompt: field.problem,
    placeHolder: field.example,
    validateInput: (v) => (v.trim() ? undefined : 'a value is needed'),
  });
}
