// The distribution checkpoint: the driver looks at the distribution panel like a user. The findings, the attributes
// table (largest effect first) and the plots are shown, the first row's histogram drawn (distribution-panel.png);
// clicking another row draws that attribute's histogram (distribution-histogram.png).
import { budget, CHECKPOINT_TIMEOUT_MS } from './driverCommon.mjs';
import { screenshot, waitInFrame, waitInView } from './webviewFrames.mjs';

export async function checkDistribution(page, request) {
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const { frame, value: panel } = await waitInView(page, 'distribution', {
    probe: panelProbe,
    ready: (s) => s.findings > 0 && s.rows > 1 && s.figures >= 2 && s.histogramBars > 0,
    timeoutMs: time(30_000),
    what: 'the distribution panel (body[data-view=distribution]) with findings (ol.findings li), the attributes table, the effect chart and a histogram with bars',
  });
  if (panel.firstRow !== request.top) throw new Error(`the attributes table should start with the largest effect, ${request.top}; its first row is ${panel.firstRow}`);
  if (panel.detail !== request.top) throw new Error(`the histogram shown first should be ${request.top}'s, it is ${panel.detail}'s`);
  const shot = await screenshot(page, 'distribution-panel.png');
  await frame.locator(`tr.attribute-row[data-attribute="${request.click}"]`).click({ timeout: 10_000 });
  const clicked = await waitInFrame(frame, {
    probe: panelProbe,
    ready: (s) => s.detail === request.click && s.selected === request.click && s.histogramBars > 0,
    timeoutMs: time(15_000),
    what: `after a click on the row of ${request.click}: its row selected and its histogram drawn with bars`,
  });
  return { ...panel, clicked: { detail: clicked.detail, bars: clicked.histogramBars }, screenshot: shot, histogramScreenshot: await screenshot(page, 'distribution-histogram.png') };
}

/** Runs in the distribution webview: what the panel shows. */
function panelProbe() {
  const detail = document.querySelector('.attribute-detail');
  return {
    title: document.querySelector('.dist-header h1')?.textContent ?? null,
    findings: document.querySelectorAll('ol.findings li').length,
    rows: document.querySelectorAll('table.attribute-table tbody tr').length,
    firstRow: document.querySelector('table.attribute-table tbody tr')?.getAttribute('data-attribute') ?? null,
    selected: document.querySelector('tr.attribute-row[aria-selected="true"]')?.getAttribute('data-attribute') ?? null,
    figures: document.querySelectorAll('svg[data-figure]').length,
    detail: detail?.getAttribute('data-attribute') ?? null,
    histogramBars: detail?.querySelectorAll('svg[data-figure="histogram"] rect').length ?? 0,
  };
}
