import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './machine.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(url: string, accept: (body: string) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok && accept(await res.text())) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; seconds: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/login`, (html) => html.includes('<div id="root">'), 60_000);
  return { child, seconds: (Date.now() - started) / 1000 };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

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
