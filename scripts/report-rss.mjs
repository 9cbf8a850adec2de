// Preloaded by scripts/bench.ts: writes the process's peak resident memory (KiB) to
// REPORT_RSS_FILE when it exits. getrusage counts every thread of the process.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.REPORT_RSS_FILE) writeFileSync(process.env.REPORT_RSS_FILE, String(process.resourceUsage().maxRSS));
});
