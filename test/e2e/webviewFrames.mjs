// Finding and polling the webview iframes of the workbench (webviews are iframes inside iframes, each document marked
// with body[data-view=<view>]), describing them for failure reports, and screenshots.
import { join, relative } from 'node:path';
import { ARTIFACTS, REPO, say, sleep, withTimeout } from './driverCommon.mjs';

/** Frames whose document has body[data-view=<view>], visible ones first. */
export async function viewFrames(page, view) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame === page.mainFrame()) continue;
    const value = await withTimeout(frame.evaluate(() => document.body?.getAttribute('data-view') ?? null), 2000, 'frame').catch(() => null);
    if (value !== view) continue;
    const element = await frame.frameElement().catch(() => null);
    const box = element ? await element.boundingBox().catch(() => null) : null;
    found.push({ frame, visible: !!box && box.width > 0 && box.height > 0 });
  }
  return found.sort((a, b) => Number(b.visible) - Number(a.visible));
}

/**
 * Polls `probe(arg)` (run in the page of the visible frame with body[data-view=<view>]) until `ready(state)` holds;
 * frames may come and go meanwhile. On timeout the error says what was expected (`what`) and what was last seen.
 */
export async function waitInView(page, view, { probe, arg, ready, timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  let last = `no frame with body[data-view=${view}]`;
  while (Date.now() < deadline) {
    const [candidate] = await viewFrames(page, view);
    if (candidate && !candidate.visible) last = `a frame with body[data-view=${view}] exists but is hidden`;
    else if (candidate) {
      const state = await probeFrame(candidate.frame, probe, arg);
      if (!state.error && ready(state)) return { frame: candidate.frame, value: state };
      last = `last seen: ${JSON.stringify(state)}`;
    }
    await sleep(250);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s (${last})`);
}

/** Like waitInView, in one known frame, polling every `pollMs`. */
export async function waitInFrame(frame, { probe, arg, ready, timeoutMs, what, pollMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  let state;
  while (Date.now() < deadline) {
    state = await probeFrame(frame, probe, arg);
    if (!state.error && ready(state)) return state;
    await sleep(pollMs);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s (last seen: ${JSON.stringify(state)})`);
}

/** Runs `probe(arg)` in a frame; an error (a detached frame, a probe that threw) comes back as { error }. */
export function probeFrame(frame, probe, arg) {
  return withTimeout(frame.evaluate(probe, arg), 3000, 'evaluating in the webview').catch((error) => ({ error: String(error.message ?? error).split('\n')[0] }));
}

/** What every frame holds, for failure reports. */
export async function describeFrames(page) {
  const frames = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const info = await withTimeout(frame.evaluate(frameSummary), 2000, 'frame').catch((error) => ({ error: String(error.message ?? error) }));
    if (frame === page.mainFrame()) frames.push({ frame: 'main', title: info.title, elements: info.elements });
    else frames.push({ url: frame.url().slice(0, 160), ...info });
  }
  return frames;
}

/** Runs in a frame: its view, title, size, text and class names, briefly. */
function frameSummary() {
  const classes = new Set();
  for (const el of document.querySelectorAll('[class]')) for (const c of el.classList) if (classes.size < 40) classes.add(c);
  return {
    view: document.body?.getAttribute('data-view') ?? null,
    title: document.title,
    elements: document.querySelectorAll('*').length,
    text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
    html: (document.body?.innerHTML ?? '').slice(0, 300),
    classes: [...classes],
  };
}

/** Screenshots the whole workbench to test-artifacts/e2e/<name>; returns the repo-relative path. */
export async function screenshot(page, name) {
  const file = join(ARTIFACTS, name);
  await withTimeout(page.screenshot({ path: file, fullPage: true }), 20_000, `screenshot ${name}`);
  say(`screenshot ${relative(REPO, file)}`);
  return relative(REPO, file);
}
