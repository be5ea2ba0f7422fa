import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from './machine.ts';
import { startServer, stopServer } from './server-process.ts';

const run = promisify(execFile);
export type Load = { requests: number; rps: number; p50: number; p99: number; max: number; failures: number };

/**
 * 20 clients for 10 s from a second process (bench/load-client.mjs); `url` may be @file, a file of URLs asked in turn;
 * `cookiesFile` a file of Cookie headers, one a client (logged-in users).
 */
export async function load(url: string, connections = 20, seconds = 10, cookiesFile?: string): Promise<Load> {
  const { stdout } = await run(process.execPath, [
    path.resolve('bench/load-client.mjs'),
    url,
    String(connections),
    String(seconds),
    ...(cookiesFile ? [cookiesFile] : []),
  ]);
  return JSON.parse(stdout) as Load;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The portal's home under a crowd: 20 keep-alive clients in a second process against `npm start`'s server with the
 * demo data (12,000 units), on the embedded database, beside a static file from the same server (the machine's
 * ceiling for a request through Fastify). BENCH_SERVER_DIR=<another checkout> measures that checkout's server
 * instead (the before figure).
 */
export async function benchPublicHome(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-home-'));
  const port = 3950 + Math.floor(Math.random() * 40);
  const cwd = process.env.BENCH_SERVER_DIR ?? process.cwd();
  const { child } = await startServer({ dataDir, port, cwd });
  try {
    const base = `http://127.0.0.1:${port}`;
    await fetch(`${base}/api/public/home`);
    const home = await load(`${base}/api/public/home`);
    const staticFile = await load(`${base}/favicon.svg`);
    const where = cwd === process.cwd() ? '' : ` [${path.basename(cwd)}]`;
    return [
      {
        name: `GET /api/public/home, 20 clients, PGlite${where}: requests/s`,
        value: round(home.rps),
        unit: 'req/s',
        target: '≥ 200',
        ok: home.rps >= 200,
      },
      { name: `GET /api/public/home p50${where}`, value: round(home.p50), unit: 'ms' },
      { name: `GET /api/public/home p99${where}`, value: round(home.p99), unit: 'ms', target: '≤ 100 ms', ok: home.p99 <= 100 },
      { name: `GET /api/public/home max${where}`, value: round(home.max), unit: 'ms' },
      { name: `GET /api/public/home failures${where}`, value: home.failures, unit: '', target: '0', ok: home.failures === 0 },
      { name: `static file (ceiling), 20 clients${where}: requests/s`, value: round(staticFile.rps), unit: 'req/s' },
      { name: `static file p99${where}`, value: round(staticFile.p99), unit: 'ms' },
    ];
  } finally {
    await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
