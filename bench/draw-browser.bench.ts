import http from 'node:http';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fromHex, toHex } from '../src/domain/crypto/sha256.ts';
import { executeDraw, freezeManifest } from '../src/domain/draw/draw.ts';
import { resultHash, writeJcs } from '../src/domain/draw/jcs-hash.ts';
import { commitmentOf } from '../src/domain/draw/seed.ts';
import { loadManifest, sha256BlockNanoseconds } from './draw.bench.ts';
import type { Figure } from './machine.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 5_000;
const root = fileURLToPath(new URL('..', import.meta.url));

/** The page's script: the portal's own verification (web/src/portal/draws/verify-published.ts) of the body as the portal keeps it (a Blob, web/src/api/client.ts), timed step by step. */
const HARNESS = `
import { verifyPublishedBundle } from './web/src/portal/draws/verify-published.ts';
window.verifyNow = async (published) => {
  const t0 = performance.now();
  const response = await fetch('/bundle.json');
  const t1 = performance.now();
  const body = await response.blob();
  const t2 = performance.now();
  const explained = await verifyPublishedBundle(body, published);
  const t3 = performance.now();
  return { ok: explained.ok, failed: explained.checks.filter((c) => !c.ok).map((c) => c.name), download: t1 - t0, body: t2 - t1, verify: t3 - t2, total: t3 - t0, cpu: 0 };
};
`;

type Timing = { ok: boolean; failed: string[]; download: number; body: number; verify: number; total: number; cpu: number };

/**
 * 「在浏览器中验证」 for the draw of bench/draw.bench.ts (1,000,000 candidates → 100,000 tasks) in headless Chromium
 * (/usr/bin/chromium): the bundle (~100 MB of JCS, gzipped as the portal sends it) fetched from a local server and verified from its bytes by the portal's
 * own code — every check of verifyBundle (the manifest hash, the commitments, the seed, the draw recomputed, the
 * result compared byte for byte) with the SHA-256 WebAssembly kernel, then explained. A fresh page per run (as a
 * visitor gets). Target: the median ≤ 5 s. The page is served with the production Content-Security-Policy.
 */
export async function benchDrawBrowser(): Promise<Figure[]> {
  const { manifest, reveals, externals } = loadManifest();
  const frozen = freezeManifest(manifest);
  const result = executeDraw(frozen, reveals, externals);
  const observers = reveals.map((r) => ({ id: r.id, commitment: commitmentOf(frozen.hash, r.id, fromHex(r.reveal)), reveal: r.reveal }));
  // As the portal sends it (src/server/routes/public/public-draw-routes.ts): the bundle's JCS text, gzipped for a
  // browser that takes it (every one does); BENCH_PLAIN=1 sends it uncompressed.
  const chunks: Buffer[] = [];
  writeJcs({ manifest, observers, external: externals, result }, (chunk) => chunks.push(Buffer.from(chunk)));
  const bundle = Buffer.concat(chunks);
  const zipped = process.env.BENCH_PLAIN ? null : gzipSync(bundle, { level: 6 });
  const published = { manifestHash: toHex(frozen.hash), resultHash: resultHash(result), external: externals };

  const bundled = async (entry: { stdin: { contents: string; resolveDir: string; loader: 'ts' } } | { entryPoints: string[] }): Promise<string> => {
    const output = await build({
      ...entry,
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      minify: !process.env.BENCH_PROFILE,
      alias: { '@domain': `${root}src/domain`, '@contracts': `${root}src/contracts` },
    });
    return (output.outputFiles[0] as { text: string }).text;
  };
  const files: Record<string, { type: string; body: Buffer | string }> = {
    '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>verify</title><script type="module" src="/harness.js"></script>' },
    '/harness.js': { type: 'text/javascript', body: await bundled({ stdin: { contents: HARNESS, resolveDir: root, loader: 'ts' } }) },
    // The verifier's worker, where the page asks for it (`new URL('./bundle-hash-worker.ts', import.meta.url)`, which
    // Vite builds into a file of its own and esbuild leaves as written).
    '/bundle-hash-worker.ts': { type: 'text/javascript', body: await bundled({ entryPoints: [`${root}web/src/portal/draws/bundle-hash-worker.ts`] }) },
    '/bundle.json': { type: 'application/json', body: zipped ?? bundle },
  };
  const server = http.createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, {
      'content-type': file.type,
      // As src/server/security-hooks.ts sends it: scripts from the site only, WebAssembly compiled from them allowed.
      'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'",
      ...(request.url === '/bundle.json' && zipped ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const timings: Timing[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => typeof (globalThis as unknown as { verifyNow?: unknown }).verifyNow === 'function');
      // The page thread's CPU time too: on a shared machine the wall time includes waiting for a core.
      const metrics = await page.context().newCDPSession(page);
      await metrics.send('Performance.enable');
      const threadTime = async (): Promise<number> =>
        ((await metrics.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
      const cpuBefore = await threadTime();
      const session = process.env.BENCH_PROFILE && run === 0 ? await page.context().newCDPSession(page) : null;
      if (session) {
        await session.send('Profiler.enable');
        await session.send('Profiler.start');
      }
      const timing = await page.evaluate(
        (p) => (globalThis as unknown as { verifyNow: (p: unknown) => Promise<Timing> }).verifyNow(p),
        published,
      );
      if (session) {
        const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
        (await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE as string, JSON.stringify(profile));
      }
      timings.push({ ...timing, cpu: ((await threadTime()) - cpuBefore) * 1000 });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const blockNs = sha256BlockNanoseconds();
  const median = (pick: (t: Timing) => number): number => Math.round([...timings].map(pick).sort((a, b) => a - b)[Math.floor(timings.length / 2)] as number);
  const total = median((t) => t.total);
  const allOk = timings.every((t) => t.ok);
  const pass = allOk && total <= TARGET_MS;
  console.log(`  draw-browser: bundle ${(bundle.length / 2 ** 20).toFixed(0)} MiB of JCS${zipped ? `, sent gzipped (${(zipped.length / 2 ** 20).toFixed(0)} MiB)` : ', sent uncompressed'}, ${manifest.candidates.length.toLocaleString()} candidates, ${result.tasks.length.toLocaleString()} tasks`);
  console.log(
    `  draw-browser: ${pass ? 'PASS' : 'FAIL'} — verification in Chromium median ${total} ms (runs: ${timings.map((t) => Math.round(t.total)).join(', ')} ms), target ≤ ${TARGET_MS / 1000} s; ` +
      `median response ${median((t) => t.download)} ms, body ${median((t) => t.body)} ms, verify ${median((t) => t.verify)} ms` +
      (allOk ? '; every check passed' : `; FAILED checks: ${[...new Set(timings.flatMap((t) => t.failed))].join(', ')}`),
  );
  console.log(`  draw-browser: the page thread's CPU time for it: median ${median((t) => t.cpu)} ms (runs: ${timings.map((t) => Math.round(t.cpu)).join(', ')} ms)`);
  console.log(`  draw-browser: machine pace ${blockNs} ns of CPU per SHA-256 block; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  return [
    { name: 'verification in Chromium (1M candidates): median', value: total, unit: 'ms', target: `≤ ${TARGET_MS / 1000} s`, ok: pass },
    { name: 'of which the checks (verifyBundle): median', value: median((t) => t.verify), unit: 'ms' },
    { name: 'page thread CPU time for it: median', value: median((t) => t.cpu), unit: 'ms' },
    { name: 'machine pace: CPU per SHA-256 block', value: blockNs, unit: 'ns' },
  ];
}
