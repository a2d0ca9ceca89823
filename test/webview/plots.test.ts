import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import type { EventBody, RequestMap } from '../../src/protocol/rpc';
import { HOSTILE_TITLE } from '../helpers/distRecordFixture';
import { chromiumPath, launchChromium, openWebview, type WebviewHarness } from '../helpers/webviewHarness';

const chromium = chromiumPath();
/** The test page's bundle goes to the ignored scratch folder, never to dist/ (which the VSIX ships). */
const BUNDLE_DIR = path.join(__dirname, '..', '..', '.facegap-tmp', 'webview-plots');

/** Page code for page.evaluate, as text: the Node program has no DOM types. */
const VIOLATIONS = 'window.__plots.violations';

describe('figures in a webview under the production CSP', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  let browser: Browser | undefined;
  let harness: WebviewHarness<RequestMap, EventBody> | undefined;
  const open = (): WebviewHarness<RequestMap, EventBody> => harness ?? assert.fail('the page did not open');
  before(async () => {
    await esbuild.build({
      entryPoints: { plots: path.join(__dirname, 'pages', 'plotsPage.ts') },
      outdir: BUNDLE_DIR,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      loader: { '.css': 'css' },
      logLevel: 'warning',
    });
    browser = await launchChromium(chromium as string);
    harness = await openWebview<RequestMap, EventBody>(browser, 'plots', () => undefined, { bundleDir: BUNDLE_DIR });
    await harness.page.waitForSelector('#app[aria-busy="false"]');
  });
  after(async () => {
    await harness?.close();
    await browser?.close();
  });

  it('draws every figure with no CSP violation, text and axes in the theme’s text colour', async () => {
    const { page, errors } = open();
    assert.deepEqual(await page.$$eval('svg.facegap-plot', (svgs) => svgs.map((s) => s.getAttribute('data-figure'))), [
      'effect', 'histogram', 'histogram', 'histogram', 'matching', 'slice', 'slice', 'decomposition',
    ]);
    assert.equal(await page.locator('svg.facegap-plot style').count(), 0);
    const colours = (await page.evaluate(`(() => {
      const tick = document.querySelector('svg.facegap-plot g[aria-label="x-axis tick label"] text');
      return { body: getComputedStyle(document.body).color, tick: getComputedStyle(tick).fill, display: getComputedStyle(document.querySelector('svg.facegap-plot')).display };
    })()`)) as { body: string; tick: string; display: string };
    assert.equal(colours.tick, colours.body, 'currentColor follows the page (the VS Code theme)');
    assert.equal(colours.display, 'block', 'plots.css applies in place of Plot’s inline <style>');
    assert.deepEqual(await page.evaluate(VIOLATIONS), []);
    assert.deepEqual(errors, []);
  });

  it('keeps a hostile attribute title as text', async () => {
    const { page } = open();
    assert.equal(await page.locator('#app img').count(), 0);
    const ticks = await page.$$eval('svg[data-figure="effect"] g[aria-label="y-axis tick label"] text', (t) => t.map((x) => x.textContent));
    assert.ok(ticks.some((t) => t?.includes(HOSTILE_TITLE.slice(0, 20))), ticks.join(' | '));
  });

  it('exports a figure as a PNG (canvas) and a well-formed standalone SVG', async () => {
    const { page, errors } = open();
    const result = (await page.evaluate('window.__plots.exportCheck()')) as Record<string, unknown>;
    const width = await page.$eval('svg[data-figure="effect"]', (s) => Number(s.getAttribute('width')));
    const height = await page.$eval('svg[data-figure="effect"]', (s) => Number(s.getAttribute('height')));
    assert.deepEqual({ ...result, blobBytes: (result.blobBytes as number) > 1000 }, {
      pngWidth: 2 * width,
      pngHeight: 2 * height,
      blobType: 'image/png',
      blobBytes: true,
      svgStart: '<?xml version="1.0" encoding="UTF-8"?>\n<svg ',
    });
    assert.deepEqual(await page.evaluate(VIOLATIONS), [], 'drawing the export adds no violation');
    assert.deepEqual(errors, []);
  });

  it('would report Plot’s own <style> element as a violation (the check above can fail)', async () => {
    const { page } = open();
    await page.evaluate('window.__plots.appendPlainPlot()');
    await page.waitForFunction(`${VIOLATIONS}.length > 0`);
    const violations = (await page.evaluate(VIOLATIONS)) as string[];
    assert.match(violations[0], /^style-src/);
  });
});
