// Checks FaceGap against real third-party data kept outside the repository (../shared/realdata by default):
// dataset recognition of CelebAMask-HQ, FaceSynthetics and LaPa samples, and the pixel accuracy of a real
// face parser against an independent PyTorch reference. Usage: node --import tsx scripts/realdataCheck.ts [folder]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const root = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared', 'realdata'));

/** The reference protocol of the B_models README: 256×256 input, (x/255 − 0.5)/0.5, channel remap, scored at 256×256. */
const UNET_SPEC = {
  input: { layout: 'NCHW', width: 256, height: 256, colorOrder: 'RGB', scale: 1 / 255, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], resizeKernel: 'linear' },
  output: { stride: 1 },
  schema: 'celebamask-hq',
  channelToClass: [0, 11, 6, 1, 9, 5, 2, 16, 8, 3, 12, 7, 14, 13, 10, 17, 18, 4, 15],
};
const REFERENCE_PIXEL_ACCURACY = 0.904;
const TOLERANCE = 0.01;

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function infoCheck(folder: string, expect: { schema: string; format?: string; labelSize?: string; imageSize?: string; ignored?: boolean; landmarks?: number }): Check {
  const name = `info ${folder}`;
  const run = cli(['info', path.join(root, folder), '--json', '--no-progress']);
  if (run.code !== 0) return { name, ok: false, detail: run.stderr.trim() };
  const info = JSON.parse(run.stdout);
  const problems: string[] = [];
  if (info.schema.id !== expect.schema) problems.push(`schema ${info.schema.id}, expected ${expect.schema}`);
  if (expect.format && info.format !== expect.format) problems.push(`format ${info.format}, expected ${expect.format}`);
  if (expect.labelSize && Object.keys(info.labelSizes).join() !== expect.labelSize) problems.push(`label sizes ${Object.keys(info.labelSizes)}`);
  if (expect.imageSize && Object.keys(info.imageSizes).join() !== expect.imageSize) problems.push(`image sizes ${Object.keys(info.imageSizes)}`);
  if (expect.ignored && !(info.ignoredPixels > 0)) problems.push('no 255 (ignore) pixels found');
  if (expect.landmarks && info.landmarks.pointsPerFile[String(expect.landmarks)] !== info.images) problems.push(`landmarks ${JSON.stringify(info.landmarks)}`);
  if (info.problems.length > 0) problems.push(`${info.problems.length} problem(s): ${info.problems[0].file}: ${info.problems[0].problem}`);
  if (info.imagesRead !== info.images) problems.push(`${info.images - info.imagesRead} image(s) unreadable`);
  const detail = `${info.formatTitle}; schema ${info.schema.id} (${info.schema.reason}); ${info.images} images ${Object.keys(info.imageSizes)}, labels ${Object.keys(info.labelSizes)}; ignored px ${info.ignoredPixels}`;
  return { name, ok: problems.length === 0, detail: problems.length ? `${problems.join('; ')} | ${detail}` : detail };
}

function unetCheck(work: string): Check {
  const name = 'eval A1 with unet_small_celebamask19 at 256×256';
  const spec = path.join(work, 'unet.spec.json');
  fs.writeFileSync(spec, JSON.stringify(UNET_SPEC, null, 2));
  const model = path.join(root, 'B_models', 'unet_small_celebamask19.onnx');
  const args = ['eval', path.join(root, 'A1_celebamaskhq_maskgan_demo'), '--model', model, '--spec', spec, '--score-at', '256x256', '--ep', 'cpu', '--out', path.join(work, 'run-a1'), '--json', '--no-progress'];
  const run = cli(args);
  if (run.code !== 0) return { name, ok: false, detail: run.stderr.trim() };
  const summary = JSON.parse(run.stdout);
  const delta = summary.pixelAccuracy - REFERENCE_PIXEL_ACCURACY;
  const ok = Math.abs(delta) <= TOLERANCE && summary.images === 4 && summary.skipped.length === 0;
  const detail = `pixel accuracy ${summary.pixelAccuracy.toFixed(4)} (reference ${REFERENCE_PIXEL_ACCURACY}, Δ ${delta >= 0 ? '+' : ''}${delta.toFixed(4)}); mean F1 ${summary.meanF1.toFixed(4)}, mIoU ${summary.mIoU.toFixed(4)}; provider ${summary.executionProvider}`;
  return { name, ok, detail };
}

function main(): number {
  if (!fs.existsSync(root)) {
    console.log(`realdata: ${root} not found; nothing to check`);
    return 0;
  }
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing; run npm run build first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'facegap-realdata-'));
  try {
    const checks = [
      infoCheck('A1_celebamaskhq_maskgan_demo', { schema: 'celebamask-hq', labelSize: '512×512', imageSize: '1024×1024' }),
      infoCheck('A2_celebamaskhq_ce7454_devpublic', { schema: 'celebamask-hq', labelSize: '512×512' }),
      infoCheck('A3_facesynthetics', { schema: 'facesynthetics', format: 'facesynthetics', ignored: true, landmarks: 70 }),
      infoCheck('A4_lapa_single', { schema: 'lapa', format: 'lapa' }),
      unetCheck(work),
    ];
    for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}\n     ${c.detail}`);
    const failed = checks.filter((c) => !c.ok).length;
    console.log(`realdata: ${checks.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
