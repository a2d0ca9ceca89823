// Preloaded into the bench's child processes (node --import): on exit, writes the process's peak resident set size
// (resourceUsage().maxRSS, KiB; worker threads included) to the file named by FACEGAP_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.FACEGAP_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })));
}
