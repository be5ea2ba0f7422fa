import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The resident memory of a process, from /proc. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function waitFor(url: string, accept: (body: string) => boolean, timeoutMs: number): Promise<void> {
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

/**
 * `npm start`'s server as its own process on `port`, over the embedded database in `dataDir` (or the PostgreSQL
 * database at `databaseUrl`), from the checkout at `cwd` (default: this one; another checkout gives a before/after
 * figure). Resolves once the login page is served, with the seconds it took.
 */
export async function startServer(options: {
  dataDir: string;
  port: number;
  databaseUrl?: string;
  cwd?: string;
  /** The script to run instead of src/server/main.ts (bench/portal-server.ts), and more environment for it. */
  entry?: string;
  env?: Record<string, string>;
}): Promise<{ child: ChildProcess; seconds: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/server/main.ts'], {
    cwd: options.cwd ?? process.cwd(),
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: String(options.port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl ?? '',
      // The draw warm-up (decision 0030) would share the cores with what the benches measure.
      DRAW_WARM_UP: 'false',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${options.port}/login`, (html) => html.includes('<div id="root">'), 120_000);
  return { child, seconds: (Date.now() - started) / 1000 };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
