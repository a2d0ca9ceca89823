import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DiffRecord } from '../../../src/core/diff/diffTypes';
import type { DistRecord } from '../../../src/core/distribution/distTypes';
import { builtCli } from '../../helpers/cliRunner';
import { makeTempDir } from '../../helpers/tempModels';

const REPO = path.join(__dirname, '..', '..', '..');

interface RunRecord {
  readonly summary: { readonly meanF1: number };
}

test('npm run demo: the bundled model scores clearly lower on the real-style sample, and the report holds both runs', () => {
  builtCli();
  const tmp = makeTempDir('facegap-demo-');
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'demo.ts')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, FACEGAP_DEMO_DIR: tmp.dir },
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    const meanF1 = (name: string): number =>
      (JSON.parse(fs.readFileSync(path.join(tmp.dir, 'runs', name, 'run.json'), 'utf8')) as RunRecord).summary.meanF1;
    const [synthetic, realStyle] = [meanF1('synthetic'), meanF1('real-style')];
    assert.ok(synthetic > 0.8, `synthetic mean F1 ${synthetic}`);
    assert.ok(synthetic - realStyle > 0.15, `drop ${synthetic - realStyle}`);
    assert.match(result.stdout, new RegExp(`mean F1 drops by ${(synthetic - realStyle).toFixed(3)}`));
    const report = path.join(tmp.dir, 'report.html');
    assert.ok(result.stdout.includes(report), 'prints the report path');
    const html = fs.readFileSync(report, 'utf8');
    assert.ok(html.includes(synthetic.toFixed(4)) && html.includes(realStyle.toFixed(4)), 'the report shows both mean F1 values');
    assert.ok(!/https?:\/\//.test(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')), 'no network references');
    const diff = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'diffs', 'real-style-exact--vs--real-style', 'diff.json'), 'utf8')) as DiffRecord;
    assert.equal(diff.complete, true);
    assert.equal(diff.summary.images, 120);
    const findings = diff.summary.findings;
    assert.ok(findings.length > 3);
    assertPlantedLabelGap(diff);
    const dist = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'distribution', 'synthetic--vs--real-style', 'dist.json'), 'utf8')) as DistRecord;
    assertPlantedDistributionGap(dist);
    assert.ok(html.includes('<h2>Distribution gap</h2>'), 'the report shows the distribution gap');
    for (const finding of dist.summary.findings.slice(0, 3)) assert.ok(result.stdout.includes(finding), `prints "${finding}"`);
    assert.ok(html.includes('<h2>Label gap</h2>') && html.includes(findings[1].text.replace(/'/g, '&#39;')), 'the report shows the label-gap findings');
    for (const f of findings) assert.ok(result.stdout.includes(f.text), `prints the finding "${f.text}"`);
  } finally {
    tmp.remove();
  }
});

/** Every label-gap convention samples/README.md lists for the real-style sample, as the diff must report it. */
function assertPlantedLabelGap(diff: DiffRecord): void {
  const { findings, perClass, swaps } = diff.summary;
  const row = (name: string) => perClass.find((c) => c.name === name);
  const said = (kind: string, pattern: RegExp): boolean => findings.some((f) => f.kind === kind && pattern.test(f.text));
  assert.ok(said('flow', /of A's ear pixels as skin/), 'ears inside skin for half of the annotators');
  const earToSkin = diff.summary.flows.filter((f) => /EAR$/.test(f.from) && f.to === 'SKIN').map((f) => f.fraction);
  assert.ok(earToSkin.length === 2 && earToSkin.every((x) => x > 0.3 && x < 0.7), `ear → skin ${earToSkin}`);
  for (const brow of ['LEFT_BROW', 'RIGHT_BROW']) assert.ok((row(brow)?.areaRatio ?? 0) > 1.1, `${brow} drawn thicker`);
  assert.ok(said('boundary', /eyebrows, B's edge lies \d\.\d px beyond A's/), 'brows reach beyond');
  assert.ok((row('GLASSES')?.areaRatio ?? 0) > 2 && said('flow', /of B's glasses pixels are skin in A/), 'whole-lens glasses');
  assert.ok((row('HAIR')?.boundaryDistancePx ?? 0) > 1.5 && said('boundary', /hair outline lies/), 'coarse hair outline');
  assert.equal(swaps.length, 0, 'left and right agree by position');
  assert.ok(said('sides', /viewer's side.*subject's own side.*where the classes sit agrees/), 'the side conventions are stated');
}

/** The distribution differences samples/README.md plants between the synthetic and real-style samples rank near the top, each the right way round. */
function assertPlantedDistributionGap(dist: DistRecord): void {
  // Part areas all follow the framing; the planted differences are ranked among the rest.
  const ranked = dist.summary.attributes.filter((c) => !c.name.startsWith('area:'));
  const rank = (name: string): number => ranked.findIndex((c) => c.name === name);
  const planted: Array<[string, 'higher' | 'lower', string]> = [
    ['faceArea', 'higher', 'tighter crops'],
    ['noise', 'higher', 'sensor noise'],
    ['ita', 'lower', 'darker skin tones'],
    ['yaw', 'higher', 'wider poses (spread)'],
    ['presence:glasses', 'higher', 'more glasses'],
    ['roll', 'higher', 'more tilt (spread)'],
    ['sharpness', 'lower', 'blur'],
  ];
  for (const [name, direction, what] of planted) {
    const at = rank(name);
    assert.ok(at >= 0 && at < 10, `${what}: ${name} ranks ${at + 1} of ${ranked.length}`);
    assert.equal(ranked[at].direction, direction, `${what}: ${name} is ${ranked[at].direction}`);
  }
  assert.ok(dist.expectedScore && dist.expectedScore.weightedMean > dist.expectedScore.plainMean, 'the model scores better where its training-like images are');
}

