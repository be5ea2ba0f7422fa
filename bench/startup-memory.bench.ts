import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './machine.ts';
import { rssMiB, sleep, startServer as startServerAt, stopServer as stop } from './server-process.ts';

const startServer = (dataDir: string, port: number) => startServerAt({ dataDir, port });

/**
 * The embedded-database start: time from the start command until the login page is served, on an empty
 * data directory (create, migrate, load ~12,000 demo units) and again on the existing one; then the
 * server's resident memory after 10 s idle with the demo data loaded (target: under 1 GiB).
 */
export async function benchStartupAndMemory(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-'));
  const port = 3900 + Math.floor(Math.random() * 50);
  try {
    const first = await startServer(dataDir, port);
    await stop(first.child);
    const second = await startServer(dataDir, port);
    await fetch(`http://127.0.0.1:${port}/api/public/home`);
    await sleep(10_000);
    const rss = rssMiB(second.child.pid!);
    await stop(second.child);
    return [
      { name: 'first start → login page (create + migrate + demo)', value: first.seconds, unit: 's', target: '≤ 20 s', ok: first.seconds <= 20 },
      { name: 'restart on existing data → login page', value: second.seconds, unit: 's' },
      { name: 'idle RSS with demo data (PGlite, 12,000 units)', value: rss, unit: 'MiB', target: '< 1024 MiB', ok: rss < 1024 },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
