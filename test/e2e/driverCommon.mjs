// What the e2e driver's modules share: the repo and artefact folders, the clock, logging and timeouts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where screenshots and logs go; FACEGAP_E2E_ARTIFACTS moves them (the packaged-VSIX run keeps its own). */
export const ARTIFACTS = process.env.FACEGAP_E2E_ARTIFACTS ? resolve(process.env.FACEGAP_E2E_ARTIFACTS) : join(REPO, 'test-artifacts', 'e2e');
/** The extension under test: this repo, or an unpacked VSIX (FACEGAP_E2E_EXTENSION, set by runVsixE2E.mjs). */
export const EXTENSION = process.env.FACEGAP_E2E_EXTENSION ? resolve(process.env.FACEGAP_E2E_EXTENSION) : REPO;
/** Per checkpoint; below the suite's own 90 s wait (suite/checkpoint.ts) so that the suite hears why a view failed. */
export const CHECKPOINT_TIMEOUT_MS = 75_000;

const started = Date.now();

export const seconds = (from = started) => Math.round((Date.now() - from) / 100) / 10;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const say = (line) => console.log(`[e2e ${String(seconds()).padStart(5)} s] ${line}`);

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

export function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}

/**
 * A time budget for a checkpoint of several waits: `time(ms)` is `ms`, or what is left of the budget when that is less
 * (at least 1 s), so that all the waits together stay within the suite's wait for the checkpoint.
 */
export function budget(totalMs) {
  const deadline = Date.now() + totalMs;
  return (ms) => Math.max(1000, Math.min(ms, deadline - Date.now()));
}
