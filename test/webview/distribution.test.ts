import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DistributionPanelEvents, DistributionPanelRequests, DistSnapshot } from '../../src/protocol/distributionPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { attributes, distRecord, distSnapshot, HOSTILE_NAME, serveDistribution } from './distributionFixtures';
import { waitFor, waitForPage } from './reportFixtures';

type Harness = WebviewHarness<DistributionPanelRequests, DistributionPanelEvents>;
type Call = { type: string } & Record<string, unknown>;

const chromium = chromiumPath();

describe('distribution webview', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<DistributionPanelRequests, DistributionPanelEvents>('distribution');
  async function open(snapshot: DistSnapshot, calls: Call[] = [], savedState?: unknown): Promise<Harness> {
    const harness = await session.open(serveDistribution(snapshot, calls), { savedState });
    await harness.page.waitForSelector('.dist-header h1');
    return harness;
  }

  it('shows the findings first, then the attributes by effect with the largest one\'s histogram', async () => {
    const { page, errors, states } = await open(distSnapshot());
    assert.equal(await page.evaluate('document.querySelector(".dist-view > section").className'), 'findings-section');
    assert.deepEqual(await page.locator('ol.findings li').allTextContents(), ["B's faces turn 14° further on average", 'B has 4.9× more glasses (39% of images vs 8%)']);
    assert.deepEqual(await page.locator('table.attribute-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-attribute'))), ['yaw', 'presence:glasses', 'brightness']);
    assert.deepEqual(await page.locator('table.attribute-table tbody tr:nth-child(1) td').allTextContents(), ['Wasserstein-1', '14.2', '1.40', '↑ B higher', '2.1°', '16.3°']);
    assert.deepEqual(await page.locator('table.attribute-table tbody tr:nth-child(2) td').allTextContents(), ['total variation', '0.31', '0.90', '↑ B higher', '8%', '39%']);
    assert.equal(await page.locator('table.attribute-table tbody tr:nth-child(2) th .attr-name').textContent(), 'presence:glasses');
    assert.equal(await page.locator('table.attribute-table tbody tr:nth-child(1) th').textContent(), 'yaw', 'a name equal to its title is not repeated');
    assert.equal(await page.locator('tr.attribute-row[aria-selected="true"]').getAttribute('data-attribute'), 'yaw');
    assert.equal(await page.locator('.attribute-detail').getAttribute('data-attribute'), 'yaw');
    assert.ok((await page.locator('.attribute-detail svg[data-figure="histogram"] rect').count()) > 0, 'the histogram has bars');
    assert.ok((await page.locator('.effects-section svg[data-figure="effect"] rect').count()) >= 3, 'the effect chart has a bar per attribute');
    assert.ok((await page.locator('.matching-section svg[data-figure="matching"]').count()) === 1, 'the matching chart is drawn');
    assert.equal(await page.locator('.matching-table tbody tr').count(), 2);
    assert.deepEqual(states.at(-1), { dir: '/results/distributions/synthetic--vs--real-style-0123abcd', attribute: 'yaw' });
    assert.match(await page.locator('.notes-section').innerText(), /pose from mask geometry[\s\S]*B: \/data\/real-style\/007\.jpg: no face labelled/);
    assert.deepEqual(errors, [], 'no page errors and no CSP violations');
  });

  it('draws the histogram of the row a user clicks (or reaches with the arrow keys) and remembers it', async () => {
    const { page, errors, states } = await open(distSnapshot());
    await page.locator('tr.attribute-row[data-attribute="presence:glasses"]').click();
    await waitForPage(page, 'document.querySelector(".attribute-detail").dataset.attribute === "presence:glasses"');
    assert.equal(await page.locator('.attribute-detail .detail-finding').textContent(), 'B has 4.9× more glasses (39% of images vs 8%)');
    const bars = await page.locator('.attribute-detail svg[data-figure="histogram"] rect').count();
    assert.ok(bars >= 4, `a no/yes pair of bars per side, got ${bars} rects`);
    assert.equal(await page.locator('tr.attribute-row[aria-selected="true"]').getAttribute('data-attribute'), 'presence:glasses');
    assert.deepEqual(states.at(-1), { dir: '/results/distributions/synthetic--vs--real-style-0123abcd', attribute: 'presence:glasses' });
    await page.keyboard.press('ArrowDown');
    await waitForPage(page, 'document.querySelector(".attribute-detail").dataset.attribute === "brightness"');
    assert.deepEqual(errors, []);
  });

  it('restores the chosen attribute after a reload', async () => {
    const { page, errors } = await open(distSnapshot(), [], { dir: '/elsewhere', attribute: 'brightness' });
    assert.equal(await page.locator('tr.attribute-row[aria-selected="true"]').getAttribute('data-attribute'), 'brightness');
    assert.equal(await page.locator('.attribute-detail').getAttribute('data-attribute'), 'brightness');
    assert.ok((await page.locator('.attribute-detail svg[data-figure="histogram"] rect').count()) > 0);
    assert.deepEqual(errors, []);
  });

  it('exports a figure as an SVG document or a PNG data URL, and asks the host to export the matched subset', async () => {
    const calls: Call[] = [];
    const { page, errors } = await open(distSnapshot(), calls);
    await page.locator('figure[data-figure="effects"] button.export-svg').click();
    await waitFor(() => calls.length === 1);
    assert.equal(calls[0].type, 'exportFigure');
    assert.equal(calls[0].name, 'effects');
    assert.equal(calls[0].format, 'svg');
    const svg = String(calls[0].data);
    assert.match(svg, /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/);
    assert.match(svg, /<\/svg>\s*$/);
    assert.ok(svg.includes('<rect'), 'the SVG holds the bars');
    await waitForPage(page, 'document.querySelector("figure[data-figure=effects] .figure-status").textContent.startsWith("saved to")');
    await page.locator('figure[data-figure="histogram-yaw"] button.export-png').click();
    await waitFor(() => calls.length === 2);
    assert.deepEqual([calls[1].type, calls[1].name, calls[1].format], ['exportFigure', 'histogram-yaw', 'png']);
    assert.match(String(calls[1].data), /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    await page.locator('vscode-button.export-subset').click();
    await waitFor(() => calls.length === 3);
    assert.deepEqual(calls[2], { type: 'exportSubset' });
    assert.deepEqual(errors, []);
  });

  it('shows feature distances and slices when the record has them', async () => {
    const record = distRecord({
      summary: {
        ...distRecord().summary,
        features: {
          extractor: 'encoder.onnx', dimension: 64, frechetDistance: 12.5, kid: { mean: 0.012, sd: 0.003, subsets: 10, subsetSize: 50 },
          precision: 0.62, recall: 0.41, density: 0.8, coverage: 0.55, k: 5,
          leastCoveredA: [{ id: '000012', distance: 3.2 }], leastCoveredB: [{ id: '000101', distance: 4.1 }],
        },
      },
      slices: [{ attribute: 'yaw', title: 'yaw', unit: '°', kind: 'continuous', bins: [
        { from: -40, to: 0, meanScore: 0.8, count: 50, trainShare: 0.5 },
        { from: 0, to: 40, meanScore: 0.6, count: 70, trainShare: 0.5 },
      ] }],
      expectedScore: { run: '/runs/r1', plainMean: 0.44, weightedMean: 0.52, effectiveSize: 60 },
    });
    const { page, errors } = await open(distSnapshot({ record }));
    assert.match(await page.locator('.features-section').innerText(), /Fréchet distance[\s\S]*12\.5[\s\S]*000012 \(3\.2\)[\s\S]*000101 \(4\.1\)/);
    assert.equal(await page.locator('.slices-section svg[data-figure="slice"]').count(), 1);
    assert.match(await page.locator('.expected-score').textContent() ?? '', /mean score 0\.44; expected 0\.52/);
    assert.deepEqual(errors, []);
  });

  it('renders hostile names, findings and paths as text, never as HTML', async () => {
    const [first, ...rest] = attributes();
    const hostile = { ...first, name: HOSTILE_NAME, title: HOSTILE_NAME, finding: HOSTILE_NAME };
    const base = distRecord();
    const record = distRecord({
      a: { ...base.a, description: HOSTILE_NAME, spec: { path: `/data/${HOSTILE_NAME}` } },
      summary: { ...base.summary, attributes: [hostile, ...rest], findings: [HOSTILE_NAME] },
      notes: [HOSTILE_NAME],
    });
    const dialogs: string[] = [];
    const { page, errors } = await open(distSnapshot({ record, title: HOSTILE_NAME }), [], { attribute: HOSTILE_NAME });
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    assert.equal(await page.locator('.dist-header h1').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('ol.findings li').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator(`tr.attribute-row[aria-selected="true"] .attr-title`).textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('.attribute-detail .detail-finding').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it('says why when the host cannot read the distribution folder', async () => {
    const harness = await session.open((host) => host.serve({ ready: () => Promise.reject(new Error('/d/x/dist.json: not valid JSON')), exportSubset: () => ({}), exportFigure: () => ({}) }));
    const alert = harness.page.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /\/d\/x\/dist\.json: not valid JSON/);
    assert.deepEqual(harness.errors, []);
  });
});
