// Splits the demo's synthetic → real-style drop into its parts by changing one thing at a time: the bundled
// model on the synthetic faces scored in the CelebAMask-HQ schema, then on real-style content rendered clean with
// exact labels (the distribution gap), then degraded (the photorealism stand-in), then with the real-style
// annotation conventions (the label gap) — the demo's real-style sample itself. Run after `npm run build`:
//   node --import tsx scripts/decomposeDemoGap.ts
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PRECISE_ANNOTATION } from '../src/core/synth/faceParams';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE, type SampleProfile } from '../src/core/synth/sampleProfiles';
import { writeSampleDataset } from '../src/node/synth/writeSampleDataset';

const REPO = path.join(__dirname, '..');
const OUT = path.join(REPO, '.facegap-demo', 'decomposition');
const MODEL = path.join(REPO, 'models', 'facegap-parser-small.onnx');
const exact = { annotation: PRECISE_ANNOTATION, earsAsSkinRate: 0 };
const clean = { blurSigma: { min: 0, max: 0 }, noiseSigma: { min: 0, max: 0 }, jpegQuality: null };

const STEPS: readonly { name: string; what: string; profile: SampleProfile }[] = [
  { name: 'synthetic', what: 'synthetic content, clean, exact labels', profile: { ...SYNTHETIC_PROFILE, layout: 'celebamask-hq' } },
  { name: 'real-content', what: '+ real-style content (pose, framing, skin tones, accessories, clutter)', profile: { ...REAL_STYLE_PROFILE, ...exact, ...clean } },
  { name: 'real-degraded', what: '+ blur, noise and JPEG', profile: { ...REAL_STYLE_PROFILE, ...exact } },
  { name: 'real-style', what: '+ real-style annotation conventions (the demo sample)', profile: REAL_STYLE_PROFILE },
];

function meanF1(dataset: string, run: string): number {
  const args = [path.join(REPO, 'dist', 'cli.js'), 'eval', dataset, '--model', MODEL, '--out', run, '--no-progress', '--json'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`facegap eval ${dataset} failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { meanF1: number }).meanF1;
}

async function main(): Promise<void> {
  let previous: number | undefined;
  console.log('mean F1 (CelebAMask-HQ schema)   change   step');
  for (const step of STEPS) {
    const dataset = path.join(OUT, 'samples', step.name);
    await writeSampleDataset(dataset, { profile: step.profile, seed: 1, count: 120, size: 256 });
    const score = meanF1(dataset, path.join(OUT, 'runs', step.name));
    const change = previous === undefined ? '      ' : `${score - previous >= 0 ? '+' : '−'}${Math.abs(score - previous).toFixed(3)}`;
    console.log(`${score.toFixed(3).padStart(30)}   ${change}   ${step.what}`);
    previous = score;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
